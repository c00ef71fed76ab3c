package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session that makes every kind of call that changes the router: its recorder sees each call as an input, in the
 * order made, and those inputs replayed on a fresh router make the same events and leave the same state. A call
 * that the recorder missed would be missing from the replay, and the replay would end elsewhere.
 */
class RecordedSessionReplayTest {

    private static final Duration SLA = Duration.ofMinutes(15);

    /** ana, ben (one chat each), cy (away), dee (claims by hand only); urgent conversations must be answered in 5'. */
    private static Router.Builder router(ManualClock clock) {
        return Router.builder().clock(clock).chain(TestStrategies.firstAvailable())
                .fallbackQueue("waiting", SLA).queue("review", SLA)
                .responseDeadline(Priority.URGENT, Duration.ofMinutes(5)).responseReview(3, "review")
                .owner(agent("ana", 1)).owner(agent("ben", 1)).owner(agent("cy", 1), Presence.AWAY)
                .owner(Owner.agent("dee").capacity(1).autoAssign(false).build());
    }

    /** Every kind of call, each of which changes what happens next. */
    private static void session(Router router, ManualClock clock) {
        router.route(conversation("c1").build());
        router.route(conversation("c2").build());
        router.route(conversation("c3").build());
        router.setCapacity("ana", 2);
        router.route(conversation("c4").priority(Priority.URGENT).build());
        router.claim("dee", "c4");
        router.setCapacity("ben", Capacity.of(2));
        router.transfer("c1", "ben", new Handoff("billing question", "asked for the invoice", "send it"));
        router.acknowledge("c4");
        router.link("customer-c1", "customer-c2");
        router.replacePlan(new RoutingPlan(
                List.of(new QueueSpec("waiting", SLA), new QueueSpec("review", SLA)),
                List.of(Rule.builder("only-cy").owners("cy").chain(TestStrategies.firstAvailable()).queue("waiting")
                        .build())));
        router.route(conversation("c5").build());
        router.addOwner(agent("eve", 1));
        router.setPresence("cy", Presence.ONLINE);
        clock.advance(Duration.ofMinutes(6));
        router.removeOwner("ana");
        router.setPresence("ben", Presence.OFFLINE);
        router.tick();
        router.release("c2");
    }

    @Test
    void theRecorderSeesEveryCall_inOrder_andAReplayOfThemEndsInTheSameState() {
        ManualClock clock = new ManualClock(START);
        List<RoutingEvent> recorded = new ArrayList<>();
        List<RoutingEvent> events = new ArrayList<>();
        Router original = router(clock).recorder(recorded::add).listener(events::add).build();
        session(original, clock);

        List<RouterInput> inputs = recorded.stream().filter(RoutingEvent.Input.class::isInstance)
                .map(event -> ((RoutingEvent.Input) event).input()).toList();
        assertThat(inputs).extracting(input -> input.getClass().getSimpleName()).containsExactly(
                "Roster", "Route", "Route", "Route", "SetCapacity", "Route", "Claim", "SetCapacity", "Transfer",
                "Acknowledge", "Link", "ReplacePlan", "Route", "AddOwner", "SetPresence", "RemoveOwner",
                "SetPresence", "Tick", "Release");

        ManualClock replayClock = new ManualClock(START);
        List<RoutingEvent> replayed = new ArrayList<>();
        Router replay = router(replayClock).listener(replayed::add).build();
        for (RoutingEvent event : recorded) {
            if (event instanceof RoutingEvent.Input input) {
                replayClock.set(input.at());
                input.input().applyTo(replay);
            }
        }

        assertThat(replayed).isEqualTo(events);
        assertThat(replay.roster()).isEqualTo(original.roster());
        assertThat(replay.waiting()).isEqualTo(original.waiting());
        assertThat(replay.stats()).isEqualTo(original.stats());
        assertThat(replay.plan()).isEqualTo(original.plan());
        assertThat(replay.customerOf("customer-c2")).isEqualTo(original.customerOf("customer-c1"));
    }

    @Test
    void theSessionItself_endsWhereEachCallSent_itsConversations() {
        ManualClock clock = new ManualClock(START);
        Router router = router(clock).build();

        session(router, clock);

        assertThat(router.placement("c4")).get().isInstanceOf(Placement.Owned.class)
                .extracting(placement -> ((Placement.Owned) placement).ownerId())
                .as("answered in time, so still dee's").isEqualTo("dee");
        assertThat(router.placement("c2")).as("released").isEmpty();
        assertThat(router.customerOf("customer-c2")).isEqualTo(router.customerOf("customer-c1"));
        assertThat(router.ownerStatus("cy").conversationIds()).as("the only owner of the new plan's rule")
                .containsExactly("c5");
        assertThat(router.roster()).extracting(status -> status.owner().id())
                .containsExactly("ben", "cy", "dee", "eve");
        assertThat(router.waiting()).extracting(entry -> entry.conversation().id())
                .as("ana's and ben's conversations, which only cy may take now, and cy is full")
                .containsExactlyInAnyOrder("c1", "c3");
    }
}
