package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.strategy.LeastLoaded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each router's near-cache of the owners' states in Redis, with two routers on one tenant: what the other instance
 * changed is seen once the cache is older than its max age, or at once when the store refuses a commit that relied on
 * what changed (the refusal's reply carries the changes, and the router decides again on them).
 */
class NearCacheTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration MAX_AGE = Duration.ofMillis(50);

    private final String tenant = REDIS.newTenant();
    private final ManualClock clock = new ManualClock(Fixtures.T0);
    /** The clock the second router's near-cache ages by. */
    private final ManualClock cacheClock = new ManualClock(Fixtures.T0);
    private final List<RedisRoutingStore> stores = new ArrayList<>();

    private Router router(ManualClock ages, Presence benIs) {
        RedisRoutingStore store = REDIS.builder(tenant).nearCacheMaxAge(MAX_AGE).nearCacheClock(ages).build();
        stores.add(store);
        return Router.builder().chain(new LeastLoaded()).clock(clock).fallbackQueue("general", Duration.ofHours(1))
                .liveState(store.liveState()).owner(Fixtures.agent("ana", 3), Presence.ONLINE)
                .owner(Fixtures.agent("ben", 3), benIs).build();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisRoutingStore::close);
    }

    private static String ownerOf(Decision decision) {
        return ((Decision.Assigned) decision).ownerId();
    }

    @Test
    void seesAnotherInstancesPresenceChange_onceTheMaxAgePasses() {
        Router first = router(new ManualClock(Fixtures.T0), Presence.AWAY);
        Router second = router(cacheClock, Presence.AWAY);
        second.release(((Decision.Assigned) second.route(Fixtures.chat("warm-up"))).conversationId());

        first.setPresence("ben", Presence.ONLINE);
        String withinMaxAge = ownerOf(second.route(Fixtures.chat("c1")));
        cacheClock.advance(MAX_AGE.plusMillis(1));
        String afterMaxAge = ownerOf(second.route(Fixtures.chat("c2")));

        assertThat(withinMaxAge).as("ben still away in a cache younger than its max age").isEqualTo("ana");
        assertThat(afterMaxAge).as("ben online, and the least loaded").isEqualTo("ben");
        assertThat(second.stats().retried()).isZero();
    }

    @Test
    void retriesOnTheChangesItsRefusedCommitCarries_whenAnotherInstanceChangedTheOwner() {
        Router first = router(new ManualClock(Fixtures.T0), Presence.ONLINE);
        Router second = router(cacheClock, Presence.ONLINE);
        String busier = ownerOf(second.route(Fixtures.chat("held")));
        String idle = busier.equals("ana") ? "ben" : "ana";

        first.setPresence(idle, Presence.AWAY);
        assertThat(second.placement("c1")).isEmpty(); // the server knows every script used below from here on
        long scriptsBefore = REDIS.scriptCalls();
        Decision decision = second.route(Fixtures.chat("c1"));

        assertThat(ownerOf(decision)).as("the least loaded in a fresh view").isEqualTo(busier);
        assertThat(second.stats().retried()).as("the commit to the idle owner, away, refused once").isOne();
        assertThat(REDIS.scriptCalls() - scriptsBefore)
                .as("two commits with one read between them, of where the conversation is, and no refresh")
                .isEqualTo(3);
    }
}
