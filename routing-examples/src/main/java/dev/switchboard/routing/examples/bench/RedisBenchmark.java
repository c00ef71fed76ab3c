package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.redis.RedisLiveState;
import dev.switchboard.routing.redis.RedisRoutingStore;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.testkit.RedisProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * A router on Redis against one loopback round trip: {@link #ping} is a {@code PING} on a Lettuce connection of the
 * kind the store uses (synchronous commands on one thread-safe connection), {@link #routeAndRelease} routes one
 * conversation on a round-robin router whose live state is in Redis and releases it. Their ops/s ratio is the cost of
 * a cycle in round trips. Run with {@code -t 4} for several threads; with {@code -p instances=2} the threads share two
 * routers, each on its own store (its own connection), on one tenant.
 *
 * <p>The trial starts its own redis-server (a {@link RedisProcess}) unless {@code -p redis=redis://host:port} names
 * one; each trial routes on a tenant of its own, so runs against one server do not mix.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RedisBenchmark {

    /** Conversations an owner can hold at once: room for every thread's conversation at any time. */
    static final int CAPACITY = 8;

    /** A Redis URI to run on, or empty to start a redis-server for the trial. */
    @Param({""})
    public String redis;

    /** Owners on the round-robin roster. */
    @Param({"100"})
    public int owners;

    /** Routers sharing the tenant, each on a store of its own; thread {@code i} uses router {@code i % instances}. */
    @Param({"1"})
    public int instances;

    private RedisProcess server;
    private RedisClient client;
    private RedisCommands<String, String> commands;
    private final List<RedisRoutingStore> stores = new ArrayList<>();
    private final List<Router> routers = new ArrayList<>();

    /** Starts the server (unless given one), connects, and builds the routers with their owners online. */
    @Setup(Level.Trial)
    public void start(BenchmarkClock time) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, was " + instances);
        }
        String uri = redis;
        if (uri.isEmpty()) {
            server = new RedisProcess(false);
            server.start();
            uri = server.uri();
        }
        client = RedisClient.create(uri);
        StatefulRedisConnection<String, String> connection = client.connect();
        commands = connection.sync();
        String tenant = "bench-" + UUID.randomUUID();
        for (int i = 0; i < instances; i++) {
            RedisRoutingStore store = RedisRoutingStore.builder().uri(uri).tenant(tenant).build();
            stores.add(store);
            Router.Builder builder = Router.builder().clock(time.clock).chain(new RoundRobin())
                    .fallbackQueue("waiting", Duration.ofMinutes(15)).liveState(RedisLiveState.factory(store));
            for (int owner = 0; owner < owners; owner++) {
                builder.owner(Owner.agent("agent-" + owner).capacity(CAPACITY).build(), Presence.ONLINE);
            }
            routers.add(builder.build());
        }
    }

    /** Closes the connections and stops a server the trial started. */
    @TearDown(Level.Trial)
    public void stop() {
        stores.forEach(RedisRoutingStore::close);
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2)); // and with it the PING connection
        }
        if (server != null) {
            server.close();
        }
    }

    /** The router a benchmark thread uses. */
    Router router(int thread) {
        return routers.get(thread % routers.size());
    }

    /** One loopback round trip. */
    @Benchmark
    public String ping() {
        return commands.ping();
    }

    /** One route+release cycle on Redis; the decision is returned so that JMH consumes it. */
    @Benchmark
    public Decision routeAndRelease(ThreadConversations conversations, ThreadParams thread) {
        Router router = router(thread.getThreadIndex());
        Conversation conversation = conversations.next();
        Decision decision = router.route(conversation);
        router.release(conversation.id());
        return decision;
    }
}
