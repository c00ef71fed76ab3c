package dev.switchboard.routing.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.WeeklySchedule;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.strategy.LeastLoaded;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shadow model catches what the router's own guards would stop, were they broken: each test feeds it the events
 * of a router that broke one promise.
 */
class ShadowTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final RoutingPlan PLAN = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(5))),
            List.of(Rule.builder("everyone").chain(new LeastLoaded()).queue("waiting").build()));

    private final Shadow shadow = new Shadow(Set.of(Invariant.values()));

    private void roster(Presence presence, Owner... owners) {
        shadow.start(List.of(owners).stream().map(owner -> new OwnerStatus(owner, presence, 0, Map.of(), List.of(),
                Instant.MIN)).toList(), new RotationSpread(PLAN));
    }

    private static Conversation conversation(int number, String channel) {
        return Conversation.builder("c" + number).customer("cust-" + number).channel(channel).createdAt(NINE).build();
    }

    private void assign(int number, String channel, String ownerId, String strategy) {
        shadow.onEvent(new RoutingEvent.Assigned(NINE, conversation(number, channel), ownerId, strategy,
                Trace.of(strategy, new Verdict.Assign(ownerId, "chosen", Map.of()))));
    }

    private String violated(Invariant invariant) {
        assertThat(shadow.violation()).map(Violation::invariant).contains(invariant);
        return shadow.violation().orElseThrow().detail();
    }

    @Nested
    class Capacity {
        @Test
        void aSecondConversationForAnOwnerOfCapacityOne_isOverCapacity() {
            roster(Presence.ONLINE, Owner.agent("ana").capacity(1).build());

            assign(1, "chat", "ana", "least-loaded");
            assign(2, "chat", "ana", "least-loaded");

            assertThat(violated(Invariant.CAPACITY)).isEqualTo("ana over capacity (2 of 1)");
        }

        @Test
        void aSecondCallForAnOwnerWithOnePhoneLine_isOverItsChannelLimit() {
            roster(Presence.ONLINE, Owner.agent("ana").capacity(3).channelCapacity("phone", 1).build());

            assign(1, "phone", "ana", "least-loaded");
            assign(2, "chat", "ana", "least-loaded");
            assign(3, "phone", "ana", "least-loaded");

            assertThat(violated(Invariant.CAPACITY)).isEqualTo("ana over capacity on phone (2 of 1)");
        }
    }

    @Nested
    class Availability {
        @Test
        void workForAnAwayOwner_isRefusedEvenByClaim() {
            roster(Presence.AWAY, Owner.agent("ana").capacity(3).build());

            assign(1, "chat", "ana", "claim");

            assertThat(violated(Invariant.AVAILABILITY)).isEqualTo("c1 given to ana, but ana is away");
        }

        @Test
        void automaticWorkForAnOwnerWhoOptedOut_isRefused_butAClaimIsNot() {
            roster(Presence.ONLINE, Owner.agent("ana").capacity(3).autoAssign(false).build());

            assign(1, "chat", "ana", "claim");
            assertThat(shadow.violation()).isEmpty();
            assign(2, "chat", "ana", "least-loaded");

            assertThat(violated(Invariant.AVAILABILITY))
                    .isEqualTo("c2 given to ana, but ana opted out of automatic assignment");
        }

        @Test
        void automaticWorkOutsideTheOwnersHours_isRefused() {
            WeeklySchedule afternoons = WeeklySchedule.builder(ZoneOffset.UTC)
                    .open(LocalTime.of(13, 0), LocalTime.of(18, 0), DayOfWeek.MONDAY).build();
            roster(Presence.ONLINE, Owner.agent("ana").capacity(3).hours(afternoons).build());

            assign(1, "chat", "ana", "least-loaded");

            assertThat(violated(Invariant.AVAILABILITY))
                    .isEqualTo("c1 given to ana, but ana is outside its working hours");
        }

        @Test
        void automaticWorkBeyondTheAssignmentCap_isRefused() {
            roster(Presence.ONLINE, Owner.agent("ana").capacity(5).assignmentCap(2, Duration.ofHours(1)).build());

            assign(1, "chat", "ana", "least-loaded");
            assign(2, "chat", "ana", "least-loaded");
            assign(3, "chat", "ana", "least-loaded");

            assertThat(violated(Invariant.AVAILABILITY))
                    .isEqualTo("c3 given to ana, but ana is at its assignment cap (2 of 2 within 1 h)");
        }
    }

    @Nested
    class Conservation {
        @Test
        void aConversationQueuedWhileOwned_isInTwoPlaces() {
            roster(Presence.ONLINE, Owner.agent("ana").capacity(3).build());

            assign(1, "chat", "ana", "least-loaded");
            shadow.onEvent(new RoutingEvent.Queued(NINE, conversation(1, "chat"), "waiting", "no room", NINE,
                    Trace.of("least-loaded", new Verdict.Enqueue("waiting", "no room"))));

            assertThat(violated(Invariant.CONSERVATION)).isEqualTo("c1 queued in waiting while owned by ana");
        }

        @Test
        void aConversationGivenToASecondOwner_isOwnedTwice() {
            roster(Presence.ONLINE, Owner.agent("ana").capacity(3).build(), Owner.agent("ben").capacity(3).build());

            assign(1, "chat", "ana", "least-loaded");
            assign(1, "chat", "ben", "least-loaded");

            assertThat(violated(Invariant.CONSERVATION)).isEqualTo("c1 given to ben while owned by ana");
        }

        @Test
        void aConversationTakenFromItsOwnerAndNotPlacedAgain_isLost() {
            roster(Presence.ONLINE, Owner.agent("ana").capacity(3).build());
            assign(1, "chat", "ana", "least-loaded");

            shadow.onEvent(new RoutingEvent.Rerouted(NINE, conversation(1, "chat"), "ana", "went offline"));
            shadow.reconcile(Router.builder().owner(Owner.agent("ana").capacity(3).build())
                    .plan(PLAN).build());

            assertThat(violated(Invariant.CONSERVATION))
                    .isEqualTo("c1 was re-routed from ana and placed nowhere, the router has it nowhere either");
        }
    }
}
