package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.rotation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the embedded store keeps as sets (the owners passed over for a conversation, the ids that joined it), a
 * snapshot lists by id, not in the order they were added: a shared store keeps them as sets too, and the snapshots
 * of the two stores, and of a router restored from either, agree.
 */
class SnapshotSetsByIdTest {

    private final ManualClock clock = new ManualClock(START);

    @Test
    void ownersPassedOver_areListedById_notInTheOrderTheyDeclined() {
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("front-line", Duration.ofMinutes(10))), List.of(
                Rule.builder("front-line").chain(rotation()).queue("front-line")
                        .offer(OfferPolicy.builder(Duration.ofSeconds(30)).build()).build()));
        Router router = Router.builder().clock(clock).plan(plan)
                .owner(agent("zed", 1)).owner(agent("kim", 1)).owner(agent("amy", 1)).build();
        router.route(conversation("c1").build());
        router.decline("zed", "c1", "busy");
        router.decline("kim", "c1", "busy");

        assertThat(router.snapshot().timers().passedOver()).isEqualTo(Map.of("c1", List.of("kim", "zed")));
    }

    @Test
    void idsThatJoinedAConversation_areListedById_notInTheOrderTheyJoined() {
        Router router = Router.builder().clock(clock).chain(firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(10)).oneConversationPerCustomer(true)
                .owner(agent("ana", 3)).build();
        for (String id : List.of("c1", "c9", "c5", "c2")) {
            router.route(Conversation.builder(id).customer("maria").channel("chat").createdAt(START).build());
        }

        assertThat(router.snapshot().customers().aliases()).isEqualTo(Map.of("c1", List.of("c2", "c5", "c9")));
    }
}
