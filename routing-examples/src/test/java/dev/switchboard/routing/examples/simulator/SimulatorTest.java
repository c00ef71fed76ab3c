package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorTest {

    @TempDir
    Path out;

    /** What one run printed, and its exit status. */
    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Simulator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSameSeed_printsTheSameComparison_andWritesTheSameHtml_byteForByte() throws IOException {
        String[] args = {"--seed", "7", "--agents", "8", "--conversations", "500", "--out", out.toString()};
        Run first = run(args);
        byte[] firstHtml = Files.readAllBytes(out.resolve(HtmlReport.FILE_NAME));
        Run second = run(args);

        assertThat(first.status()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readAllBytes(out.resolve(HtmlReport.FILE_NAME))).isEqualTo(firstHtml);
        assertThat(run("--seed=8", "--agents=8", "--conversations=500", "--out=" + out).out())
                .isNotEqualTo(first.out());
    }

    @Test
    void theDefaultRun_comparesEveryChain_onTheShippedDay_andSaysWhereTheReportIs() throws IOException {
        Run run = run("--out", out.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Switchboard simulator: Northwind support desk, 2026-03-03\n"
                + "seed 42, 20 agents, 3000 conversations");
        Chain.standard().forEach(chain -> assertThat(run.out()).contains(chain.name()));
        assertThat(run.out()).contains("time to assign", "reroute rate", "load Gini", "back to previous owner")
                .endsWith("HTML report: " + out.resolve(HtmlReport.FILE_NAME).toAbsolutePath().toUri() + "\n");
        assertThat(run.err()).contains("simulating chain 1 of 3, round-robin");
        assertThat(out.resolve(HtmlReport.FILE_NAME)).isRegularFile();
        assertThat(Files.readString(Path.of("../README.md")))
                .as("the README's excerpt is this run's comparison table; paste it again after a change")
                .contains(comparisonTable(run.out()));
    }

    /** The comparison table of a run's output: from its header (the line above the first rule) to its last row. */
    private static String comparisonTable(String output) {
        List<String> lines = output.lines().toList();
        int rule = 0;
        while (!lines.get(rule).startsWith("-")) {
            rule++;
        }
        int last = rule;
        while (!lines.get(last).contains("back to previous owner")) {
            last++;
        }
        return String.join("\n", lines.subList(rule - 1, last + 1));
    }

    @Test
    void help_explainsEveryOption_andExitsZero() {
        Run run = run("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--seed", "--agents", "--conversations", "--config", "--out", "--help");
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--seed abc            | --seed must be a whole number, was 'abc'",
        "--agents 0            | --agents must be a whole number from 1 to 1000, was '0'",
        "--conversations -5    | --conversations must be a whole number from 1 to 1000000, was '-5'",
        "--agents              | --agents needs a value",
        "--frobnicate          | unknown option '--frobnicate'",
        "--config missing.json | invalid scenario: missing.json: cannot be read",
    })
    void aBadOption_isExplainedOnStandardError_withExitStatusTwo(String args, String message) {
        Run run = run(args.split(" "));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("simulator: ").contains(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anInvalidScenarioFile_isRefused_namingTheField() throws IOException {
        Path config = out.resolve("desk.json");
        Files.writeString(config, ScenarioFileTest.VALID.replace("\"capacity\": 2", "\"capacity\": 2.5"));

        Run run = run("--config", config.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("agents[0].capacity must be a whole number from 1 to 100, was 2.5");
    }

    @Test
    void aScenarioFile_replacesTheShippedDay() throws IOException {
        Path config = out.resolve("desk.json");
        Files.writeString(config, ScenarioFileTest.VALID);

        Run run = run("--config", config.toString(), "--out", out.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Switchboard simulator: Tiny desk, 2026-03-03\nseed 42, 2 agents, "
                + "50 conversations");
    }
}
