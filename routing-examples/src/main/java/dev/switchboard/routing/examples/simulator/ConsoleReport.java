package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Owner;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison as plain text for the console: the chains side by side, the conclusion, each chain's conversations
 * by queue, channel and priority, then each agent's day.
 */
final class ConsoleReport {
    private ConsoleReport() {}

    static String render(SimulationReport report) {
        StringBuilder text = new StringBuilder();
        text.append("Switchboard simulator: ").append(report.day().title()).append('\n');
        text.append(Comparison.summary(report)).append("\n\n");
        TextTable chains = new TextTable(2);
        report.chains().forEach(chain -> chains.row(chain.chain().name(), chain.chain().description()));
        text.append(chains.render().indent(2)).append('\n').append(comparison(report)).append('\n');
        Comparison.NOTES.forEach(note -> text.append("  ").append(note).append('\n'));
        text.append('\n').append(Format.wrap(Conclusion.of(report), 110)).append("\n\n");
        text.append("By queue, channel and priority (waits are of the conversations that waited):\n\n")
                .append(breakdown(report)).append('\n').append(agents(report));
        return text.toString();
    }

    private static String comparison(SimulationReport report) {
        TextTable table = new TextTable(2);
        List<String> header = new ArrayList<>(List.of("", ""));
        report.chains().forEach(chain -> header.add(chain.chain().name()));
        table.row(header).rule();
        for (Comparison.Row row : Comparison.ROWS) {
            if (!row.group().isEmpty() && row != Comparison.ROWS.get(0)) {
                table.rule();
            }
            List<String> cells = new ArrayList<>(List.of(row.group(), row.label()));
            report.chains().forEach(chain -> cells.add(row.value().apply(chain)));
            table.row(cells);
        }
        return table.render();
    }

    /** One table, so that every chain's columns align: each chain's name, then its rows. */
    private static String breakdown(SimulationReport report) {
        TextTable table = new TextTable(2);
        List<String> header = new ArrayList<>(List.of("", ""));
        Comparison.BREAKDOWN.forEach(column -> header.add(column.header()));
        table.row(header);
        for (ChainReport chain : report.chains()) {
            table.rule().row(chain.chain().name());
            for (Comparison.BreakdownRow row : Comparison.breakdownRows(chain)) {
                List<String> cells = new ArrayList<>(List.of("  " + row.dimension(), row.name()));
                Comparison.BREAKDOWN.forEach(column -> cells.add(column.value().apply(row.group())));
                table.row(cells);
            }
        }
        return table.render();
    }

    private static String agents(SimulationReport report) {
        TextTable table = new TextTable(3);
        List<String> header = new ArrayList<>(List.of("agent", "capacity", "skills"));
        report.chains().forEach(chain -> header.add(chain.chain().name()));
        table.row(header);
        List<String> units = new ArrayList<>(List.of("", "", ""));
        report.chains().forEach(chain -> units.add("conversations / utilisation"));
        table.row(units).rule();
        List<Owner> owners = report.day().owners();
        for (int i = 0; i < owners.size(); i++) {
            Owner owner = owners.get(i);
            List<String> cells = new ArrayList<>(List.of(owner.id(), String.valueOf(owner.capacity().total()),
                    Comparison.skills(owner.skills())));
            int agent = i;
            report.chains().forEach(chain -> cells.add(Comparison.agentCell(chain.agents().get(agent))));
            table.row(cells);
        }
        return table.render();
    }
}
