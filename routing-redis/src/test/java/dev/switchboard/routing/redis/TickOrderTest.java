package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A router on Redis does the work a tick finds due in the router's order, not in the order the store keeps it: the
 * same order as a router on the embedded store, or one restored from a snapshot.
 */
class TickOrderTest extends StorePerTest {

    @Test
    void offersExpiringAtTheSameInstant_expireByConversationId_notInTheOrderTheyWereMade() {
        ManualClock clock = new ManualClock(T0);
        List<RoutingEvent> events = new ArrayList<>();
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("front-line", Duration.ofMinutes(10))), List.of(
                Rule.builder("front-line").chain(new RoundRobin()).queue("front-line")
                        .offer(OfferPolicy.builder(Duration.ofSeconds(30)).build()).build()));
        Router router = Router.builder().clock(clock).plan(plan).liveState(store.liveState()).listener(events::add)
                .owner(agent("ana", 1)).owner(agent("ben", 1)).owner(agent("cy", 1)).build();
        router.route(chat("c3"));
        router.route(chat("c1"));
        router.route(chat("c2"));

        clock.advance(Duration.ofSeconds(30));
        router.tick();

        assertThat(events.stream().filter(RoutingEvent.OfferExpired.class::isInstance)
                .map(event -> ((RoutingEvent.OfferExpired) event).conversation().id()))
                .containsExactly("c1", "c2", "c3");
    }
}
