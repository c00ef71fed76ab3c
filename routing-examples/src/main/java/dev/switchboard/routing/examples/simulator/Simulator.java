package dev.switchboard.routing.examples.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's entry point: reads the options and the scenario, generates the day, runs it through every
 * {@link Chain#standard() standard chain}, prints the comparison and writes the HTML report. Progress goes to
 * standard error, so that standard output is the same for the same seed, byte for byte. Run it with
 * {@code --help} for the options.
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
     * Runs the simulator and returns its exit status: 0 on success, 2 for a bad option or scenario, 1 when the
     * report cannot be written.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        Scenario scenario;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.print(Options.usage());
                return 0;
            }
            scenario = options.config().map(ScenarioFile::read).orElseGet(ScenarioFile::readDefault);
        } catch (Options.UsageException e) {
            err.println("simulator: " + e.getMessage() + " (see --help)");
            return 2;
        } catch (ScenarioException e) {
            err.println("simulator: invalid scenario: " + e.getMessage());
            return 2;
        }
        if (options.agents().isPresent()) {
            scenario = scenario.withAgents(options.agents().getAsInt());
        }
        if (options.conversations().isPresent()) {
            scenario = scenario.withConversations(options.conversations().getAsInt());
        }
        SimulationReport report = simulate(scenario, options.seed(), err);
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

    /** Generates the day and runs it through every standard chain, reporting progress to {@code progress}. */
    static SimulationReport simulate(Scenario scenario, long seed, PrintStream progress) {
        Day day = DayGenerator.generate(scenario, seed);
        List<Chain> chains = Chain.standard();
        List<ChainReport> reports = new ArrayList<>(chains.size());
        for (int i = 0; i < chains.size(); i++) {
            Chain chain = chains.get(i);
            progress.printf(Locale.ROOT, "simulating chain %d of %d, %s ...", i + 1, chains.size(), chain.name());
            long started = System.nanoTime();
            reports.add(Simulation.run(day, chain));
            progress.printf(Locale.ROOT, " %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        return new SimulationReport(day, seed, reports);
    }
}
