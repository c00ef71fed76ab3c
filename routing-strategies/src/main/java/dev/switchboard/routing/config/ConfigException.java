package dev.switchboard.routing.config;

import java.io.Serializable;
import java.util.List;

/**
 * A routing configuration that cannot be used, with every problem found in it at once, each at its JSON path (such
 * as {@code rules[2].when.region}). Nothing of a configuration that fails is applied.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param path where in the document, such as {@code owners[1].capacity}, or {@code $} for the whole document
     * @param message what is wrong there
     */
    public record Problem(String path, String message) implements Serializable {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private final List<Problem> problems;

    ConfigException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        StringBuilder text = new StringBuilder("the routing configuration has ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (Problem problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }
}
