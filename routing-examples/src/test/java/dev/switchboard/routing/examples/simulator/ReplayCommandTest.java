package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.replay.JsonLinesRecorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    private static final String OWNERS = """
            "owners": [
              {"id": "a", "languages": ["en"], "skills": {"billing": 3}, "capacity": 1},
              {"id": "b", "languages": ["en"], "skills": {"billing": 1}, "capacity": 1}
            ],""";
    private static final String ROUND_ROBIN = "{" + OWNERS + """
            "queues": [{"id": "waiting", "sla": "PT4M"}, {"id": "manual-review", "sla": "PT4M"}],
            "rules": [{"id": "billing", "when": {"type": "billing"},
                       "then": {"queue": "waiting", "chain": [{"type": "round-robin"}]}},
                      {"id": "review", "then": {"queue": "manual-review"}}]}""";
    private static final String REVIEW = "{" + OWNERS + """
            "queues": [{"id": "manual-review", "sla": "PT4M"}],
            "rules": [{"id": "review", "then": {"queue": "manual-review"}}]}""";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReplayCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /**
     * The tiny day of {@link SimulationTest}, routed round-robin by a rules document, recorded to a file whose header
     * carries the document and the simulator's settings.
     */
    private Path recordTinyDay() throws IOException {
        Path log = dir.resolve("day.jsonl");
        RoutingConfig config = RoutingConfig.load(ROUND_ROBIN);
        Chain chain = new Chain("rr", "round-robin", new Chain.Document(config));
        try (JsonLinesRecorder recorder = JsonLinesRecorder.toFile(log, config, Simulation.SETTINGS)) {
            Simulation.run(SimulationTest.tinyDay(), chain, List.of(recorder));
        }
        return log;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void printsASummaryFirst_thenTheMetrics_andTheChangesOfHighestImpact_andWritesTheDiffAndTheHtmlReport()
            throws IOException {
        Path log = recordTinyDay();
        Path diff = dir.resolve("diff.jsonl");

        int status = run("--log", log.toString(), "--config", write("review.json", REVIEW).toString(),
                "--limit", "2", "--diff-out", diff.toString(), "--out", dir.toString());

        assertThat(status).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("Replay: 4 of 4 conversations changed owner or outcome; calls refused: 0 on the"
                + " recorded side, 1 on the replayed side\n\nSwitchboard simulator: replay of day.jsonl\n2 agents,"
                + " 4 conversations")
                .contains("queue SLAs waiting 4 min, manual-review 4 min", "recorded", "replayed",
                        "sent to manual review", "SLA breaches",
                        "1 calls refused on the replayed side, the first: line ",
                        "c2: assigned b, released by a  ->  queued in manual-review, released by manual-review"
                                + "  (impact 22, wait for an owner 0s -> 10m 00s)",
                        "1. rule billing matched: type = billing", "... and 2 more (--limit, --diff-out)")
                .doesNotContain("\nc1: ");
        assertThat(Files.readAllLines(diff)).hasSize(1 + 4 + 1).first().asString()
                .startsWith("{\"type\":\"summary\",\"changed\":4,");
        assertThat(Files.readAllLines(diff)).last().asString().startsWith("{\"type\":\"refusal\",\"side\":\"replayed\"");
        assertThat(dir.resolve(HtmlReport.FILE_NAME)).exists();
    }

    @Test
    void replayUnderTheRecordingRulesChangesNothing_andRefusesNothing() throws IOException {
        Path log = recordTinyDay();
        Path rules = write("rr.json", ROUND_ROBIN);

        assertThat(run("--log", log.toString(), "--config", rules.toString(), "--out", dir.toString())).isZero();
        assertThat(run("--log", log.toString(), "--config", rules.toString(), "--baseline", rules.toString(),
                "--out", dir.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Replay: 0 of 4 conversations changed owner or outcome; calls refused: 0 on the recorded"
                        + " side, 0 on the replayed side")
                .contains("Replay: 0 of 4 conversations changed owner or outcome; calls refused: 0 on the baseline"
                        + " side, 0 on the replayed side");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBadLogExitsWith2_namingTheLine() throws IOException {
        Path log = recordTinyDay();
        List<String> lines = Files.readAllLines(log);
        Files.write(log, List.of(lines.get(0), lines.get(1), lines.get(2).substring(0, 20)));

        int status = run("--log", log.toString(), "--config", write("rr.json", ROUND_ROBIN).toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("day.jsonl line 3: not valid JSON");
    }

    @Test
    void aMissingOptionExitsWith2() {
        assertThat(run("--log", "day.jsonl")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("replay: Missing required option: '--config=<file>' (see --help)");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: replay [-h] [--baseline=<file>]")
                .contains("--log=<file>", "--config=<file>", "--limit=<n>", "--diff-out=<file>", "--out=<dir>");
    }
}
