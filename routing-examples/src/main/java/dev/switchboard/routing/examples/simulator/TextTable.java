package dev.switchboard.routing.examples.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with columns sized to their widest cell: the first {@code labelColumns} are aligned left
 * (labels), the others right (figures), and a rule can separate groups of rows.
 */
final class TextTable {

    private static final String GAP = "   ";

    private final int labelColumns;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(int labelColumns) {
        this.labelColumns = labelColumns;
    }

    TextTable row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    TextTable row(List<String> cells) {
        return row(cells.toArray(String[]::new));
    }

    /** A horizontal rule across the whole table. */
    TextTable rule() {
        rows.add(null);
        return this;
    }

    String render() {
        int columns = rows.stream().filter(row -> row != null).mapToInt(row -> row.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; row != null && i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int total = Arrays.stream(widths).sum() + GAP.length() * Math.max(0, columns - 1);
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            if (row == null) {
                text.append("-".repeat(total)).append('\n');
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = i < row.length ? row[i] : "";
                String padding = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : GAP).append(i < labelColumns ? cell + padding : padding + cell);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
