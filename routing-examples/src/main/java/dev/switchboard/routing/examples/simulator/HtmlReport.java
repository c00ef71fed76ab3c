package dev.switchboard.routing.examples.simulator;

import static dev.switchboard.routing.examples.simulator.Svg.escape;

import dev.switchboard.routing.Owner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as one self-contained HTML page: the conclusion, the figures, each chain's conversations by queue,
 * channel and priority, and charts of the day's arrivals, the queue over the day, time to an agent (with the SLAs)
 * and each agent's load. No scripts and nothing fetched, so it opens anywhere, and it is
 * well-formed XML (XHTML syntax), so tools can parse it.
 */
final class HtmlReport {
    private HtmlReport() {}

    /** The report's file name inside the output directory. */
    static final String FILE_NAME = "simulation-report.html";

    private static final String STYLE = """
            body { margin: 0; background: #f4f6f9; color: #1d2330;
                   font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
            main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 40px; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 0 0 2px; }
            p.lead { color: #4a5366; margin: 0 0 20px; }
            p.note { color: #5b6475; font-size: 13px; margin: 0 0 12px; }
            section { background: #fff; border-radius: 10px; box-shadow: 0 1px 3px rgba(20, 30, 50, 0.09);
                      padding: 18px 22px; margin-bottom: 20px; }
            table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
            th, td { padding: 5px 8px; text-align: right; white-space: nowrap; }
            th { font-weight: 600; border-bottom: 2px solid #d5dae2; vertical-align: bottom; white-space: normal; }
            .nowrap { white-space: nowrap; }
            th.left, td.left { text-align: left; }
            td.group { font-weight: 600; color: #33405a; }
            tr.first td { border-top: 1px solid #e3e6eb; }
            td.muted { color: #6b7486; }
            td.group, td.label { white-space: normal; }
            td.wrap { white-space: normal; }
            .legend { margin: 6px 0 10px; }
            .legend span { display: inline-block; margin-right: 18px; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px;
                      vertical-align: -1px; }
            .chains td { white-space: normal; }
            svg { display: block; width: 100%; height: auto; }
            svg text { font-size: 12px; fill: #5b6475; }
            svg text.label { font-size: 12px; fill: #1d2330; }
            svg text.unit { font-size: 11px; fill: #8a93a5; }
            svg line.grid { stroke: #e8ebf0; stroke-width: 1; }
            svg line.axis { stroke: #9aa3b2; stroke-width: 1; }
            svg line.sla { stroke: #1d2330; stroke-width: 1.5; stroke-dasharray: 5 4; }
            svg text.sla { font-size: 11px; fill: #1d2330; }
            .sla-swatch { display: inline-block; width: 18px; height: 0; border-top: 2px dashed #1d2330;
                          margin-right: 6px; vertical-align: 3px; }
            p.conclusion { font-size: 15px; margin: 0; }
            tr.chain td { padding-top: 14px; font-weight: 600; }
            """;

    /** Writes the report into {@code directory}, creating it if need be, and returns the file. */
    static Path write(SimulationReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    static String render(SimulationReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Switchboard simulator: ").append(escape(report.day().title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>Routing chains compared on one simulated day</h1>\n<p class=\"lead\">")
                .append(escape(report.day().title())).append(" · ").append(escape(Comparison.summary(report)))
                .append("</p>\n");
        chains(html, report);
        html.append("<section>\n<h2>In short</h2>\n<p class=\"conclusion\">").append(escape(Conclusion.of(report)))
                .append("</p>\n</section>\n");
        summary(html, report);
        breakdown(html, report);
        chart(html, "Conversations arriving", "Per quarter hour, the same for every chain: the day's shape, "
                + "with its morning and after-lunch peaks.", Charts.arrivals(report.day()), List.of(), List.of());
        chart(html, "Queue length over the day", "The most conversations waiting at once in each "
                + Charts.QUEUE_MINUTES_PER_POINT + " minutes.", Charts.queueLength(report), report.chains(),
                List.of());
        chart(html, "Time to an agent", assignedAtOnce(report), Charts.timeToAssign(report), report.chains(),
                Charts.slaLines(report));
        chart(html, "Conversations per agent", "Conversations each agent worked on. Hover over a bar for the "
                + "figures.", Charts.loadPerAgent(report), report.chains(), List.of());
        agents(html, report);
        html.append("<p class=\"note\">");
        Comparison.NOTES.forEach(note -> html.append(escape(note)).append(".<br/>"));
        html.append("Generated by the Switchboard simulator (routing-examples) ")
                .append(report.seed().isPresent() ? "with seed " + report.seed().getAsLong() : "from a routing log")
                .append(".</p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void chains(StringBuilder html, SimulationReport report) {
        html.append("<section class=\"chains\">\n<h2>The chains</h2>\n")
                .append("<p class=\"note\">Each chain routes the same conversations with the same agents, shifts "
                        + "and breaks.</p>\n<table>\n");
        List<ChainReport> chains = report.chains();
        for (int i = 0; i < chains.size(); i++) {
            Chain chain = chains.get(i).chain();
            html.append("<tr><td class=\"left\"><span class=\"nowrap\">").append(swatch(i)).append("<strong>")
                    .append(escape(chain.name())).append("</strong></span></td><td class=\"left\">").append(escape(chain.description()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void summary(StringBuilder html, SimulationReport report) {
        html.append("<section>\n<h2>Figures</h2>\n<table>\n<tr><th class=\"left\"></th><th class=\"left\"></th>");
        chainHeaders(html, report);
        html.append("</tr>\n");
        for (Comparison.Row row : Comparison.ROWS) {
            html.append(row.group().isEmpty() ? "<tr>" : "<tr class=\"first\">")
                    .append("<td class=\"left group\">").append(escape(row.group())).append("</td>")
                    .append("<td class=\"left muted label\">").append(escape(row.label())).append("</td>");
            report.chains().forEach(chain -> html.append("<td>").append(escape(row.value().apply(chain)))
                    .append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    /** Each chain's conversations by queue, channel and priority, one block of rows per chain. */
    private static void breakdown(StringBuilder html, SimulationReport report) {
        html.append("<section>\n<h2>By queue, channel and priority</h2>\n<p class=\"note\">Each chain's "
                + "conversations split three ways; waits are of the conversations that waited.</p>\n<table>\n"
                + "<tr><th class=\"left\"></th><th class=\"left\"></th>");
        Comparison.BREAKDOWN.forEach(column -> html.append("<th>").append(escape(column.header())).append("</th>"));
        html.append("</tr>\n");
        for (int c = 0; c < report.chains().size(); c++) {
            ChainReport chain = report.chains().get(c);
            html.append("<tr class=\"chain\"><td class=\"left\" colspan=\"").append(2 + Comparison.BREAKDOWN.size())
                    .append("\">").append(swatch(c)).append(escape(chain.chain().name())).append("</td></tr>\n");
            for (Comparison.BreakdownRow row : Comparison.breakdownRows(chain)) {
                html.append(row.dimension().isEmpty() ? "<tr>" : "<tr class=\"first\">")
                        .append("<td class=\"left group\">").append(escape(row.dimension())).append("</td>")
                        .append("<td class=\"left muted\">").append(escape(row.name())).append("</td>");
                Comparison.BREAKDOWN.forEach(column -> html.append("<td>")
                        .append(escape(column.value().apply(row.group()))).append("</td>"));
                html.append("</tr>\n");
            }
        }
        html.append("</table>\n</section>\n");
    }

    private static void agents(StringBuilder html, SimulationReport report) {
        html.append("<section>\n<h2>Agents</h2>\n<p class=\"note\">Conversations worked on / utilisation; the "
                + "darker the cell, the busier the agent.</p>\n<table>\n<tr><th class=\"left\">agent</th>"
                + "<th class=\"left\">at work</th><th>capacity</th><th class=\"left\">skills</th>");
        chainHeaders(html, report);
        html.append("</tr>\n");
        List<Owner> owners = report.day().owners();
        for (int a = 0; a < owners.size(); a++) {
            Owner owner = owners.get(a);
            html.append("<tr><td class=\"left\">").append(escape(owner.id())).append("</td><td class=\"left muted\">")
                    .append(escape(shift(report.day(), owner.id()))).append("</td><td>")
                    .append(owner.capacity().total()).append("</td><td class=\"left muted wrap\">")
                    .append(escape(Comparison.skills(owner.skills()))).append("</td>");
            for (ChainReport chain : report.chains()) {
                ChainReport.AgentFigures figures = chain.agents().get(a);
                html.append("<td style=\"background: ").append(heat(figures.utilisation())).append("\">")
                        .append(escape(Comparison.agentCell(figures))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    /**
     * A section with a chart, and a legend of the chains it draws (none for a chart of the day itself) and of its SLA
     * lines, if any.
     */
    private static void chart(StringBuilder html, String title, String note, String svg, List<ChainReport> legend,
            List<Charts.SlaLine> slas) {
        html.append("<section>\n<h2>").append(escape(title)).append("</h2>\n<p class=\"note\">").append(escape(note))
                .append("</p>\n");
        if (!legend.isEmpty()) {
            html.append("<div class=\"legend\">");
            for (int i = 0; i < legend.size(); i++) {
                html.append("<span>").append(swatch(i)).append(escape(legend.get(i).chain().name())).append("</span>");
            }
            html.append("</div>\n");
        }
        if (!slas.isEmpty()) {
            html.append("<div class=\"legend sla\">");
            slas.forEach(sla -> html.append("<span><span class=\"sla-swatch\"></span>").append(escape(sla.label()))
                    .append("</span>"));
            html.append("</div>\n");
        }
        html.append(svg).append("\n</section>\n");
    }

    private static String assignedAtOnce(SimulationReport report) {
        StringBuilder note = new StringBuilder("Conversations that waited for an agent, by how long. Assigned at "
                + "once, and not shown: ");
        for (int i = 0; i < report.chains().size(); i++) {
            ChainReport chain = report.chains().get(i);
            long atOnce = chain.timeToAssign().countBetween(Duration.ZERO, Duration.ofSeconds(1));
            note.append(i == 0 ? "" : ", ").append(chain.chain().name()).append(' ')
                    .append(Format.percent(chain.conversations() == 0 ? 0 : (double) atOnce / chain.conversations()));
        }
        return note.append('.').toString();
    }

    /** From when the agent first comes online to when it finally signs off. */
    private static String shift(Day day, String ownerId) {
        List<Day.PresenceChange> changes = day.presenceChanges().stream()
                .filter(change -> change.ownerId().equals(ownerId)).toList();
        return changes.isEmpty() ? "" : Format.clock(changes.get(0).at()) + "-"
                + Format.clock(changes.get(changes.size() - 1).at());
    }

    /** A header cell per chain, whose name may wrap only after a "+", never between the swatch and the name. */
    private static void chainHeaders(StringBuilder html, SimulationReport report) {
        for (int i = 0; i < report.chains().size(); i++) {
            String[] parts = escape(report.chains().get(i).chain().name()).replace("-", "\u2011").split("\\+", -1);
            html.append("<th class=\"chain\"><span class=\"nowrap\">").append(swatch(i)).append(parts[0])
                    .append(parts.length > 1 ? "+" : "").append("</span>");
            for (int p = 1; p < parts.length; p++) {
                html.append("<wbr/>").append(parts[p]).append(p < parts.length - 1 ? "+" : "");
            }
            html.append("</th>");
        }
    }

    private static String swatch(int chain) {
        return "<span class=\"swatch\" style=\"background: " + Charts.color(chain) + "\"></span>";
    }

    /** A blue that darkens with utilisation, light enough for dark text throughout. */
    private static String heat(double utilisation) {
        double lightness = 97 - 35 * Math.min(1, Math.max(0, utilisation));
        return String.format(Locale.ROOT, "hsl(212, 65%%, %.0f%%)", lightness);
    }
}
