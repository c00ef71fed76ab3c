package dev.switchboard.routing.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real redis-server process on a loopback port of its own, for tests and benchmarks: the {@code redis-server} on
 * the PATH when there is one, or else the linux-amd64 binary that {@code com.github.codemonstur:embedded-redis} ships
 * in its jar (put that artifact on the class path; the kit does not bring it). A durable one keeps an append-only file,
 * fsynced on every write, in a directory of its own, so that a server killed and started again on the same port
 * comes back with every write it acknowledged; the others keep nothing on disk.
 */
public final class RedisProcess implements AutoCloseable {

    private static final String SHIPPED = "redis-server-6.2.6-v5-linux-amd64";

    private final Path binary;
    private final Path directory;
    private final int port;
    private final boolean durable;
    private final List<String> log = new ArrayList<>();
    private Process process;

    /**
     * A server not yet started, on a free port.
     *
     * @param durable whether it keeps an append-only file fsynced on every write, to come back after a kill
     */
    public RedisProcess(boolean durable) {
        this.durable = durable;
        try {
            binary = binary();
            directory = Files.createTempDirectory("switchboard-redis-");
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's URI, {@code redis://127.0.0.1:port}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Starts the server and returns once it accepts connections; fails with its log when it does not. A server
     * still running when the JVM exits (a test run cut short) is killed with it.
     */
    public void start() {
        if (process != null) {
            throw new IllegalStateException("redis-server is already running on port " + port);
        }
        log.clear();
        try {
            process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--dir", directory.toString(), "--save", "", "--appendonly", durable ? "yes" : "no",
                    "--appendfsync", "always", "--daemonize", "no", "--logfile", "", "--loglevel", "notice")
                    .redirectErrorStream(true).start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "redis-server-" + port));
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = output.readLine()) != null) {
                log.add(line);
                if (line.contains("Ready to accept connections")) {
                    drain(output);
                    return;
                }
            }
            process.waitFor(5, TimeUnit.SECONDS);
            process = null;
            throw new IllegalStateException("redis-server (" + binary + ") exited before it was ready:\n"
                    + String.join("\n", log));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redis-server started", e);
        }
    }

    /** Stops the server (SIGTERM), waits for it, and deletes its directory. */
    @Override
    public void close() {
        end(false);
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the server (SIGKILL: it has no chance to answer or flush anything more) and waits for it. */
    public void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        try {
            if (forcibly) {
                process.destroyForcibly().waitFor();
            } else if (!stopGently()) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redis-server stopped", e);
        }
        process = null;
    }

    private boolean stopGently() throws InterruptedException {
        process.destroy();
        return process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The server's output goes on being read, so that a full pipe never blocks it. */
    private static void drain(BufferedReader output) {
        Thread drainer = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // the log is only needed until the server is ready
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "redis-server-output");
        drainer.setDaemon(true);
        drainer.start();
    }

    private static Path binary() throws IOException {
        Optional<Path> onPath = onPath();
        if (onPath.isPresent()) {
            return onPath.get();
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("no redis-server on the PATH, and the shipped one is for linux-amd64, not "
                    + os + "-" + arch + ": install redis-server");
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-redis-server", SHIPPED);
        if (!Files.isExecutable(target)) {
            try (InputStream in = RedisProcess.class.getResourceAsStream("/" + SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException("no redis-server on the PATH and none in embedded-redis's jar ("
                            + SHIPPED + "): is com.github.codemonstur:embedded-redis on the class path?");
                }
                Files.createDirectories(target.getParent());
                Path partial = Files.createTempFile(target.getParent(), SHIPPED, ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                if (!partial.toFile().setExecutable(true)) {
                    throw new IllegalStateException("cannot make " + partial + " executable");
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
