package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.replay.LogException;
import dev.switchboard.routing.replay.Replay;
import dev.switchboard.routing.replay.RoutingLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a routing log under a routing configuration and prints what changed: the summary metrics side by side and
 * each conversation whose owner or outcome changed, with both explanations; and writes the simulator's HTML report
 * of the two. With {@code --baseline}, the log is first replayed under the configuration it was recorded with, so that
 * only the configurations differ. Run it with {@code --help}.
 */
public final class ReplayCommand {

    private static final String USAGE = """
            Usage: replay --log <file> --config <file> [--baseline <file>] [--out <dir>]

            Replays a routing log (JSON Lines, docs/replay.md) under a routing configuration
            (docs/configuration.md): the same calls, in the same order, at the same instants. Prints
            the summary metrics of the recorded day and of the replay side by side, then every
            conversation whose first placement or final owner changed, with why on both sides.

            Options:
              --log <file>        the routing log, as JsonLinesRecorder writes it (the simulator
                                  writes one with --record <file>)
              --config <file>     the configuration to replay under; its owners must include
                                  every owner of the log's roster
              --baseline <file>   the configuration the log was recorded with: the log is replayed
                                  under it too and compared with the replay under --config, so
                                  that router options outside the document do not count as changes
                                  (use it for the simulator's logs)
              --out <dir>         where to write simulation-report.html (default: target/replay)
              --help              print this help and exit

            From the project's root:
              mvn -B -q -pl routing-examples -am compile exec:java \\
                -Dexec.mainClass=dev.switchboard.routing.examples.simulator.ReplayCommand \\
                -Dexec.args="--log day.jsonl --config rules.json"

            Exit status: 0 on success, 2 for a bad option, log or configuration, 1 when the
            report cannot be written.
            """;

    private ReplayCommand() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command and returns its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ReplayDiff diff;
        Path html;
        try {
            Map<String, String> options = options(args);
            if (options.containsKey("--help")) {
                out.print(USAGE);
                return 0;
            }
            Path logFile = Path.of(required(options, "--log"));
            RoutingConfig config = RulesFile.read(Path.of(required(options, "--config")));
            Optional<RoutingConfig> baseline = Optional.ofNullable(options.get("--baseline"))
                    .map(file -> RulesFile.read(Path.of(file)));
            html = Path.of(options.getOrDefault("--out", "target/replay"));
            RoutingLog log = RoutingLog.read(logFile, config.owners());
            Day day = day("replay of " + logFile.getFileName(), log, config);
            Chain after = chain("replayed", "replayed under " + options.get("--config"), config);
            if (baseline.isPresent()) {
                Chain before = chain("baseline", "replayed under " + options.get("--baseline"), baseline.get());
                diff = ReplayDiff.of(day, before, replay(log, baseline.get(), err), after, replay(log, config, err));
            } else {
                Chain before = chain("recorded", "as recorded in " + logFile, config);
                diff = ReplayDiff.of(day, before, log.events(), after, replay(log, config, err));
            }
        } catch (Options.UsageException | RulesException | LogException | UncheckedIOException e) {
            err.println("replay: " + e.getMessage() + (e instanceof Options.UsageException ? " (see --help)" : ""));
            return 2;
        }
        out.print(diff.render());
        try {
            out.print("\nHTML report: " + HtmlReport.write(diff.report(), html).toAbsolutePath().normalize().toUri()
                    + "\n");
            return 0;
        } catch (IOException e) {
            err.println("replay: cannot write the HTML report to " + html + ": " + e.getMessage());
            return 1;
        }
    }

    private static List<RoutingEvent> replay(RoutingLog log, RoutingConfig config, PrintStream err) {
        Replay replay = Replay.run(log, config.routerBuilder());
        if (!replay.refusals().isEmpty()) {
            err.println("replay: " + replay.refusals().size() + " calls refused by the router, as the first: "
                    + replay.refusals().get(0));
        }
        return replay.events();
    }

    private static Chain chain(String name, String description, RoutingConfig config) {
        return new Chain(name, description, new Chain.Rules(config.plan()));
    }

    /**
     * The recorded day as the simulator's reports see it: the configuration's roster, the log's first and last
     * instants, its conversations as arrivals and its presence changes.
     */
    private static Day day(String title, RoutingLog log, RoutingConfig config) {
        List<RoutingEvent> events = log.events();
        if (events.isEmpty()) {
            throw new Options.UsageException("the log has no events");
        }
        List<Day.Arrival> arrivals = new ArrayList<>();
        List<Day.PresenceChange> presenceChanges = new ArrayList<>();
        List<String> owners = config.owners().stream().map(Owner::id).toList();
        for (RoutingEvent event : events) {
            if (!(event instanceof RoutingEvent.Input input)) {
                continue;
            }
            if (input.input() instanceof RouterInput.Route route) {
                arrivals.add(new Day.Arrival(route.conversation(), Duration.ZERO, false));
            } else if (input.input() instanceof RouterInput.SetPresence presence) {
                presenceChanges.add(new Day.PresenceChange(input.at(), presence.ownerId(), presence.presence()));
            } else if (input.input() instanceof RouterInput.Roster roster) {
                for (Map.Entry<String, Presence> entry : roster.presences().entrySet()) {
                    if (!owners.contains(entry.getKey())) {
                        throw new Options.UsageException("owner '" + entry.getKey() + "' of the log's roster is not in the"
                                + " configuration");
                    }
                    presenceChanges.add(new Day.PresenceChange(input.at(), entry.getKey(), entry.getValue()));
                }
            }
        }
        Duration sla = config.plan().queues().get(0).sla();
        return new Day(title, events.get(0).at(), events.get(events.size() - 1).at(), sla, config.owners(),
                presenceChanges, arrivals, 0, Duration.ZERO);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                options.put("--help", "");
                continue;
            }
            if (!List.of("--log", "--config", "--baseline", "--out").contains(name)) {
                throw new Options.UsageException("unknown option '" + arg + "'");
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : i + 1 < args.length ? args[++i] : "";
            if (value.isBlank()) {
                throw new Options.UsageException(name + " needs a value");
            }
            options.put(name, value);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new Options.UsageException(name + " is required");
        }
        return value;
    }
}
