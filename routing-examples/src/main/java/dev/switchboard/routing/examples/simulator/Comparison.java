package dev.switchboard.routing.examples.simulator;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rows of the comparison and the columns of the breakdown by queue, channel and priority, defined once for the
 * console table and the HTML report.
 */
final class Comparison {
    private Comparison() {}

    /**
     * One row of the comparison: a group (blank when it continues the previous row's), what is measured, and how
     * to write it for one chain.
     */
    record Row(String group, String label, Function<ChainReport, String> value) {}

    static final List<Row> ROWS = List.of(
            new Row("time to an agent", "half got one within",
                    chain -> Format.duration(chain.timeToAssign().percentile(50).toSeconds())),
            new Row("", "95% got one within",
                    chain -> Format.duration(chain.timeToAssign().percentile(95).toSeconds())),
            new Row("", "longest", chain -> Format.duration(chain.timeToAssign().max().toSeconds())),
            new Row("waiting", "conversations that waited",
                    chain -> Format.countAndShare(chain.timeInQueue().count(), chain.conversations())),
            new Row("", "average wait (of those)",
                    chain -> Format.duration(chain.timeInQueue().mean().toNanos() / 1e9)),
            new Row("", "95% of those waited at most",
                    chain -> Format.duration(chain.timeInQueue().percentile(95).toSeconds())),
            new Row("", "SLA breaches", chain -> String.valueOf(chain.slaBreaches())),
            new Row("", "sent to manual review", chain -> String.valueOf(chain.manualReview())),
            new Row("", "still waiting at close", chain -> String.valueOf(chain.waitingAtClose())),
            new Row("handovers", "transfers to another agent", chain -> String.valueOf(chain.transfers())),
            new Row("", "re-routed (agent went offline)", chain -> String.valueOf(chain.reroutes())),
            new Row("", "handover rate", chain -> Format.percent(chain.rerouteRate())),
            new Row("offers", "offers made to agents", chain -> String.valueOf(chain.offers().offered())),
            new Row("", "declined", chain -> String.valueOf(chain.offers().declined())),
            new Row("", "expired unanswered", chain -> String.valueOf(chain.offers().expired())),
            new Row("overflow", "moved on by an overflow policy", chain -> String.valueOf(chain.overflows())),
            new Row("agents", "utilisation lowest/average/highest", Comparison::utilisation),
            new Row("", "busiest agent's load / quietest's", chain -> Format.decimal(chain.maxOverMin(), 2)),
            new Row("", "workload fairness (0 = perfectly even)", chain -> Format.decimal(chain.gini(), 3)),
            new Row("returning customers", "back with their previous agent",
                    chain -> Format.percent(chain.backToPreviousOwnerShare()) + " of " + chain.returning()));

    /** What the figures mean, in a few lines under the table. */
    static final List<String> NOTES = List.of(
            "time to an agent: from arrival to the first agent; waits: total time in queues, counted to the close",
            "handover rate: (transfers + re-routes) / conversations; an agent's load: the conversations it worked on",
            "utilisation: open conversations / capacity, averaged over the time an agent was not offline",
            "workload fairness: the Gini coefficient of the agents' loads, 0 when all did as much, near 1 when one did all");

    /** A column of the breakdown by queue, channel and priority: its header, and how to write it for one group. */
    record Column(String header, Function<Breakdown.Group, String> value) {}

    static final List<Column> BREAKDOWN = List.of(
            new Column("conversations", group -> String.valueOf(group.conversations())),
            new Column("assigned at once",
                    group -> Format.countAndShare(group.assignedAtOnce(), group.conversations())),
            new Column("waited", group -> Format.countAndShare(group.waits().count(), group.conversations())),
            new Column("median wait", group -> wait(group, 50)),
            new Column("95% waited at most", group -> wait(group, 95)),
            new Column("SLA breaches", group -> String.valueOf(group.slaBreaches())));

    /** A percentile of the waits of a group's conversations that waited; a dash when none did. */
    private static String wait(Breakdown.Group group, double percent) {
        return group.waits().count() == 0 ? "-" : Format.duration(group.waits().percentile(percent).toSeconds());
    }

    /**
     * The breakdown's rows, in order: a dimension (blank when it continues the previous row's), the group's name
     * (a queue with its SLA), and the group's figures.
     */
    record BreakdownRow(String dimension, String name, Breakdown.Group group) {}

    static List<BreakdownRow> breakdownRows(ChainReport chain) {
        List<BreakdownRow> rows = new ArrayList<>();
        Breakdown breakdown = chain.breakdown();
        Map<String, String> slas = new LinkedHashMap<>();
        chain.queues().forEach(queue -> slas.put(queue.name(), " (SLA " + Format.minutes(queue.sla()) + ")"));
        breakdown.byQueue().forEach(group -> rows.add(new BreakdownRow(rows.isEmpty() ? "queue" : "",
                group.name() + slas.getOrDefault(group.name(), ""), group)));
        int firstChannel = rows.size();
        breakdown.byChannel().forEach(group -> rows.add(new BreakdownRow(rows.size() == firstChannel ? "channel" : "",
                group.name(), group)));
        int firstPriority = rows.size();
        breakdown.byPriority().forEach(group -> rows.add(new BreakdownRow(
                rows.size() == firstPriority ? "priority" : "", group.name(), group)));
        return rows;
    }

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
