package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.replay.JsonLinesRecorder;
import dev.switchboard.routing.replay.Replay;
import dev.switchboard.routing.replay.RoutingLog;
import dev.switchboard.routing.strategy.RoundRobin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Record a simulated day, replay it, and compare. */
class ReplayTest {

    private static RoutingLog record(Day day, Chain chain, ChainReport[] report) throws IOException {
        StringWriter log = new StringWriter();
        try (JsonLinesRecorder recorder = new JsonLinesRecorder(log)) {
            report[0] = Simulation.run(day, chain, List.of(recorder));
        }
        return RoutingLog.read(new StringReader(log.toString()), "day.jsonl", day.owners());
    }

    @Test
    void replayingTheShippedDayUnderTheSameRules_reproducesEveryDecisionExactly() throws IOException {
        Day day = DayGenerator.generate(ScenarioFile.readDefault(), Options.DEFAULT_SEED);
        List<Chain> chains = Simulator.chains(ScenarioFile.readDefault(), day.owners().size(), Optional.empty(),
                new PrintStream(OutputStream.nullOutputStream()));
        Chain rules = chains.get(chains.size() - 1);
        ChainReport[] simulated = new ChainReport[1];
        RoutingLog log = record(day, rules, simulated);

        Replay replay = Replay.run(log, Simulation.routerBuilder(day, rules));

        assertThat(replay.refusals()).isEmpty();
        assertThat(decisions(replay.events())).hasSizeGreaterThan(3000).isEqualTo(decisions(log.events()));
        assertThat(replay.events()).isEqualTo(log.events());
        ReplayDiff diff = ReplayDiff.of(day, rules, log.events(), rules, replay.events());
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.report().chains()).allSatisfy(measured -> assertThat(measured).isEqualTo(simulated[0]));
    }

    /** Who or where each decision sent each conversation, in order. */
    private static List<String> decisions(List<RoutingEvent> events) {
        return events.stream().<String>mapMulti((event, out) -> {
            if (event instanceof RoutingEvent.Assigned assigned) {
                out.accept(assigned.conversation().id() + " -> " + assigned.ownerId());
            } else if (event instanceof RoutingEvent.Queued queued) {
                out.accept(queued.conversation().id() + " -> " + queued.queue());
            } else if (event instanceof RoutingEvent.Rejected rejected) {
                out.accept(rejected.conversation().id() + " rejected");
            }
        }).toList();
    }

    /**
     * The tiny day of {@link SimulationTest}, recorded under round-robin, replayed under a chain of no steps that
     * sends everything to manual review (SLA 4 min). By hand: every conversation waits in manual-review until the
     * recorded release takes it out (c1 09:02, c2 09:11, c3 09:12, c4 09:15); c2's transfer at 09:04 is refused, as
     * it waits; the ticks report breaches for c2 (due 09:05), c3 (09:09) and c4 (09:10:30), not c1 (released before
     * its 09:04 deadline); nobody is assigned, re-routed or transferred.
     */
    @Test
    void replayUnderAnotherChain_reportsEachChangedConversationWithBothReasons_andTheMetricsBeforeAndAfter()
            throws IOException {
        Day day = SimulationTest.tinyDay();
        Chain roundRobin = new Chain("recorded", "round-robin", List.of(new RoundRobin()), Chain.WAITING);
        Chain review = new Chain("replayed", "everything to manual review", List.of(), Chain.MANUAL_REVIEW);
        ChainReport[] simulated = new ChainReport[1];
        RoutingLog log = record(day, roundRobin, simulated);

        Replay replay = Replay.run(log, Simulation.routerBuilder(day, review));
        ReplayDiff diff = ReplayDiff.of(day, roundRobin, log.events(), review, replay.events());

        assertThat(replay.refusals()).singleElement().asString().startsWith("2026-03-03T09:04:00Z: Transfer[")
                .endsWith("is waiting in a queue, not owned; claim it instead of transferring it");
        assertThat(diff.changes()).extracting(ReplayDiff.Change::conversationId, ReplayDiff.Change::before,
                ReplayDiff.Change::after).containsExactly(
                        tuple("c1", "assigned a, released by a",
                                "queued in manual-review, released by manual-review"),
                        tuple("c2", "assigned b, released by a",
                                "queued in manual-review, released by manual-review"),
                        tuple("c3", "assigned b, released by b",
                                "queued in manual-review, released by manual-review"),
                        tuple("c4", "queued in waiting, released by a",
                                "queued in manual-review, released by manual-review"));
        assertThat(diff.changes().get(0).whyBefore()).isEqualTo("1. round-robin assigned a: next in rotation among"
                + " available owners");
        assertThat(diff.changes().get(3).whyBefore()).contains("queued in waiting");
        assertThat(diff.changes().get(3).whyAfter()).contains("queued in manual-review");
        ChainReport before = diff.report().chains().get(0);
        ChainReport after = diff.report().chains().get(1);
        assertThat(before).isEqualTo(simulated[0]);
        assertThat(before.slaBreaches()).isEqualTo(1);
        assertThat(after.conversations()).isEqualTo(4);
        assertThat(after.timeToAssign().count()).isZero();
        assertThat(after.manualReview()).isEqualTo(4);
        assertThat(after.slaBreaches()).isEqualTo(3);
        assertThat(after.transfers()).isZero();
        assertThat(after.reroutes()).isZero();
        assertThat(diff.render()).contains("4 conversations changed owner or outcome",
                "c1: assigned a, released by a  ->  queued in manual-review, released by manual-review");
    }
}
