package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.rotation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The work one tick finds due is done in an order of its own, not in the order the store happens to hold it: so a
 * router restored from a snapshot, or another instance on the same store, does the same work in the same order.
 */
class TickOrderTest {

    private static final Duration GRACE = Duration.ofMinutes(3);
    private static final List<String> OWNERS = List.of("o1", "o2", "o3", "o4", "o5", "o6");
    private static final List<String> LAST_FIRST = List.of("o6", "o5", "o4", "o3", "o2", "o1");

    private final ManualClock clock = new ManualClock(START);
    private final List<RoutingEvent> events = new ArrayList<>();

    private Router eachOwnerHoldingOne() {
        Router.Builder builder = Router.builder().clock(clock).chain(firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(10))
                .listener(events::add)
                .offlinePolicy(OfflinePolicy.keepFor(GRACE));
        OWNERS.forEach(id -> builder.owner(agent(id, 1)));
        Router router = builder.owner(agent("spare", OWNERS.size())).build();
        for (int i = 1; i <= OWNERS.size(); i++) {
            router.route(conversation("c" + i).build());
        }
        return router;
    }

    private List<String> reroutedFrom() {
        return events.stream().filter(RoutingEvent.Rerouted.class::isInstance).map(RoutingEvent.Rerouted.class::cast)
                .map(RoutingEvent.Rerouted::fromOwnerId).toList();
    }

    @Test
    void ownersPastTheGracePeriod_areTakenBackInTheOrderTheyWentOffline() {
        Router router = eachOwnerHoldingOne();
        for (String id : LAST_FIRST) {
            router.setPresence(id, Presence.OFFLINE);
            clock.advance(Duration.ofSeconds(1));
        }

        clock.advance(GRACE);
        router.tick();

        assertThat(reroutedFrom()).containsExactlyElementsOf(LAST_FIRST);
        assertThat(router.ownerStatus("spare").load()).isEqualTo(OWNERS.size());
    }

    @Test
    void ownersOfflineSinceTheSameInstant_areTakenBackByOwnerId() {
        Router router = eachOwnerHoldingOne();
        for (String id : List.of("o4", "o2", "o6", "o1", "o5", "o3")) {
            router.setPresence(id, Presence.OFFLINE);
        }

        clock.advance(GRACE);
        router.tick();

        assertThat(reroutedFrom()).containsExactlyElementsOf(OWNERS);
    }

    @Test
    void responseDeadlinesDueAtTheSameInstant_lapseByConversationId() {
        Router.Builder builder = Router.builder().clock(clock).chain(firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(10)).listener(events::add)
                .responseDeadline(Priority.NORMAL, Duration.ofMinutes(5)).queue("review", Duration.ofMinutes(30))
                .responseReview(1, "review");
        OWNERS.forEach(id -> builder.owner(agent(id, 1)));
        Router router = builder.owner(agent("spare", OWNERS.size())).build();
        for (int i = OWNERS.size(); i >= 1; i--) {
            router.route(conversation("c" + i).build());
        }

        clock.advance(Duration.ofMinutes(5));
        router.tick();

        assertThat(events.stream().filter(RoutingEvent.ResponseDeadlineMissed.class::isInstance)
                .map(event -> ((RoutingEvent.ResponseDeadlineMissed) event).conversation().id()))
                .containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
    }

    @Test
    void offersExpiringAtTheSameInstant_expireByConversationId() {
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("front-line", Duration.ofMinutes(10))), List.of(
                Rule.builder("front-line").chain(rotation()).queue("front-line")
                        .offer(OfferPolicy.builder(Duration.ofSeconds(30)).build()).build()));
        Router router = Router.builder().clock(clock).plan(plan).listener(events::add)
                .owner(agent("ana", 1)).owner(agent("ben", 1)).owner(agent("cy", 1)).build();
        router.route(conversation("c3").build());
        router.route(conversation("c1").build());
        router.route(conversation("c2").build());

        clock.advance(Duration.ofSeconds(30));
        router.tick();

        assertThat(events.stream().filter(RoutingEvent.OfferExpired.class::isInstance)
                .map(event -> ((RoutingEvent.OfferExpired) event).conversation().id()))
                .containsExactly("c1", "c2", "c3");
    }
}
