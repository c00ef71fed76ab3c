package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.redis.RedisUnavailableException;
import dev.switchboard.routing.replay.JsonLinesRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The simulator's entry point: reads the options, the scenario and the rules, generates the day, runs it through
 * every {@link Chain#standard() standard chain} and the {@link RulesFile rules chain}, prints the comparison and
 * writes the HTML report. With {@code --redis URL} every chain's router keeps its live state in Redis
 * ({@link RedisStore}) instead of its own memory, with the same figures. Progress goes to standard error, so that standard output is the same for the same seed,
 * byte for byte. Run it with {@code --help} for the options.
 */
public final class Simulator {

    private Simulator() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the simulator and returns its exit status: 0 on success, 2 for a bad option, scenario or rules document,
     * 1 when the report cannot be written.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        Scenario scenario;
        List<Chain> chains;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.print(Options.usage());
                return 0;
            }
            Scenario read = options.config().map(ScenarioFile::read).orElseGet(ScenarioFile::readDefault);
            int agents = options.agents().orElse(read.agents().size());
            scenario = agents == read.agents().size() ? read : read.withAgents(agents);
            chains = chains(read, agents, options.rules(), err);
        } catch (Options.UsageException e) {
            err.println("simulator: " + e.getMessage() + " (see --help)");
            return 2;
        } catch (ScenarioException e) {
            err.println("simulator: invalid scenario: " + e.getMessage());
            return 2;
        } catch (RulesException e) {
            err.println("simulator: invalid rules: " + e.getMessage());
            return 2;
        }
        if (options.conversations().isPresent()) {
            scenario = scenario.withConversations(options.conversations().getAsInt());
        }
        SimulationReport report;
        try (LiveStore store = options.redis().<LiveStore>map(RedisStore::new).orElseGet(LiveStore::embedded)) {
            report = simulate(scenario, options.seed(), chains, options.record(), store, err);
        } catch (UncheckedIOException | RedisUnavailableException e) {
            err.println("simulator: " + e.getMessage());
            return 1;
        }
        out.print(ConsoleReport.render(report));
        try {
            Path html = HtmlReport.write(report, options.out());
            out.print("\nHTML report: " + html.toAbsolutePath().normalize().toUri() + "\n");
            return 0;
        } catch (IOException e) {
            err.println("simulator: cannot write the HTML report to " + options.out() + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * The chains to compare: the standard chains, then the rules chain. Rules given as a file must fit the
     * scenario; the shipped rules, written for the shipped scenario, come with the offers chain (the same rules with
     * offers), and both are left out with a note on {@code err} when the scenario's agents are others.
     *
     * @param scenario the scenario as read, with every agent it lists
     * @param agents how many agents the day has (see {@link Scenario#withAgents})
     * @param rules the rules document, or empty for the shipped one
     * @throws RulesException when the given document is invalid or its owners are not the scenario's agents
     */
    static List<Chain> chains(Scenario scenario, int agents, Optional<Path> rules, PrintStream err) {
        List<Chain> chains = new ArrayList<>(Chain.standard());
        if (rules.isPresent()) {
            chains.add(RulesFile.chain(RulesFile.read(rules.get()), rules.get().toString(), scenario, agents));
            return chains;
        }
        RoutingConfig shipped = RulesFile.readDefault();
        try {
            chains.add(RulesFile.chain(RulesFile.OFFERS_CHAIN_NAME, RulesFile.readShipped(RulesFile.OFFERS),
                    RulesFile.OFFERS, scenario, agents));
            chains.add(RulesFile.chain(shipped, RulesFile.DEFAULT, scenario, agents));
        } catch (RulesException e) {
            chains.removeIf(chain -> chain.name().equals(RulesFile.OFFERS_CHAIN_NAME));
            err.println("simulator: the rules chain is left out: the shipped rules are written for the shipped "
                    + "scenario's agents, not for those of '" + scenario.name() + "'; give rules for them with "
                    + "--rules FILE");
        }
        return chains;
    }

    /** Generates the day and runs it through every chain, in order, reporting progress to {@code progress}. */
    static SimulationReport simulate(Scenario scenario, long seed, List<Chain> chains, PrintStream progress) {
        return simulate(scenario, seed, chains, Optional.empty(), LiveStore.embedded(), progress);
    }

    /**
     * As {@link #simulate(Scenario, long, List, PrintStream)}, with every chain's live state in {@code store}, and
     * the last chain's routing log written to {@code record}.
     */
    static SimulationReport simulate(Scenario scenario, long seed, List<Chain> chains, Optional<Path> record,
            LiveStore store, PrintStream progress) {
        Day day = DayGenerator.generate(scenario, seed);
        List<ChainReport> reports = new ArrayList<>(chains.size());
        for (int i = 0; i < chains.size(); i++) {
            Chain chain = chains.get(i);
            progress.printf(Locale.ROOT, "simulating chain %d of %d, %s ...", i + 1, chains.size(), chain.name());
            long started = System.nanoTime();
            if (i == chains.size() - 1 && record.isPresent()) {
                reports.add(recorded(day, chain, record.get(), store));
            } else {
                reports.add(Simulation.run(day, chain, List.of(), store));
            }
            progress.printf(Locale.ROOT, " %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        return new SimulationReport(day, OptionalLong.of(seed), reports);
    }

    private static ChainReport recorded(Day day, Chain chain, Path file, LiveStore store) {
        try (JsonLinesRecorder recorder = chain.routing() instanceof Chain.Document document
                ? JsonLinesRecorder.toFile(file, document.config(), Simulation.SETTINGS)
                : JsonLinesRecorder.toFile(file)) {
            ChainReport report = Simulation.run(day, chain, List.of(recorder), store);
            if (recorder.droppedLines() > 0) {
                throw new IOException(recorder.droppedLines() + " lines could not be written");
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the routing log " + file + ": " + e.getMessage(), e);
        }
    }
}
