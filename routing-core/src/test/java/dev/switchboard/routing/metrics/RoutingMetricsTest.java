package dev.switchboard.routing.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.Overflow;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.TestStrategies;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RoutingMetricsTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Owner ANA = Owner.agent("ana").capacity(1).build();
    private static final Owner BEN = Owner.agent("ben").capacity(2).build();

    private final ManualClock clock = new ManualClock(START);

    /** Gives the conversation to the first owner in roster order with room. */
    private static final Strategy FIRST_AVAILABLE = TestStrategies.firstAvailable();

    /** Rejects spam, passes on the rest. */
    private static final Strategy SPAM_FILTER = TestStrategies.strategy("spam-filter", (conversation, view) ->
            conversation.type().equals("spam") ? new Verdict.Reject("spam")
                    : Verdict.pass(PassReason.NOT_APPLICABLE, "not spam"));

    private static Conversation conversation(String id, String type) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").type(type).createdAt(START).build();
    }

    private Router.Builder router(RoutingMetrics metrics) {
        return Router.builder().clock(clock).owner(ANA).owner(BEN, Presence.OFFLINE)
                .chain(SPAM_FILTER, FIRST_AVAILABLE).fallbackQueue("waiting", Duration.ofMinutes(5)).listener(metrics);
    }

    private RoutingMetrics metrics() {
        return RoutingMetrics.builder().owner(ANA).owner(BEN, Presence.OFFLINE).since(START)
                .team("desk", List.of("ana", "ben")).build();
    }

    private void at(int minute) {
        clock.set(START.plus(Duration.ofMinutes(minute)));
    }

    /**
     * An hour at a desk of two: c1 goes to ana at once, c2 waits for ben (10 min, breaching its 5-minute SLA), is
     * re-routed when ben goes offline, waits 10 more minutes for ana and is then transferred to ben; c3 is spam.
     */
    @Nested
    class AnHourAtTheDesk {

        private final RoutingMetrics metrics = metrics();
        private final MetricsSnapshot snapshot;

        AnHourAtTheDesk() {
            Router router = router(metrics).build();
            router.route(conversation("c1", "billing"));
            router.route(conversation("c2", "billing"));
            at(1);
            router.route(conversation("c3", "spam"));
            at(6);
            router.tick();
            at(10);
            router.setPresence("ben", Presence.ONLINE);
            at(20);
            router.setPresence("ben", Presence.OFFLINE);
            at(30);
            router.release("c1");
            at(35);
            router.setPresence("ben", Presence.ONLINE);
            at(40);
            router.transfer("c2", "ben", new Handoff("Needs ben", "Nothing yet", "Answer"));
            at(60);
            snapshot = metrics.snapshot(clock.instant());
        }

        @Test
        void timeToAssign_isFromCreationToFirstAssignment() {
            DurationSummary timeToAssign = snapshot.timeToAssign();
            assertThat(timeToAssign.count()).isEqualTo(2);
            assertThat(timeToAssign.percentile(50)).isEqualTo(Duration.ZERO);
            assertThat(timeToAssign.percentile(95)).isEqualTo(Duration.ofMinutes(10));
            assertThat(timeToAssign.max()).isEqualTo(Duration.ofMinutes(10));
            assertThat(timeToAssign.mean()).isEqualTo(Duration.ofMinutes(5));
            assertThat(timeToAssign.countBetween(Duration.ZERO, Duration.ofSeconds(1))).isEqualTo(1);
            assertThat(timeToAssign.countBetween(Duration.ofMinutes(5), Duration.ofMinutes(10))).isZero();
            assertThat(timeToAssign.countBetween(Duration.ofMinutes(10), Duration.ofMinutes(15))).isEqualTo(1);
        }

        @Test
        void waits_perStayInTheQueue_andPerConversationInAll() {
            QueueFigures waiting = snapshot.queues().get("waiting");
            assertThat(waiting.waiting()).isZero();
            assertThat(waiting.waits().count()).isEqualTo(2);
            assertThat(waiting.waits().total()).isEqualTo(Duration.ofMinutes(20));
            assertThat(waiting.waits().max()).isEqualTo(Duration.ofMinutes(10));
            assertThat(waiting.slaBreaches()).as("the second stay ended before any tick saw its deadline").isEqualTo(1);
            assertThat(snapshot.conversationWait().count()).isEqualTo(1);
            assertThat(snapshot.conversationWait().total()).isEqualTo(Duration.ofMinutes(20));
        }

        @Test
        void decisions_countedByRuleStrategyQueueAndOutcome() {
            assertThat(snapshot.conversations()).isEqualTo(3);
            assertThat(snapshot.decisions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    new DecisionKey("", "first-available", "", Outcome.ASSIGNED), 1L,
                    new DecisionKey("", "fallback", "waiting", Outcome.QUEUED), 2L,
                    new DecisionKey("", "first-available", "waiting", Outcome.ASSIGNED), 2L,
                    new DecisionKey("", "spam-filter", "", Outcome.REJECTED), 1L));
            assertThat(snapshot.decisions(Outcome.ASSIGNED)).isEqualTo(3);
        }

        @Test
        void reroutesByReason_andTransfers() {
            assertThat(snapshot.reroutes()).containsExactlyEntriesOf(Map.of(RerouteReason.OWNER_OFFLINE, 1L));
            assertThat(snapshot.rerouted()).isEqualTo(1);
            assertThat(snapshot.transfers()).isEqualTo(1);
        }

        @Test
        void utilisation_isLoadOverCapacity_whileNotOffline() {
            // ana: capacity 1 for 60 minutes at work; c1 for 30 minutes, c2 for 10
            // ben: capacity 2 for 35 minutes at work (08:10-08:20, 08:35-09:00); c2 for 10 minutes, then 20
            assertThat(snapshot.owners()).extracting(OwnerFigures::ownerId).containsExactly("ana", "ben");
            OwnerFigures ana = snapshot.owners().get(0);
            OwnerFigures ben = snapshot.owners().get(1);
            assertThat(ana.utilisation()).isCloseTo(40.0 / 60, within(1e-12));
            assertThat(ana.load()).isZero();
            assertThat(ana.conversations()).isEqualTo(2);
            assertThat(ana.teams()).containsExactly("desk");
            assertThat(ben.utilisation()).isCloseTo(30.0 / 70, within(1e-12));
            assertThat(ben.load()).isEqualTo(1);
            assertThat(ben.conversations()).as("c2 counts once, though ben had it twice").isEqualTo(1);
            assertThat(snapshot.teams()).singleElement().satisfies(team -> {
                assertThat(team.ownerIds()).containsExactly("ana", "ben");
                assertThat(team.utilisation()).isCloseTo(70.0 / 130, within(1e-12));
            });
        }
    }

    @Test
    void queueLengths_andWaitsSoFar_countConversationsStillWaiting() {
        RoutingMetrics metrics = metrics();
        Router router = router(metrics).build();
        router.route(conversation("c1", "billing"));
        router.route(conversation("c2", "billing"));
        router.route(conversation("c3", "billing"));
        at(7);

        MetricsSnapshot snapshot = metrics.snapshot(clock.instant());

        assertThat(snapshot.queues().get("waiting").waiting()).isEqualTo(2);
        assertThat(snapshot.waiting()).isEqualTo(2);
        assertThat(snapshot.queues().get("waiting").waits().count()).as("no stay has ended").isZero();
        assertThat(snapshot.conversationWait().count()).isEqualTo(2);
        assertThat(snapshot.conversationWait().total()).isEqualTo(Duration.ofMinutes(14));
        assertThat(metrics.snapshot(clock.instant()).conversationWait().count())
                .as("a snapshot changes nothing").isEqualTo(2);
    }

    @Test
    void reroutes_areCodedByReason_forEveryReasonTheRouterGives() {
        RoutingMetrics metrics = metrics();
        Router router = router(metrics).offlinePolicy(OfflinePolicy.keepFor(Duration.ofMinutes(1)))
                .responseDeadline(Priority.NORMAL, Duration.ofMinutes(3)).queue("review", Duration.ofMinutes(30))
                .responseReview(2, "review").build();
        router.setPresence("ben", Presence.ONLINE);
        router.route(conversation("c1", "billing"));     // ana
        router.route(conversation("c2", "billing"));     // ben
        router.removeOwner("ben");                       // c2 waits for ana
        at(4);
        router.tick();                                   // ana missed c1's reply: c1 waits, c2 goes to ana
        router.setPresence("ana", Presence.OFFLINE);
        at(5);
        router.tick();                                   // ana stayed offline past the grace period

        assertThat(metrics.snapshot(clock.instant()).reroutes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                RerouteReason.OWNER_LEFT, 1L, RerouteReason.RESPONSE_DEADLINE_MISSED, 1L,
                RerouteReason.OFFLINE_GRACE_EXPIRED, 1L));
        assertThat(RerouteReason.of("owner ana went offline")).isEqualTo(RerouteReason.OWNER_OFFLINE);
        assertThat(RerouteReason.of("the moon")).isEqualTo(RerouteReason.OTHER);
    }

    @Test
    void ownersThatJoinLater_areLearnedFromTheirEvents() {
        RoutingMetrics metrics = metrics();
        Router router = router(metrics).build();
        router.addOwner(Owner.agent("cleo").capacity(2).build(), Presence.ONLINE);
        router.route(conversation("c1", "billing"));     // ana
        router.route(conversation("c2", "billing"));     // cleo
        at(10);
        router.setCapacity("cleo", dev.switchboard.routing.Capacity.of(4));
        at(20);

        OwnerFigures cleo = metrics.snapshot(clock.instant()).owners().get(2);

        assertThat(cleo.ownerId()).isEqualTo("cleo");
        assertThat(cleo.teams()).isEmpty();
        assertThat(cleo.utilisation()).as("one conversation over 2 x 10 + 4 x 10 capacity-minutes")
                .isCloseTo(20.0 / 60, within(1e-12));
    }

    @Test
    void snapshotsTakenWhileEventsArrive_areEachConsistent() throws Exception {
        RoutingMetrics metrics = metrics();
        int conversations = 20_000;
        Thread router = new Thread(() -> {
            for (int i = 0; i < conversations; i++) {
                Conversation conversation = conversation("c" + i, "billing");
                Instant at = START.plusSeconds(i);
                metrics.onEvent(new RoutingEvent.Assigned(at, conversation, "ana", "first-available",
                        Trace.of("first-available", new Verdict.Reject("unused"))));
                metrics.onEvent(new RoutingEvent.Released(at.plusMillis(500), conversation, "ana"));
            }
        });
        router.start();
        int snapshots = 0;
        while (router.isAlive() || snapshots == 0) {
            MetricsSnapshot snapshot = metrics.snapshot(START.plusSeconds(conversations + 1));
            assertThat(snapshot.timeToAssign().count()).isEqualTo(snapshot.conversations());
            assertThat(snapshot.owners().get(0).load()).isBetween(0, 1);
            snapshots++;
        }
        router.join();

        MetricsSnapshot last = metrics.snapshot(START.plusSeconds(conversations + 1));
        assertThat(last.conversations()).isEqualTo(conversations);
        assertThat(last.decisions(Outcome.ASSIGNED)).isEqualTo(conversations);
        assertThat(last.owners().get(0).load()).isZero();
        assertThat(last.owners().get(0).conversations()).isEqualTo(conversations);
    }

    @Test
    void aSnapshotBeforeTheLastEvent_isRefused() {
        RoutingMetrics metrics = metrics();
        Router router = router(metrics).build();
        at(5);
        router.route(conversation("c1", "billing"));

        assertThatThrownBy(() -> metrics.snapshot(START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asOf must not be before the last event (2026-03-02T08:05:00Z)");
    }

    @Test
    void badOptions_areRefused_withTheField() {
        RoutingMetrics.Builder builder = RoutingMetrics.builder().owner(ANA).team("desk", Set.of("ana"));
        assertThatThrownBy(() -> builder.owner(ANA)).hasMessageContaining("owner id 'ana' is already on the roster");
        assertThatThrownBy(() -> builder.team("desk", List.of("ben"))).hasMessageContaining("team 'desk'");
        assertThatThrownBy(() -> builder.team("empty", List.of())).hasMessageContaining("at least one owner");
        assertThatThrownBy(() -> DurationSummary.empty().percentile(101)).hasMessageContaining("was 101.0");
        assertThat(builder.build().snapshot(START).owners()).extracting(OwnerFigures::ownerId).containsExactly("ana");
    }

    @Test
    void overflows_areCountedForTheQueueTheyLeft() {
        RoutingMetrics metrics = metrics();
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("billing", Duration.ofMinutes(10))
                        .withOverflow(Overflow.after(Duration.ofMinutes(2)).moveToQueue("front-line")),
                new QueueSpec("front-line", Duration.ofMinutes(10))),
                List.of(Rule.builder("billing").chain(FIRST_AVAILABLE).queue("billing").build()));
        Router router = Router.builder().clock(clock).owner(ANA).owner(BEN, Presence.OFFLINE).plan(plan)
                .listener(metrics).build();
        router.route(conversation("c1", "billing")); // ana's
        router.route(conversation("c2", "billing")); // waits in billing
        at(2);
        router.tick();

        Map<String, QueueFigures> queues = metrics.snapshot(clock.instant()).queues();
        assertThat(queues.get("billing").overflowed()).isEqualTo(1);
        assertThat(queues.get("billing").waiting()).isZero();
        assertThat(queues.get("front-line").waiting()).isEqualTo(1);
        assertThat(queues.get("front-line").overflowed()).isZero();
    }
}
