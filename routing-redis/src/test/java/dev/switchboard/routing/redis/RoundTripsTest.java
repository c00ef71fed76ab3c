package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a route and a release cost a router on Redis, counted by the server itself ({@code INFO commandstats}): on
 * one instance, with its near-cache fresh, a route is one script (the commit) and a release is one script.
 */
class RoundTripsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void routeAndReleaseAreTwoScripts_onOneInstanceWithRoundRobin() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        try (RedisRoutingStore store = REDIS.builder(REDIS.newTenant()).nearCacheClock(clock).build()) {
            Router.Builder builder = Router.builder().chain(new RoundRobin()).clock(clock)
                    .fallbackQueue("general", Duration.ofHours(1)).liveState(store.liveState());
            for (String id : List.of("ana", "ben", "cleo")) {
                builder.owner(Fixtures.agent(id, 2), Presence.ONLINE);
            }
            Router router = builder.build();
            router.release(((Decision.Assigned) router.route(Fixtures.chat("warm-up"))).conversationId());

            long before = REDIS.scriptCalls();
            List<String> owners = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Conversation conversation = Fixtures.chat("c" + i);
                owners.add(((Decision.Assigned) router.route(conversation)).ownerId());
                router.release(conversation.id());
            }

            assertThat(REDIS.scriptCalls() - before).isEqualTo(2 * 30);
            assertThat(owners.subList(0, 6)).containsExactly("ben", "cleo", "ana", "ben", "cleo", "ana");
            assertThat(router.stats().retried()).isZero();
        }
    }
}
