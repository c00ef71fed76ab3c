package dev.switchboard.routing.examples.simulator;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The simulator's command line, declared for picocli: {@code --seed}, {@code --agents}, {@code --conversations},
 * {@code --config}, {@code --rules}, {@code --out}, {@code --record}, {@code --redis} and {@code --help}, each value given as the next
 * argument or after {@code =}. {@link #parse} reads the arguments; a bad one is a {@link UsageException}.
 */
@Command(name = "simulator", sortOptions = false, usageHelpWidth = 100,
        description = {
            "Simulates a day at a helpdesk and runs it through several routing chains: the same conversations and the"
                + " same agents go through each chain, and the figures are printed side by side. An HTML report with"
                + " charts is written too. Three chains are built in; the fourth, \"rules\", routes by a rules"
                + " document (docs/configuration.md).",
            ""},
        footer = {
            "",
            "From the project's root:",
            "  mvn -B -q -pl routing-examples -am compile exec:java -Dexec.args=\"--seed 7\"",
            "",
            "Exit status: 0 on success, 2 for a bad option, an invalid scenario or invalid rules, 1 when the report"
                + " cannot be written."})
final class Options {

    static final long DEFAULT_SEED = 42;

    /**
     * The report directory when {@code --out} is not given: this system property (the Maven build sets it to the
     * module's {@code target/simulator}), else {@code target/simulator} under the working directory.
     */
    static final String OUT_PROPERTY = "switchboard.simulator.out";

    @Option(names = "--seed", paramLabel = "<n>",
            description = "the day's randomness; the same seed gives the same day and the same report (default "
                    + DEFAULT_SEED + ")")
    private long seed = DEFAULT_SEED;

    @Option(names = "--agents", paramLabel = "<n>",
            description = "agents on the roster, 1 to 1000: the first n of the scenario, which is repeated if it lists"
                    + " fewer (default: as in the scenario)")
    private Integer agents;

    @Option(names = "--conversations", paramLabel = "<n>",
            description = "conversations in the day, 1 to 1000000 (default: as in the scenario)")
    private Integer conversations;

    @Option(names = "--config", paramLabel = "<file>",
            description = "the scenario, a JSON file (default: the shipped helpdesk day, "
                    + "routing-examples/src/main/resources" + ScenarioFile.DEFAULT + ")")
    private Path config;

    @Option(names = "--rules", paramLabel = "<file>",
            description = "the rules chain's rules: a routing configuration (JSON) whose owners are the scenario's"
                    + " agents; its rules and queues are used (default: routing-examples/src/main/resources"
                    + RulesFile.DEFAULT + ", written for the shipped day; for a scenario with other agents and no"
                    + " --rules, the rules chain is left out, with a note)")
    private Path rules;

    @Option(names = "--out", paramLabel = "<dir>",
            description = "where to write simulation-report.html (default: ${sys:" + OUT_PROPERTY
                    + ":-target/simulator})")
    private Path out;

    @Option(names = "--record", paramLabel = "<file>",
            description = "write the routing log of the last chain (the rules chain, when it runs) to this file, for"
                    + " replay (docs/replay.md); its header carries the rules and the router's settings")
    private Path record;

    @Option(names = "--redis", paramLabel = "<url>",
            description = "keep every chain's live state in the Redis at this URL (redis://host:port), each chain on a"
                    + " tenant of its own, new for the run; the figures are the same as in memory (default: in"
                    + " memory)")
    private String redis;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    private boolean help;

    private Options() {}

    /** Reads the arguments; a bad one is a {@link UsageException} saying which and why. */
    static Options parse(String... args) {
        Options options = new Options();
        Commands.parse(options, args);
        options.checkRange("--agents", options.agents, 1, 1000);
        options.checkRange("--conversations", options.conversations, 1, 1_000_000);
        if (options.redis != null && !options.redis.startsWith("redis://") && !options.redis.startsWith("rediss://")) {
            throw new UsageException("--redis must be a Redis URL such as redis://localhost:6379, was '"
                    + options.redis + "'");
        }
        return options;
    }

    /** The help text, with the defaults that apply to this run. */
    static String usage() {
        return new CommandLine(new Options()).getUsageMessage();
    }

    private void checkRange(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new UsageException(name + " must be a whole number from " + min + " to " + max + ", was '" + value
                    + "'");
        }
    }

    /** The randomness of the day. */
    long seed() {
        return seed;
    }

    /** The number of agents, when overridden. */
    OptionalInt agents() {
        return agents == null ? OptionalInt.empty() : OptionalInt.of(agents);
    }

    /** The number of conversations, when overridden. */
    OptionalInt conversations() {
        return conversations == null ? OptionalInt.empty() : OptionalInt.of(conversations);
    }

    /** The scenario file, when not the shipped default. */
    Optional<Path> config() {
        return Optional.ofNullable(config);
    }

    /** The rules document of the rules chain, when not the shipped default. */
    Optional<Path> rules() {
        return Optional.ofNullable(rules);
    }

    /** The directory the HTML report is written to. */
    Path out() {
        return out != null ? out : Path.of(System.getProperty(OUT_PROPERTY, "target/simulator"));
    }

    /** Where to write the routing log of the last chain, if anywhere. */
    Optional<Path> record() {
        return Optional.ofNullable(record);
    }

    /** The Redis to keep the routers' live state in, when given. */
    Optional<String> redis() {
        return Optional.ofNullable(redis);
    }

    /** Whether help was asked for. */
    boolean help() {
        return help;
    }

    /** A command line that cannot be run; the message says what is wrong. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
