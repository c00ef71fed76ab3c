package dev.switchboard.routing.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the metrics make of each kind of event, fed to them one at a time as a router (or a replay) would deliver
 * them: every path a conversation can take into and out of a queue, and every way an owner's time at work starts
 * and stops.
 */
class RoutingMetricsEventsTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Owner ANA = Owner.agent("ana").capacity(1).build();
    private static final Trace ASSIGNED = Trace.of("first-available", Verdict.hold("unused"));
    private static final Trace QUEUED = Trace.of("fallback", Verdict.hold("nobody has room"));
    private static final Trace REJECTED = Trace.of("spam-filter", new Verdict.Reject("spam"));

    private final Conversation c1 = Conversation.builder("c1").customer("customer-1").channel("chat")
            .createdAt(START).build();

    private static Instant at(int minute) {
        return START.plus(Duration.ofMinutes(minute));
    }

    private static RoutingMetrics anaSince(Instant since) {
        return RoutingMetrics.builder().owner(ANA).since(since).build();
    }

    private static void feed(RoutingMetrics metrics, RoutingEvent... events) {
        for (RoutingEvent event : events) {
            metrics.onEvent(event);
        }
    }

    private RoutingEvent.Queued queued(int minute, String queue) {
        return new RoutingEvent.Queued(at(minute), c1, queue, "waits", at(minute + 30), QUEUED);
    }

    private RoutingEvent.Assigned assigned(int minute, String ownerId, String strategy) {
        return new RoutingEvent.Assigned(at(minute), c1, ownerId, strategy, ASSIGNED);
    }

    private static double utilisation(MetricsSnapshot snapshot, String ownerId) {
        return snapshot.owners().stream().filter(owner -> owner.ownerId().equals(ownerId)).findFirst().orElseThrow()
                .utilisation();
    }

    @Test
    void seriesCount_countsQueuesDecisionKeysRerouteReasonsOwnersAndTeams() {
        RoutingMetrics metrics = RoutingMetrics.create();
        assertThat(metrics.seriesCount()).isZero();

        feed(metrics, queued(0, "waiting"), assigned(1, "ana", "first-available"),
                new RoutingEvent.Rerouted(at(2), c1, "ana", "owner ana went offline"), queued(2, "review"));

        // queues: waiting, review; decisions: queued in both, assigned from waiting; reroutes: 1; owners: ana
        assertThat(metrics.seriesCount()).isEqualTo(2 + 3 + 1 + 1);
        RoutingMetrics withTeam = RoutingMetrics.builder().owner(ANA).team("desk", List.of("ana")).build();
        assertThat(withTeam.seriesCount()).as("one owner, one team").isEqualTo(2);
    }

    @Test
    void aConversationRejectedWhileWaiting_leavesItsQueue_andItsWaitIsCounted() {
        RoutingMetrics metrics = anaSince(START);
        feed(metrics, queued(0, "review"), new RoutingEvent.Rejected(at(4), c1, "spam", REJECTED));

        MetricsSnapshot snapshot = metrics.snapshot(at(10));

        QueueFigures review = snapshot.queues().get("review");
        assertThat(review.waiting()).isZero();
        assertThat(review.waits().total()).isEqualTo(Duration.ofMinutes(4));
        assertThat(snapshot.conversationWait().count()).isEqualTo(1);
        assertThat(snapshot.conversationWait().total()).isEqualTo(Duration.ofMinutes(4));
        assertThat(snapshot.decisions()).containsEntry(
                new DecisionKey("", "spam-filter", "review", Outcome.REJECTED), 1L);
    }

    @Test
    void aConversationMovedToAnotherQueue_leavesTheFirst() {
        RoutingMetrics metrics = anaSince(START);
        feed(metrics, queued(0, "waiting"), queued(2, "review"));

        MetricsSnapshot snapshot = metrics.snapshot(at(5));

        assertThat(snapshot.queues().get("waiting").waiting()).isZero();
        assertThat(snapshot.queues().get("waiting").waits().total()).isEqualTo(Duration.ofMinutes(2));
        assertThat(snapshot.queues().get("review").waiting()).isEqualTo(1);
        assertThat(snapshot.conversationWait().total()).as("2 minutes waiting, 3 so far in review")
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anOfferTakesTheConversationOutOfItsQueue_andItsAcceptanceIsAnAssignmentFromNoQueue() {
        RoutingMetrics metrics = anaSince(START);
        feed(metrics, queued(0, "waiting"),
                new RoutingEvent.Offered(at(3), c1, "ana", "first-available", at(4), ASSIGNED),
                assigned(4, "ana", "offer"));

        MetricsSnapshot snapshot = metrics.snapshot(at(5));

        assertThat(snapshot.queues().get("waiting").waiting()).isZero();
        assertThat(snapshot.queues().get("waiting").waits().total()).isEqualTo(Duration.ofMinutes(3));
        assertThat(snapshot.offers()).isEqualTo(new OfferFigures(1, 1, 0, 0, 0));
        assertThat(snapshot.decisions()).containsEntry(
                new DecisionKey("", "first-available", "", Outcome.ASSIGNED), 1L);
    }

    @Test
    void offersThatLapse_areCountedAsExpired() {
        RoutingMetrics metrics = anaSince(START);
        feed(metrics, new RoutingEvent.Offered(at(0), c1, "ana", "first-available", at(1), ASSIGNED),
                new RoutingEvent.OfferExpired(at(1), c1, "ana", at(1)),
                new RoutingEvent.OfferExpired(at(2), c1, "ana", at(2)));

        assertThat(metrics.snapshot(at(3)).offers()).isEqualTo(new OfferFigures(1, 0, 0, 2, 0));
    }

    @Test
    void aConversationTakenBackForReview_freesItsOwner() {
        RoutingMetrics metrics = anaSince(START);
        feed(metrics, assigned(0, "ana", "first-available"), queued(10, "review"));

        MetricsSnapshot snapshot = metrics.snapshot(at(20));

        assertThat(snapshot.owners().get(0).load()).isZero();
        assertThat(utilisation(snapshot, "ana")).as("10 of 20 minutes").isCloseTo(0.5, within(1e-12));
        assertThat(snapshot.queues().get("review").waiting()).isEqualTo(1);
    }

    @Test
    void aConversationJoinedToAnother_freesItsOwner() {
        RoutingMetrics metrics = anaSince(START);
        feed(metrics, assigned(0, "ana", "first-available"), new RoutingEvent.Joined(at(10), c1, "c0", "ana"));

        MetricsSnapshot snapshot = metrics.snapshot(at(20));

        assertThat(snapshot.owners().get(0).load()).isZero();
        assertThat(utilisation(snapshot, "ana")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void anOwnerThatLeaves_hasNoTimeAtWorkAfterwards() {
        RoutingMetrics metrics = anaSince(START);
        feed(metrics, assigned(0, "ana", "first-available"), new RoutingEvent.OwnerLeft(at(10), "ana"));

        assertThat(utilisation(metrics.snapshot(at(20)), "ana"))
                .as("the conversation was open 20 minutes, ana at work for 10").isCloseTo(2.0, within(1e-12));
    }

    @Test
    void aRecordedRoster_setsTheOwnersPresence() {
        RoutingMetrics metrics = anaSince(START);
        feed(metrics, assigned(0, "ana", "first-available"),
                new RoutingEvent.Input(at(10), new RouterInput.Roster(Map.of("ana", Presence.OFFLINE))));

        assertThat(utilisation(metrics.snapshot(at(20)), "ana")).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void withoutAStart_theInitialRostersTimeStartsAtTheFirstEvent_whoeverItConcerns() {
        RoutingMetrics metrics = RoutingMetrics.builder().owner(ANA).build();
        feed(metrics, queued(10, "waiting"), assigned(15, "ana", "first-available"));

        assertThat(utilisation(metrics.snapshot(at(25)), "ana")).as("10 minutes of load over 15 at work")
                .isCloseTo(10.0 / 15, within(1e-12));
    }
}
