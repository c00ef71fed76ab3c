package dev.switchboard.routing.examples.simulator;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The simulator's command line: {@code --seed}, {@code --agents}, {@code --conversations}, {@code --config},
 * {@code --rules}, {@code --out}, {@code --record} and {@code --help}, each value given as the next argument or after {@code =}.
 *
 * @param seed the randomness of the day
 * @param agents the number of agents, when overridden
 * @param conversations the number of conversations, when overridden
 * @param config the scenario file, when not the shipped default
 * @param rules the rules document of the rules chain, when not the shipped default
 * @param out the directory the HTML report is written to
 * @param record where to write the routing log of the last chain, if anywhere
 * @param help whether help was asked for
 */
record Options(long seed, OptionalInt agents, OptionalInt conversations, Optional<Path> config,
        Optional<Path> rules, Path out, Optional<Path> record, boolean help) {

    static final long DEFAULT_SEED = 42;

    /**
     * The report directory when {@code --out} is not given: this system property (the Maven build sets it to the
     * module's {@code target/simulator}), else {@code target/simulator} under the working directory.
     */
    static final String OUT_PROPERTY = "switchboard.simulator.out";

    private static final String USAGE = """
            Usage: simulator [options]

            Simulates a day at a helpdesk and runs it through several routing chains: the same
            conversations and the same agents go through each chain, and the figures are printed
            side by side. An HTML report with charts is written too. Three chains are built in;
            the fourth, "rules", routes by a rules document (docs/configuration.md).

            Options:
              --seed <n>            the day's randomness; the same seed gives the same day and
                                    the same report (default %d)
              --agents <n>          agents on the roster, 1 to 1000: the first n of the scenario,
                                    which is repeated if it lists fewer (default: as in the scenario)
              --conversations <n>   conversations in the day, 1 to 1000000 (default: as in the scenario)
              --config <file>       the scenario, a JSON file (default: the shipped helpdesk day,
                                    routing-examples/src/main/resources%s)
              --rules <file>        the rules chain's rules: a routing configuration (JSON) whose
                                    owners are the scenario's agents; its rules and queues are used
                                    (default: routing-examples/src/main/resources%s,
                                    written for the shipped day; for a scenario with other agents
                                    and no --rules, the rules chain is left out, with a note)
              --out <dir>           where to write simulation-report.html
                                    (default: %s)
              --record <file>       write the routing log of the last chain (the rules chain, when
                                    it runs) to this file, for replay (docs/replay.md)
              --help                print this help and exit

            From the project's root:
              mvn -B -q -pl routing-examples -am compile exec:java -Dexec.args="--seed 7"

            Exit status: 0 on success, 2 for a bad option, an invalid scenario or invalid rules,
            1 when the report cannot be written.
            """;

    /** The help text, with the defaults that apply to this run. */
    static String usage() {
        return String.format(Locale.ROOT, USAGE, DEFAULT_SEED, ScenarioFile.DEFAULT, RulesFile.DEFAULT, defaultOut());
    }

    private static Path defaultOut() {
        return Path.of(System.getProperty(OUT_PROPERTY, "target/simulator"));
    }

    /** Reads the arguments; a bad one is a {@link UsageException} saying which and why. */
    static Options parse(String... args) {
        long seed = DEFAULT_SEED;
        OptionalInt agents = OptionalInt.empty();
        OptionalInt conversations = OptionalInt.empty();
        Optional<Path> config = Optional.empty();
        Optional<Path> rules = Optional.empty();
        Path out = defaultOut();
        Optional<Path> record = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (!name.equals("--seed") && !name.equals("--agents") && !name.equals("--conversations")
                    && !name.equals("--config") && !name.equals("--rules") && !name.equals("--out")
                    && !name.equals("--record")) {
                throw new UsageException("unknown option '" + arg + "'");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--seed" -> seed = number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--agents" -> agents = OptionalInt.of((int) number(name, value, 1, 1000));
                case "--conversations" -> conversations = OptionalInt.of((int) number(name, value, 1, 1_000_000));
                case "--config" -> config = Optional.of(Path.of(nonBlank(name, value)));
                case "--rules" -> rules = Optional.of(Path.of(nonBlank(name, value)));
                case "--record" -> record = Optional.of(Path.of(nonBlank(name, value)));
                default -> out = Path.of(nonBlank(name, value));
            }
        }
        return new Options(seed, agents, conversations, config, rules, out, record, help);
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String range = min == Long.MIN_VALUE ? "a whole number" : "a whole number from " + min + " to " + max;
        throw new UsageException(name + " must be " + range + ", was '" + value + "'");
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new UsageException(name + " needs a value");
        }
        return value;
    }

    /** A command line that cannot be run; the message says what is wrong. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
