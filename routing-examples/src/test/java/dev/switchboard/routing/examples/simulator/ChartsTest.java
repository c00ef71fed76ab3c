package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.examples.simulator.Charts.SlaLine;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static SimulationReport report(ChainReport... chains) {
        return new SimulationReport(SimulationTest.tinyDay(), OptionalLong.of(1), List.of(chains));
    }

    @Test
    void anSlaFallsOnTheTimeToAssignScale_atItsShareOfTheBucketItIsIn() {
        assertThat(Charts.slotsBefore(Duration.ofMinutes(10))).as("between 5-10 min and 10-15 min").isEqualTo(5.0);
        assertThat(Charts.slotsBefore(Duration.ofMinutes(5))).as("between 2-5 min and 5-10 min").isEqualTo(4.0);
        assertThat(Charts.slotsBefore(Duration.ofMinutes(4))).as("two thirds into 2-5 min").isEqualTo(3 + 2.0 / 3);
        assertThat(Charts.slotsBefore(Duration.ofHours(1))).as("the open last bucket, at its start").isEqualTo(8.0);
    }

    @Test
    void theTimeToAssignChart_drawsTheDaysSla_asADashedLineAtItsValue_namedInItsTooltip() {
        String svg = Charts.timeToAssign(report(BreakdownTest.tinyDay()));

        // 9 slots of (960 - 56 - 16) / 9 px from x = 56; 4 min is 3 + 2/3 slots in: 56 + 888 * (11 / 27) = 417.8
        assertThat(svg).contains("<line x1=\"417.8\" y1=\"22.0\" x2=\"417.8\" y2=\"270.0\" class=\"sla\">"
                + "<title>SLA 4 min: the day's</title></line>", ">SLA 4 min</text>");
        assertThat(Charts.slaLines(report(BreakdownTest.tinyDay())))
                .containsExactly(new SlaLine(Duration.ofMinutes(4), "the day's"));
    }

    @Test
    void chainsWithOtherQueues_getALinePerSla_namingTheQueues_withTheDaysAmongThem() {
        RoutingPlan plan = new RoutingPlan(
                List.of(new QueueSpec("billing", Duration.ofMinutes(4)), new QueueSpec("vip", Duration.ofMinutes(2)),
                        new QueueSpec("review", Duration.ofMinutes(30))),
                List.of(Rule.builder("billing").owners("a", "b").chain(new RoundRobin()).queue("billing").build()));
        ChainReport steps = BreakdownTest.tinyDay();
        ChainReport rules = Simulation.run(SimulationTest.tinyDay(), new Chain("rules", "billing",
                new Chain.Rules(plan)));

        List<SlaLine> lines = Charts.slaLines(report(steps, rules));

        assertThat(lines).extracting(SlaLine::label).containsExactly("SLA 2 min: queue vip",
                "SLA 4 min: the day's, and queue billing", "SLA 30 min: queue review");
        assertThat(Charts.timeToAssign(report(steps, rules))).contains("<title>SLA 2 min: queue vip</title>",
                "<title>SLA 30 min: queue review</title>");
        assertThat(HtmlReport.render(report(steps, rules))).contains("<div class=\"legend sla\"><span><span "
                + "class=\"sla-swatch\"></span>SLA 2 min: queue vip</span>");
    }
}
