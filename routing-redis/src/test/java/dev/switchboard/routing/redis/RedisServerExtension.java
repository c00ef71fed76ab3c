package dev.switchboard.routing.redis;

import dev.switchboard.routing.testkit.RedisProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Runs a real redis-server (see {@link RedisProcess}) for one test class: started before its first test on a free
 * loopback port, stopped after its last. Register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();}</pre>
 *
 * <p>These tests are never skipped: a server that cannot be started fails the class with the reason, and a test
 * that aborts (an assumption that did not hold) fails instead.
 */
final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    private final boolean durable;
    private RedisProcess server;
    private String startedFor;

    /** A server that keeps nothing on disk. */
    RedisServerExtension() {
        this(false);
    }

    private RedisServerExtension(boolean durable) {
        this.durable = durable;
    }

    /** A server that fsyncs every write to its append-only file, so that it can be killed and started again. */
    static RedisServerExtension durable() {
        return new RedisServerExtension(true);
    }

    /** Starts the server for the class that registers the extension; its nested classes share that server. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (server == null) {
            server = new RedisProcess(durable);
            startedFor = context.getUniqueId();
            server.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedFor)) {
            server.close();
            server = null;
        }
    }

    /** The running server's URI. */
    String uri() {
        return server.uri();
    }

    /** Kills the server; a durable one keeps every write it acknowledged. */
    void kill() {
        server.kill();
    }

    /** Starts the killed server again on the same port, with the data a durable one had. */
    void start() {
        server.start();
    }

    /** A store on a new connection, for a tenant no other test uses. */
    RedisRoutingStore store() {
        return store(newTenant());
    }

    /** A tenant no other test uses. */
    String newTenant() {
        return "t" + TENANTS.incrementAndGet();
    }

    /** A store on a new connection for a given tenant (stores of one tenant share its state). */
    RedisRoutingStore store(String tenant) {
        return builder(tenant).build();
    }

    /** A builder of stores on this server for a given tenant, for tests that set more. */
    RedisRoutingStore.Builder builder(String tenant) {
        return RedisRoutingStore.builder().uri(uri()).tenant(tenant);
    }

    /** How many times this server ran a script by EVALSHA since it started (one round trip each). */
    long scriptCalls() {
        return calls("evalsha");
    }

    /** How many times this server ran a command (lower case), scripts' own calls included, since it started. */
    long calls(String command) {
        String stats = raw(redis -> redis.info("commandstats"));
        for (String line : stats.split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                return Long.parseLong(line.replaceAll("^cmdstat_" + command + ":calls=(\\d+),.*$", "$1").trim());
            }
        }
        return 0;
    }

    /** Runs raw commands on a connection of their own, to look at keys the store does not show. */
    <T> T raw(Function<RedisCommands<String, String>, T> commands) {
        RedisClient client = RedisClient.create(uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return commands.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw failIfAborted(throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw failIfAborted(throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw failIfAborted(throwable);
    }

    private static Throwable failIfAborted(Throwable throwable) {
        return throwable instanceof TestAbortedException
                ? new AssertionError("a Redis test must run, not be skipped: " + throwable.getMessage(), throwable)
                : throwable;
    }
}
