package dev.switchboard.routing.examples.simulator;

import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The rows of the comparison, defined once for the console table and the HTML report. */
final class Comparison {
    private Comparison() {}

    /**
     * One row of the comparison: a group (blank when it continues the previous row's), what is measured, and how
     * to write it for one chain.
     */
    record Row(String group, String label, Function<ChainReport, String> value) {}

    static final List<Row> ROWS = List.of(
            new Row("time to assign", "p50", chain -> Format.duration(chain.timeToAssign().percentile(50).toSeconds())),
            new Row("", "p95", chain -> Format.duration(chain.timeToAssign().percentile(95).toSeconds())),
            new Row("", "max", chain -> Format.duration(chain.timeToAssign().max().toSeconds())),
            new Row("queue", "conversations that waited",
                    chain -> Format.countAndShare((int) chain.timeInQueue().count(), chain.conversations())),
            new Row("", "mean wait (of those)", chain -> Format.duration(chain.timeInQueue().mean().toNanos() / 1e9)),
            new Row("", "p95 wait (of those)", chain -> Format.duration(chain.timeInQueue().percentile(95).toSeconds())),
            new Row("", "SLA breaches", chain -> String.valueOf(chain.slaBreaches())),
            new Row("", "sent to manual review", chain -> String.valueOf(chain.manualReview())),
            new Row("", "still waiting at close", chain -> String.valueOf(chain.waitingAtClose())),
            new Row("ownership changes", "transfers", chain -> String.valueOf(chain.transfers())),
            new Row("", "re-routes (agent offline)", chain -> String.valueOf(chain.reroutes())),
            new Row("", "reroute rate", chain -> Format.percent(chain.rerouteRate())),
            new Row("agents", "utilisation min/mean/max", Comparison::utilisation),
            new Row("", "load max/min", chain -> Format.decimal(chain.maxOverMin(), 2)),
            new Row("", "load Gini", chain -> Format.decimal(chain.gini(), 3)),
            new Row("returning customers", "back to previous owner",
                    chain -> Format.percent(chain.backToPreviousOwnerShare()) + " of " + chain.returning()));

    /** What the figures mean, in a few lines under the table. */
    static final List<String> NOTES = List.of(
            "time to assign: from arrival to first owner; waits: total time in queues, counted to the close",
            "reroute rate: (transfers + re-routes) / conversations; load: conversations an agent worked on",
            "utilisation: open conversations / capacity, averaged over the time an agent was not offline");

    private static String utilisation(ChainReport chain) {
        DoubleSummaryStatistics utilisation = chain.agents().stream()
                .mapToDouble(ChainReport.AgentFigures::utilisation).summaryStatistics();
        return Format.wholePercent(utilisation.getMin()) + " / " + Format.wholePercent(utilisation.getAverage())
                + " / " + Format.wholePercent(utilisation.getMax());
    }

    /** An agent's skills for people, by name: {@code billing 3, tech 1}. */
    static String skills(Map<String, Integer> skills) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(skills).forEach((skill, level) -> text.append(text.length() == 0 ? "" : ", ")
                .append(skill).append(' ').append(level));
        return text.toString();
    }

    /** One agent's figures in one chain: {@code 152 / 61%}. */
    static String agentCell(ChainReport.AgentFigures agent) {
        return agent.received() + " / " + Format.wholePercent(agent.utilisation());
    }

    /** A line saying what was simulated. */
    static String summary(SimulationReport report) {
        Day day = report.day();
        List<Day.Arrival> arrivals = day.arrivals();
        String span = arrivals.isEmpty() ? "" : String.format(Locale.ROOT, " arriving %s-%s UTC",
                Format.clock(arrivals.get(0).conversation().createdAt()),
                Format.clock(arrivals.get(arrivals.size() - 1).conversation().createdAt()));
        String seed = report.seed().isPresent() ? "seed " + report.seed().getAsLong() + ", " : "";
        return String.format(Locale.ROOT, "%s%d agents, %d conversations%s, %s",
                seed, day.owners().size(), arrivals.size(), span, slas(report));
    }

    /**
     * The queues' service levels: the day's, when a chain of steps waits in its queue; else, when every chain routes
     * by a plan (as in a replay), each queue of the plans with its own: {@code queue SLAs priority 5 min, ...}.
     */
    private static String slas(SimulationReport report) {
        Map<String, String> queues = new LinkedHashMap<>();
        for (ChainReport chain : report.chains()) {
            if (chain.chain().plan().isEmpty()) {
                return "queue SLA " + Format.minutes(report.day().queueSla());
            }
            chain.chain().plan().get().queues()
                    .forEach(queue -> queues.putIfAbsent(queue.name(), Format.minutes(queue.sla())));
        }
        StringBuilder text = new StringBuilder("queue SLAs");
        queues.forEach((queue, sla) -> text.append(text.length() == 10 ? " " : ", ").append(queue).append(' ')
                .append(sla));
        return text.toString();
    }
}
