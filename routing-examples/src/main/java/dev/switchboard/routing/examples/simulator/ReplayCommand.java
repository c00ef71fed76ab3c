package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.replay.Divergence;
import dev.switchboard.routing.replay.LogException;
import dev.switchboard.routing.replay.Replay;
import dev.switchboard.routing.replay.ReplayDiff;
import dev.switchboard.routing.replay.RoutingLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Replays a routing log under a routing configuration and prints what changed ({@link ReplayDiff}): a summary
 * first, the simulator's metrics of both sides, then the changes of highest impact, with both explanations; writes
 * the full diff as JSON Lines and the simulator's HTML report of the two sides. The recorded side is the router the
 * log's header describes, rebuilt ({@link Replay#recorded}), or, with {@code --baseline}, a replay under that
 * configuration. Run it with {@code --help}.
 */
@Command(name = "replay", sortOptions = false, usageHelpWidth = 100,
        description = {
            "Replays a routing log (JSON Lines, docs/replay.md) under a routing configuration (docs/configuration.md):"
                + " the same calls, in the same order, at the same instants, through the router the log was recorded"
                + " from with the configuration's roster and plan instead. Prints a summary, the metrics of both sides,"
                + " and the changed conversations of highest impact, with why on both sides.",
            ""},
        footer = {
            "",
            "From the project's root:",
            "  mvn -B -q -pl routing-examples -am compile exec:java \\",
            "    -Dexec.mainClass=dev.switchboard.routing.examples.simulator.ReplayCommand \\",
            "    -Dexec.args=\"--log day.jsonl --config rules.json\"",
            "",
            "Exit status: 0 on success, 2 for a bad option, log or configuration, 1 when a report cannot be written."})
public final class ReplayCommand {

    @Option(names = "--log", paramLabel = "<file>", required = true,
            description = "the routing log, as JsonLinesRecorder writes it (the simulator writes one with --record)")
    private Path logFile;

    @Option(names = "--config", paramLabel = "<file>", required = true,
            description = "the configuration to replay under; its owners must include every owner of the log's roster")
    private Path config;

    @Option(names = "--baseline", paramLabel = "<file>",
            description = "compare with a replay under this configuration rather than with the recorded router (needed"
                    + " for a log whose header names no configuration, to leave out options outside the document)")
    private Path baseline;

    @Option(names = "--limit", paramLabel = "<n>", defaultValue = "20",
            description = "print this many changes, the highest impact first (default ${DEFAULT-VALUE})")
    private int limit;

    @Option(names = "--diff-out", paramLabel = "<file>",
            description = "write the whole diff as JSON Lines to this file: a summary, every change, every refusal")
    private Path diffOut;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "target/replay",
            description = "where to write simulation-report.html (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    private boolean help;

    private ReplayCommand() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command and returns its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ReplayCommand command = new ReplayCommand();
        ReplayReport report;
        try {
            Commands.parse(command, args);
            if (command.help) {
                out.print(new CommandLine(new ReplayCommand()).getUsageMessage());
                return 0;
            }
            if (command.limit < 0) {
                throw new Options.UsageException("--limit must be 0 or more, was " + command.limit);
            }
            report = command.replay(err);
        } catch (Options.UsageException | RulesException | LogException | UncheckedIOException e) {
            err.println("replay: " + e.getMessage() + (e instanceof Options.UsageException ? " (see --help)" : ""));
            return 2;
        }
        out.print(report.render(command.limit));
        try {
            if (command.diffOut != null) {
                try (Writer writer = Files.newBufferedWriter(command.diffOut, StandardCharsets.UTF_8)) {
                    report.diff().writeJsonLines(writer);
                }
                out.print("\nFull diff (JSON Lines): " + command.diffOut.toAbsolutePath().normalize().toUri() + "\n");
            }
            Path html = HtmlReport.write(report.simulation(), command.out);
            out.print("HTML report: " + html.toAbsolutePath().normalize().toUri() + "\n");
            return 0;
        } catch (IOException e) {
            err.println("replay: cannot write a report: " + e.getMessage());
            return 1;
        }
    }

    private ReplayReport replay(PrintStream err) {
        RoutingConfig proposed = RulesFile.read(config);
        Optional<RoutingConfig> base = Optional.ofNullable(baseline).map(RulesFile::read);
        RoutingLog log = RoutingLog.read(logFile, proposed.owners());
        if (log.events().isEmpty()) {
            throw new Options.UsageException("the log has no events");
        }
        Replay replayed = under(log, proposed);
        if (base.isPresent()) {
            return ReplayReport.of(log, "baseline", "replayed under " + baseline, base.get(), under(log, base.get()),
                    "replayed under " + config, proposed, replayed);
        }
        Optional<RoutingConfig> recordedConfig = log.configuration();
        Replay recorded;
        if (recordedConfig.isPresent()) {
            recorded = Replay.recorded(log);
            warnIfNotExact(recorded.divergence(), log, err);
        } else {
            recorded = new Replay(log.events(), List.of(), new Divergence(0, List.of()));
            err.println("replay: the log's header names no configuration, so its router cannot be rebuilt; the"
                    + " replay may differ from it by options outside the document: compare with --baseline");
        }
        return ReplayReport.of(log, "recorded", "as recorded in " + logFile, recordedConfig.orElse(proposed),
                recorded, "replayed under " + config, proposed, replayed);
    }

    private static Replay under(RoutingLog log, RoutingConfig config) {
        try {
            return Replay.under(log, config);
        } catch (IllegalArgumentException e) {
            if (e instanceof LogException) {
                throw e;
            }
            throw new Options.UsageException(e.getMessage());
        }
    }

    private static void warnIfNotExact(Divergence divergence, RoutingLog log, PrintStream err) {
        if (!divergence.isEmpty()) {
            Divergence.Difference first = divergence.first().get(0);
            err.println("replay: the router rebuilt from the log's header does not reproduce it: "
                    + divergence.count() + " outcomes differ, the first at " + log.source() + " line " + first.line()
                    + " (recorded " + first.recorded().map(RoutingEvent::toString).orElse("nothing") + ", replayed "
                    + first.replayed().map(RoutingEvent::toString).orElse("nothing") + ")");
        }
    }
}
