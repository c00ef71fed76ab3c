package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.examples.simulator.ChainReport.AgentFigures;
import dev.switchboard.routing.metrics.DurationSummary;
import dev.switchboard.routing.metrics.OfferFigures;
import dev.switchboard.routing.strategy.RoundRobin;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The conclusion on constructed comparisons: 100 conversations each, 10 of them from returning customers. */
class ConclusionTest {

    private static final ChainReport TINY = BreakdownTest.tinyDay();

    /** Two waited (60 s and 270 s), as on the tiny day. */
    private static final DurationSummary TWO_WAITED = TINY.timeInQueue();

    private static ChainReport chain(String name, int breaches, DurationSummary waits, List<Integer> loads,
            int backToPreviousOwner) {
        List<AgentFigures> agents = new ArrayList<>();
        loads.forEach(load -> agents.add(new AgentFigures("agent-" + agents.size(), load, 0.5)));
        return new ChainReport(new Chain(name, name, List.of(new RoundRobin()), Chain.WAITING), 100,
                TINY.timeToAssign(), waits, breaches, 0, 0, 0, 0, agents, 10, backToPreviousOwner,
                TINY.queueByMinute(), TINY.queues(), TINY.breakdown(), OfferFigures.NONE, 0);
    }

    private static String conclusion(ChainReport... chains) {
        return Conclusion.of(new SimulationReport(SimulationTest.tinyDay(),
                OptionalLong.empty(), List.of(chains)));
    }

    @Test
    void namesTheChainThatBreachedLeast_andWhatItCost_againstTheBestOtherChainOnEachFigure() {
        String text = conclusion(chain("a", 5, TWO_WAITED, List.of(10, 10), 2),
                chain("b", 2, TWO_WAITED, List.of(15, 5), 1), chain("c", 9, TWO_WAITED, List.of(10, 10), 5));

        // b: Gini of 15 and 5 = (10 + 10) / (2 * 2 * 20) = 0.25; back with their previous agent 1 of 10
        assertThat(text).isEqualTo("Fewest SLA breaches: b, 2, against 5 to 9 with the other chains. What it cost: "
                + "fewer returning customers back with their previous agent (10.0%, against 50.0% with c); and a less"
                + " even workload (fairness 0.250, against 0.000 with a; 0 = perfectly even).");
    }

    @Test
    void aChainBestOnEveryFigure_costNothing() {
        String text = conclusion(chain("a", 3, TWO_WAITED, List.of(15, 5), 1),
                chain("b", 0, DurationSummary.empty(), List.of(10, 10), 5));

        assertThat(text).startsWith("Fewest SLA breaches: b, 0, against 3 with a. It cost nothing the report "
                + "measures: ");
    }

    @Test
    void aTieOnBreaches_goesToTheChainWhereFewerCustomersWaited() {
        ChainReport a = chain("a", 1, TWO_WAITED, List.of(10, 10), 5);
        ChainReport b = chain("b", 1, DurationSummary.empty(), List.of(10, 10), 5);

        assertThat(Conclusion.leastBreaching(List.of(a, b))).isSameAs(b);
        assertThat(conclusion(a, b)).startsWith("Fewest SLA breaches: b, 1, as many as a; of these, fewest "
                + "customers waited with b (0, against 2 with a). It cost nothing");
    }

    @Test
    void aTieOnBreachesAndOnWaits_goesToTheChainListedFirst() {
        ChainReport a = chain("a", 1, TWO_WAITED, List.of(10, 10), 5);
        ChainReport b = chain("b", 1, TWO_WAITED, List.of(15, 5), 5);

        assertThat(Conclusion.leastBreaching(List.of(a, b))).isSameAs(a);
        assertThat(Conclusion.leastBreaching(List.of(b, a))).isSameAs(b);
        assertThat(conclusion(b, a)).isEqualTo("Fewest SLA breaches: b, 1, as many as a, with as many customers "
                + "waiting; b is listed first. What it cost: a less even workload (fairness 0.250, against 0.000 "
                + "with a; 0 = perfectly even).");
    }

    @Test
    void figuresThatTheTableWritesAlike_areNoCost() {
        // 0.1004 and 0.1 are both written 10.0%
        ChainReport a = chain("a", 1, TWO_WAITED, List.of(10, 10), 1);
        ChainReport b = new ChainReport(a.chain(), 100, TINY.timeToAssign(), TWO_WAITED, 2, 0, 0, 0, 0, a.agents(),
                10_000, 1_004, TINY.queueByMinute(), TINY.queues(), TINY.breakdown(), OfferFigures.NONE, 0);

        assertThat(conclusion(a, b)).contains("It cost nothing");
    }

    @Test
    void withOneChain_thereIsNothingToCompare() {
        assertThat(conclusion(chain("a", 1, TWO_WAITED, List.of(10, 10), 5)))
                .isEqualTo("a breached the SLA once; with one chain there is nothing to compare.");
    }

    @Test
    void bothReports_printTheConclusion() {
        SimulationReport report = new SimulationReport(SimulationTest.tinyDay(), OptionalLong.empty(),
                List.of(chain("a", 5, TWO_WAITED, List.of(10, 10), 2), chain("b", 2, TWO_WAITED, List.of(15, 5), 1)));
        String conclusion = Conclusion.of(report);

        assertThat(conclusion).startsWith("Fewest SLA breaches: b, 2, against 5 with a.");
        assertThat(ConsoleReport.render(report)).contains(Format.wrap(conclusion, 110));
        assertThat(HtmlReport.render(report)).contains("<h2>In short</h2>\n<p class=\"conclusion\">" + conclusion
                + "</p>");
    }
}
