package dev.switchboard.routing.spring;

import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.replay.StateSnapshotJson;
import dev.switchboard.routing.state.StateSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The file at {@code switchboard.state-file} that carries the router's whole live state across a restart: the router
 * is built from it when it exists ({@link #routerBuilder}), with the document's plan and settings, and the file is
 * then moved aside (to the same name with {@code .restored}), so that a crash later never restores that old state
 * again; when the context closes, the router's {@link Router#snapshot() snapshot} is written to it. It stops last,
 * after the web server and the {@link RouterTicker}, so no request routes after the snapshot is taken.
 */
public final class RouterStateFile implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RouterStateFile.class);

    private final Path file;
    private Router router;
    private boolean running;

    /** The state file at {@code file}, not yet bound to a router. */
    public RouterStateFile(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        this.file = file;
    }

    /** Where the state is kept. */
    public Path file() {
        return file;
    }

    /**
     * A builder for the configuration's router: restored from the file when it exists (which is then moved aside),
     * else with the document's roster as at a first start.
     *
     * @throws IllegalArgumentException naming the file and the problem, when the file is not a state snapshot
     */
    Router.Builder routerBuilder(RoutingConfig config) {
        if (!Files.exists(file)) {
            return config.routerBuilder();
        }
        StateSnapshot snapshot;
        try {
            snapshot = StateSnapshotJson.read(file);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("switchboard.state-file " + file + " cannot be restored: "
                    + bad.getMessage(), bad);
        }
        Router.Builder builder = config.restoredRouterBuilder(snapshot);
        Path aside = file.resolveSibling(file.getFileName() + ".restored");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the restored state file " + file + " aside: "
                    + e.getMessage(), e);
        }
        LOG.info("Switchboard restored {} owned and {} waiting conversations from {}", snapshot.owned().size(),
                snapshot.waiting().size(), file);
        return builder;
    }

    /** The router whose state is written to the file when the context closes. */
    void keep(Router router) {
        this.router = router;
    }

    @Override
    public synchronized void start() {
        running = true;
    }

    /** Writes the router's snapshot to the file, whole or not at all (see {@link StateSnapshotJson#write}). */
    @Override
    public synchronized void stop() {
        if (running && router != null) {
            StateSnapshot snapshot = router.snapshot();
            StateSnapshotJson.write(snapshot, file);
            LOG.info("Switchboard wrote {} owned and {} waiting conversations to {}", snapshot.owned().size(),
                    snapshot.waiting().size(), file);
        }
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Stops after every other lifecycle: the web server and the ticker stop first. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
