package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.routing.Trace;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.metrics.DurationSummary;
import dev.switchboard.routing.replay.JsonLinesRecorder;
import dev.switchboard.routing.replay.Replay;
import dev.switchboard.routing.replay.ReplayDiff;
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
        try (JsonLinesRecorder recorder = chain.routing() instanceof Chain.Document document
                ? new JsonLinesRecorder(log, document.config(), Simulation.SETTINGS) : new JsonLinesRecorder(log)) {
            report[0] = Simulation.run(day, chain, List.of(recorder));
        }
        return RoutingLog.read(new StringReader(log.toString()), "day.jsonl", day.owners());
    }

    @Test
    void replayingTheShippedDayFromItsLogAlone_reproducesEveryDecisionExactly() throws IOException {
        Day day = DayGenerator.generate(ScenarioFile.readDefault(), Options.DEFAULT_SEED);
        List<Chain> chains = Simulator.chains(ScenarioFile.readDefault(), day.owners().size(), Optional.empty(),
                new PrintStream(OutputStream.nullOutputStream()));
        Chain rules = chains.get(chains.size() - 1);
        ChainReport[] simulated = new ChainReport[1];
        RoutingLog log = record(day, rules, simulated);

        Replay replay = Replay.recorded(log);

        assertThat(log.configuration()).contains(RulesFile.readDefault());
        assertThat(log.settings()).isEqualTo(Simulation.SETTINGS);
        assertThat(replay.refusals()).isEmpty();
        assertThat(replay.divergence().isEmpty()).isTrue();
        assertThat(decisions(replay.events())).hasSizeGreaterThan(3000).isEqualTo(decisions(log.events()));
        assertThat(replay.events()).isEqualTo(log.events());
        RoutingConfig config = log.configuration().orElseThrow();
        ReplayReport report = ReplayReport.of(log, "recorded", "recorded", config, replay, "replayed", config,
                replay);
        assertThat(report.diff().changes()).isEmpty();
        assertThat(report.simulation().chains()).allSatisfy(measured -> assertThat(measured)
                .usingRecursiveComparison().ignoringFields("chain")
                .withEqualsForType(DurationSummary::equals, DurationSummary.class).isEqualTo(simulated[0]));
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
     * it waits; nobody is assigned. Each now waits without an owner until its release, 2, 10, 7 and 8.5 minutes,
     * instead of 0, 0, 0 and 4.5: the impacts are 2 × (2 + 1), 2 × (10 + 1), 2 × (7 + 1) and 2 × (4 + 1).
     */
    @Test
    void replayUnderAnotherChain_ranksEachChangedConversationByImpact_withBothTraces() throws IOException {
        Day day = SimulationTest.tinyDay();
        Chain roundRobin = new Chain("recorded", "round-robin", List.of(new RoundRobin()), Chain.WAITING);
        Chain review = new Chain("replayed", "everything to manual review", List.of(), Chain.MANUAL_REVIEW);
        RoutingLog log = record(day, roundRobin, new ChainReport[1]);

        Replay before = Replay.run(log, Simulation.routerBuilder(day, roundRobin));
        Replay after = Replay.run(log, Simulation.routerBuilder(day, review));
        ReplayDiff diff = ReplayDiff.of(before, after);

        assertThat(before.divergence().isEmpty()).isTrue();
        assertThat(after.divergence().count()).isPositive();
        assertThat(diff.recordedRefusals()).isEmpty();
        assertThat(diff.replayedRefusals()).singleElement().asString().startsWith("line ")
                .contains("2026-03-03T09:04:00Z: Transfer[")
                .endsWith("is waiting in a queue, not owned; claim it instead of transferring it");
        assertThat(diff.changes()).extracting(ReplayDiff.Change::conversationId, ReplayDiff.Change::before,
                ReplayDiff.Change::after, ReplayDiff.Change::impact).containsExactly(
                        tuple("c2", "assigned b, released by a",
                                "queued in manual-review, released by manual-review", 22L),
                        tuple("c3", "assigned b, released by b",
                                "queued in manual-review, released by manual-review", 16L),
                        tuple("c4", "queued in waiting, released by a",
                                "queued in manual-review, released by manual-review", 10L),
                        tuple("c1", "assigned a, released by a",
                                "queued in manual-review, released by manual-review", 6L));
        assertThat(diff.changes().get(3).traceBefore()).map(Trace::explain)
                .contains("1. round-robin assigned a: next in rotation among available owners");
        assertThat(diff.changes().get(2).traceAfter()).map(Trace::explain).get().asString()
                .contains("queued in manual-review");
        assertThat(diff.recorded().assigned()).isEqualTo(4);
        assertThat(diff.replayed().assigned()).isZero();
        assertThat(diff.replayed().waited()).isEqualTo(4);
        assertThat(diff.replayed().slaBreaches()).isEqualTo(3);
        assertThat(diff.replayed().transfers()).isZero();
    }
}
