package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.routing.Condition;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.Overflow;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.examples.simulator.ChainReport.AgentFigures;
import dev.switchboard.routing.examples.simulator.Day.Arrival;
import dev.switchboard.routing.examples.simulator.Day.PresenceChange;
import dev.switchboard.routing.metrics.DurationSummary;
import dev.switchboard.routing.metrics.OfferFigures;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A day small enough to work out by hand: two agents of capacity 1, four conversations, one transfer to a
 * specialist, one disconnection, round-robin, a queue SLA of 4 minutes, ticks every 30 seconds.
 *
 * <pre>
 * a: billing 3 (a specialist), b: billing 1; both online 09:00-09:30, b offline 09:08-09:09.
 *
 * 09:00     c1 (customer x, 2m)  -> a                        round-robin cursor now after a
 * 09:01     c2 (customer y, 10m, needs a specialist) -> b    cursor after b; b triages it for 3m
 * 09:02     c1 done, a free
 * 09:04     b transfers c2 to a (7m of work left, done 09:11)
 * 09:05     c3 (customer x, 6m)  -> rotation wraps to a, full, so b (returning, but not to a)
 * 09:06:30  c4 (customer y, 4m)  both full: queued, SLA deadline 09:10:30
 * 09:08     b offline: c3 re-routed (3m done, 3m left); nobody can take it: queued
 * 09:09     b online: c3 (older than c4) back to b, done 09:12
 * 09:10:30  tick: c4 breaches its SLA
 * 09:11     c2 done: c4 -> a (customer y's previous owner is a, since the transfer), done 09:15
 * 09:12     c3 done;  09:15 c4 done;  09:30 both offline, the day ends
 *
 * time to assign   c1 0s, c2 0s, c3 0s, c4 4m30s: sorted 0, 0, 0, 270 s
 *                  p50 = rank ceil(0.50 * 4) = 2 -> 0s;  p95 = rank ceil(0.95 * 4) = 4 -> 270s;  max 270s
 * time in queue    c3 60s (09:08-09:09), c4 270s (09:06:30-09:11): 2 of 4 waited, mean 165s, p95 270s
 * SLA breaches     1 (c4);  transfers 1;  re-routes 1;  reroute rate (1 + 1) / 4 = 50%
 * worked on        a: c1, c2, c4 = 3;  b: c2, c3 = 2 (c3 twice, counted once)
 *                  max/min 3/2 = 1.5;  Gini = sum |xi - xj| over ordered pairs / (2 n total) = 2 / (2*2*5) = 0.1
 * utilisation      a: load 120 + 420 + 240 = 780 s over 1800 s at work = 43.33%
 *                  b: load 180 + 180 + 180 = 540 s over 480 + 1260 = 1740 s at work = 31.03%
 * returning        c3 (x, previous owner a, got b) and c4 (y, previous owner a, got a): 1 of 2 = 50%
 * queue by minute  the most waiting in each minute from 09:00: 1 in minutes 6-7, 2 in 8-9, 1 in 10-11, else 0
 * </pre>
 */
class SimulationTest {

    private static final Instant NINE = Instant.parse("2026-03-03T09:00:00Z");

    private static Instant at(String minutesAndSeconds) {
        String[] parts = minutesAndSeconds.split(":");
        return NINE.plus(Duration.ofMinutes(Long.parseLong(parts[0]))).plusSeconds(Long.parseLong(parts[1]));
    }

    private static Arrival arrival(String id, String customer, String arrives, int handlingMinutes,
            boolean needsSpecialist) {
        return arrival(id, customer, "billing", arrives, handlingMinutes, needsSpecialist);
    }

    private static Arrival arrival(String id, String customer, String type, String arrives, int handlingMinutes,
            boolean needsSpecialist) {
        Conversation conversation = Conversation.builder(id).customer(customer).channel("chat").type(type)
                .language("en").requires("billing", 1).createdAt(at(arrives)).build();
        return new Arrival(conversation, Duration.ofMinutes(handlingMinutes), needsSpecialist);
    }

    static Day tinyDay() {
        return new Day("tiny", NINE, at("30:00"), Duration.ofMinutes(4),
                List.of(Owner.agent("a").skill("billing", 3).languages("en").capacity(1).build(),
                        Owner.agent("b").skill("billing", 1).languages("en").capacity(1).build()),
                List.of(new PresenceChange(NINE, "a", Presence.ONLINE),
                        new PresenceChange(NINE, "b", Presence.ONLINE),
                        new PresenceChange(at("08:00"), "b", Presence.OFFLINE),
                        new PresenceChange(at("09:00"), "b", Presence.ONLINE),
                        new PresenceChange(at("30:00"), "a", Presence.OFFLINE),
                        new PresenceChange(at("30:00"), "b", Presence.OFFLINE)),
                List.of(arrival("c1", "x", "00:00", 2, false),
                        arrival("c2", "y", "01:00", 10, true),
                        arrival("c3", "x", "05:00", 6, false),
                        arrival("c4", "y", "06:30", 4, false)),
                3, Duration.ofMinutes(3));
    }

    private static ChainReport runTinyDay(String fallbackQueue) {
        return Simulation.run(tinyDay(), new Chain("rr", "round-robin", List.of(new RoundRobin()), fallbackQueue));
    }

    @Test
    void theTinyDay_givesTheFiguresWorkedOutByHand() {
        ChainReport report = runTinyDay(Chain.WAITING);

        assertThat(report.conversations()).isEqualTo(4);
        assertSeconds(report.timeToAssign(), 0, 0, 0, 270);
        assertThat(report.timeToAssign().percentile(50)).isEqualTo(Duration.ZERO);
        assertThat(report.timeToAssign().percentile(95)).isEqualTo(Duration.ofSeconds(270));
        assertThat(report.timeToAssign().max()).isEqualTo(Duration.ofSeconds(270));
        assertSeconds(report.timeInQueue(), 60, 270);
        assertThat(report.timeInQueue().mean()).isEqualTo(Duration.ofSeconds(165));
        assertThat(report.timeInQueue().percentile(95)).isEqualTo(Duration.ofSeconds(270));
        assertThat(report.slaBreaches()).isEqualTo(1);
        assertThat(report.transfers()).isEqualTo(1);
        assertThat(report.reroutes()).isEqualTo(1);
        assertThat(report.rerouteRate()).isEqualTo(0.5);
        assertThat(report.manualReview()).isZero();
        assertThat(report.waitingAtClose()).isZero();
        assertThat(report.agents()).extracting(AgentFigures::id, AgentFigures::received)
                .containsExactly(tuple("a", 3), tuple("b", 2));
        assertThat(report.agents().get(0).utilisation()).isCloseTo(780.0 / 1800, within(1e-12));
        assertThat(report.agents().get(1).utilisation()).isCloseTo(540.0 / 1740, within(1e-12));
        assertThat(report.maxOverMin()).isEqualTo(1.5);
        assertThat(report.gini()).isCloseTo(0.1, within(1e-12));
        assertThat(report.returning()).isEqualTo(2);
        assertThat(report.backToPreviousOwner()).isEqualTo(1);
        assertThat(report.backToPreviousOwnerShare()).isEqualTo(0.5);
        List<Integer> byMinute = new ArrayList<>(Collections.nCopies(31, 0));
        List.of(6, 7, 10, 11).forEach(minute -> byMinute.set(minute, 1));
        List.of(8, 9).forEach(minute -> byMinute.set(minute, 2));
        assertThat(report.queueByMinute()).isEqualTo(byMinute);
    }

    @Test
    void aChainWhoseFallbackIsManualReview_countsEachConversationThatEnteredIt_once() {
        ChainReport report = runTinyDay(Chain.MANUAL_REVIEW);

        assertThat(report.manualReview()).isEqualTo(2);
        assertSeconds(report.timeToAssign(), 0, 0, 0, 270);
    }

    @Test
    void aChainOfRules_countsAsSentToReview_onlyWhatARuleSendsThere_notWhatWaitsForATeam() {
        Day day = tinyDay();
        List<Arrival> arrivals = new ArrayList<>(day.arrivals());
        arrivals.add(2, arrival("c5", "z", "refund", "02:00", 5, false));
        Day withARefund = new Day(day.title(), day.start(), day.end(), day.queueSla(), day.owners(),
                day.presenceChanges(), arrivals, day.specialistLevel(), day.triage());
        RoutingPlan plan = new RoutingPlan(
                List.of(new QueueSpec("billing", Duration.ofMinutes(4)),
                        new QueueSpec("review", Duration.ofMinutes(30))),
                List.of(Rule.builder("billing").when(new Condition.Is("type", "billing")).owners("a", "b")
                                .chain(new RoundRobin()).queue("billing").build(),
                        Rule.builder("review").queue("review").build()));

        ChainReport report = Simulation.run(withARefund, new Chain("rules", "billing, else review",
                new Chain.Rules(plan)));

        assertThat(report.conversations()).isEqualTo(5);
        assertSeconds(report.timeInQueue(), 60, 270, 1680); // c3 and c4 waited for the billing team, c5 in review
        assertThat(report.manualReview()).as("only c5, which no rule but the review rule took").isEqualTo(1);
        assertThat(report.waitingAtClose()).as("nobody reviews in the simulator").isEqualTo(1);
        assertThat(report.transfers()).isEqualTo(1);
    }

    @Test
    void agentsOfferedConversations_declineAboutOneInTen_missSome_andAcceptTheRest_theSameWayEveryRun() {
        Day day = DayGenerator.generate(ScenarioFile.readDefault().withAgents(6).withConversations(600), 5);
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("desk", Duration.ofMinutes(10)),
                new QueueSpec("review", Duration.ofMinutes(30))), List.of(Rule.builder("desk")
                .chain(new RoundRobin()).queue("desk")
                .offer(OfferPolicy.builder(Duration.ofSeconds(30)).reviewAfter(3, "review").build()).build()));
        Chain offering = new Chain("offers", "round-robin, offered", new Chain.Rules(plan));

        ChainReport report = Simulation.run(day, offering);

        OfferFigures offers = report.offers();
        assertThat(offers.offered()).isGreaterThan(600);
        assertThat((double) offers.declined() / offers.offered()).isCloseTo(Simulation.DECLINES, within(0.03));
        assertThat((double) offers.expired() / offers.offered()).isCloseTo(Simulation.MISSES, within(0.03));
        assertThat(offers.offered()).as("every offer is answered, let expire or taken back")
                .isEqualTo(offers.accepted() + offers.declined() + offers.expired() + offers.withdrawn());
        assertThat(offers.accepted()).as("each conversation is accepted once at most").isLessThanOrEqualTo(600);
        assertThat(report.manualReview()).as("three refusals send a conversation to review")
                .isPositive().isLessThanOrEqualTo(report.waitingAtClose());
        assertThat(Simulation.run(day, offering)).usingRecursiveComparison()
                .withEqualsForType(DurationSummary::equals, DurationSummary.class).isEqualTo(report);
    }

    @Test
    void aTeamThatOverflowsToAnother_countsTheMoves_andTheOtherTeamServesWhatWaitedTooLong() {
        Day day = tinyDay();
        RoutingPlan plan = new RoutingPlan(
                List.of(new QueueSpec("specialists", Duration.ofMinutes(4)),
                        new QueueSpec("front-line", Duration.ofMinutes(4))),
                List.of(Rule.builder("specialists").when(new Condition.Is("type", "billing")).owners("a")
                                .chain(new RoundRobin()).queue("specialists")
                                .overflow(Overflow.after(Duration.ofMinutes(1)).moveTo("front-line")).build(),
                        Rule.builder("front-line").owners("b").chain(new RoundRobin()).queue("front-line").build()));

        ChainReport report = Simulation.run(day, new Chain("overflow", "a, then b after a minute",
                new Chain.Rules(plan)));

        assertThat(report.overflows()).as("billing waits for a, and b takes what waited a minute").isPositive();
        assertThat(report.waitingAtClose()).isZero();
    }

    @Test
    void conversationsNobodyCanTakeBeforeTheClose_areCountedAsWaiting_withTheirWaitUpToTheClose() {
        Day day = tinyDay();
        Day shortDay = new Day(day.title(), day.start(), at("10:00"), day.queueSla(), day.owners(),
                day.presenceChanges().subList(0, 4), day.arrivals(), day.specialistLevel(), day.triage());

        ChainReport report = Simulation.run(shortDay, new Chain("rr", "round-robin", List.of(new RoundRobin()),
                Chain.WAITING));

        assertThat(report.waitingAtClose()).isEqualTo(1);
        assertSeconds(report.timeToAssign(), 0, 0, 0);
        assertSeconds(report.timeInQueue(), 60, 210);
    }

    /** The durations are exactly these whole seconds, in any order. */
    private static void assertSeconds(DurationSummary durations, long... seconds) {
        assertThat(durations.count()).isEqualTo(seconds.length);
        assertThat(durations.total()).isEqualTo(Duration.ofSeconds(LongStream.of(seconds).sum()));
        for (long value : seconds) {
            assertThat(durations.countBetween(Duration.ofSeconds(value), Duration.ofSeconds(value + 1)))
                    .as("durations of %d s", value).isEqualTo(LongStream.of(seconds).filter(s -> s == value).count());
        }
    }
}
