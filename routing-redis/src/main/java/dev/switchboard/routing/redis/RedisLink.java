package dev.switchboard.routing.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.function.Function;

/**
 * One Lettuce connection, shared by every thread (Lettuce is thread-safe), made on first use and made again on the
 * first call after it broke. It does not reconnect by itself: a reconnecting client would re-send the commands that
 * were in flight when the connection broke (at least once), and a commit sent twice would answer that the
 * conversation is already placed. Here a broken call fails at once with {@link RedisUnavailableException}.
 */
final class RedisLink implements AutoCloseable {

    /** Calls by thread on any store's connection, so that another store's call on the thread counts too. */
    private static final ThreadLocal<long[]> CALLS = ThreadLocal.withInitial(() -> new long[1]);

    private final RedisClient client;
    private final RedisURI uri;
    private StatefulRedisConnection<String, String> connection;
    private boolean closed;
    /** How many calls failed to reach Redis on each thread, so that what a failed call held is dropped. */
    private final ThreadLocal<int[]> failures = ThreadLocal.withInitial(() -> new int[1]);

    RedisLink(RedisURI uri, Duration connectTimeout, Duration commandTimeout) {
        this.uri = uri;
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
    }

    /** Runs commands on the connection; a failure to reach Redis is a {@link RedisUnavailableException}. */
    <T> T call(Function<RedisCommands<String, String>, T> commands) {
        CALLS.get()[0]++;
        try {
            return attempt(commands);
        } catch (RedisUnavailableException e) {
            failures.get()[0]++;
            throw e;
        }
    }

    /** How many calls on this thread failed to reach Redis (a {@link RedisUnavailableException}) so far. */
    int failuresOnThisThread() {
        return failures.get()[0];
    }

    /** How many calls this thread made on any store's connection so far, answered or not. */
    long callsOnThisThread() {
        return CALLS.get()[0];
    }

    private <T> T attempt(Function<RedisCommands<String, String>, T> commands) {
        StatefulRedisConnection<String, String> open = connection();
        try {
            return commands.apply(open.sync());
        } catch (RedisLoadingException | RedisBusyException e) {
            throw unavailable("is not ready", e);
        } catch (RedisCommandExecutionException e) {
            throw e; // Redis answered: a script error or NOSCRIPT, for the caller
        } catch (RedisException e) {
            drop(open);
            throw unavailable("did not answer", e);
        }
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (closed) {
            throw new IllegalStateException("the Redis routing store is closed");
        }
        if (connection == null || !connection.isOpen()) {
            drop(connection);
            try {
                connection = client.connect(LosslessStringCodec.INSTANCE, uri);
            } catch (RedisException e) {
                throw unavailable("cannot be reached", e);
            }
        }
        return connection;
    }

    private synchronized void drop(StatefulRedisConnection<String, String> broken) {
        if (broken != null) {
            broken.closeAsync();
        }
        if (connection == broken) {
            connection = null;
        }
    }

    private RedisUnavailableException unavailable(String what, Exception cause) {
        return new RedisUnavailableException("Redis at " + uri.getHost() + ":" + uri.getPort() + " " + what + ": "
                + cause.getMessage(), cause);
    }

    @Override
    public synchronized void close() {
        closed = true;
        connection = null; // closed by the client's shutdown: closing it first as well makes Lettuce warn
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
