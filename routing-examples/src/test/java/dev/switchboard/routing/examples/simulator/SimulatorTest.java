package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.replay.RoutingLog;
import java.io.IOException;
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


    @Test
    void theSameSeed_printsTheSameComparison_andWritesTheSameHtml_byteForByte() throws IOException {
        String[] args = {"--seed", "7", "--agents", "8", "--conversations", "500", "--out", out.toString()};
        SimulatorRun first = SimulatorRun.of(args);
        byte[] firstHtml = Files.readAllBytes(out.resolve(HtmlReport.FILE_NAME));
        SimulatorRun second = SimulatorRun.of(args);

        assertThat(first.status()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readAllBytes(out.resolve(HtmlReport.FILE_NAME))).isEqualTo(firstHtml);
        assertThat(SimulatorRun.of("--seed=8", "--agents=8", "--conversations=500", "--out=" + out).out())
                .isNotEqualTo(first.out());
    }

    @Test
    void theDefaultRun_comparesEveryChain_onTheShippedDay_andSaysWhereTheReportIs() throws IOException {
        SimulatorRun run = SimulatorRun.of("--out", out.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Switchboard simulator: Northwind support desk, 2026-03-03\n"
                + "seed 42, 20 agents, 3000 conversations");
        Chain.standard().forEach(chain -> assertThat(run.out()).contains(chain.name()));
        assertThat(run.out()).contains("  rules                    the rules of helpdesk-rules.json: vip, urgent, ")
                .contains("  offers                   the rules of helpdesk-offers.json: vip, urgent, ")
                .contains("offers made to agents", "expired unanswered", "moved on by an overflow policy")
                .contains("time to an agent", "handover rate", "workload fairness (0 = perfectly even)",
                        "back with their previous agent", "By queue, channel and priority")
                .doesNotContain("load Gini", "p95", "reroute rate")
                .endsWith("HTML report: " + out.resolve(HtmlReport.FILE_NAME).toAbsolutePath().toUri() + "\n");
        assertThat(run.err()).contains("simulating chain 1 of 5, round-robin", "simulating chain 4 of 5, offers",
                "simulating chain 5 of 5, rules");
        assertThat(out.resolve(HtmlReport.FILE_NAME)).isRegularFile();
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).as("the README's excerpt is this run's comparison table; paste it again after a change")
                .contains(comparisonTable(run.out()));
        assertThat(readme).as("the README quotes this run's conclusion").contains(conclusion(run.out()));
    }

    /** The comparison table of a run's output: from its header (the line above the first rule) to its last row. */
    private static String comparisonTable(String output) {
        List<String> lines = output.lines().toList();
        int rule = 0;
        while (!lines.get(rule).startsWith("-")) {
            rule++;
        }
        int last = rule;
        while (!lines.get(last).contains("back with their previous agent")) {
            last++;
        }
        return String.join("\n", lines.subList(rule - 1, last + 1));
    }

    /** The conclusion of a run's output: the paragraph that starts "Fewest SLA breaches". */
    private static String conclusion(String output) {
        String from = output.substring(output.indexOf("Fewest SLA breaches"));
        return from.substring(0, from.indexOf("\n\n"));
    }

    @Test
    void record_writesTheLastChainsRoutingLog_whichReadsBackWithEveryConversationRouted() throws IOException {
        Path log = out.resolve("day.jsonl");

        SimulatorRun run = SimulatorRun.of("--seed", "7", "--agents", "8", "--conversations", "200",
                "--out", out.toString(), "--record", log.toString());

        assertThat(run.status()).isZero();
        RoutingLog read = RoutingLog.read(log, List.of());
        assertThat(read.events()).filteredOn(event -> event instanceof RoutingEvent.Input input
                && input.input() instanceof RouterInput.Route).hasSize(200);
    }

    @Test
    void help_explainsEveryOption_andExitsZero() {
        SimulatorRun run = SimulatorRun.of("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--seed", "--agents", "--conversations", "--config", "--rules", "--out",
                "--record", "--help");
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--seed abc            | Invalid value for option '--seed': 'abc' is not a long",
        "--agents 0            | --agents must be a whole number from 1 to 1000, was '0'",
        "--conversations -5    | --conversations must be a whole number from 1 to 1000000, was '-5'",
        "--agents              | Missing required parameter for option '--agents' (<n>)",
        "--frobnicate          | Unknown option: '--frobnicate'",
        "--config missing.json | invalid scenario: missing.json: cannot be read",
        "--rules missing.json  | invalid rules: missing.json: cannot be read",
        "--rules               | Missing required parameter for option '--rules' (<file>)",
        "--rules=              | Invalid value for option '--rules': needs a value",
        "--redis localhost:6379 | --redis must be a Redis URL such as redis://localhost:6379, was 'localhost:6379'",
    })
    void aBadOption_isExplainedOnStandardError_withExitStatusTwo(String args, String message) {
        SimulatorRun run = SimulatorRun.of(args.split(" "));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("simulator: ").contains(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anInvalidScenarioFile_isRefused_namingTheField() throws IOException {
        Path config = out.resolve("desk.json");
        Files.writeString(config, ScenarioFileTest.VALID.replace("\"capacity\": 2", "\"capacity\": 2.5"));

        SimulatorRun run = SimulatorRun.of("--config", config.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("agents[0].capacity must be a whole number from 1 to 100, was 2.5");
    }

    @Test
    void aScenarioFile_replacesTheShippedDay_leavingOutTheShippedRules_whichAreForOtherAgents() throws IOException {
        Path config = out.resolve("desk.json");
        Files.writeString(config, ScenarioFileTest.VALID);

        SimulatorRun run = SimulatorRun.of("--config", config.toString(), "--out", out.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Switchboard simulator: Tiny desk, 2026-03-03\nseed 42, 2 agents, "
                + "50 conversations").contains("sticky+skills+weighted").doesNotContain("the rules of");
        assertThat(run.err()).contains("simulator: the rules chain is left out: the shipped rules are written for "
                + "the shipped scenario's agents, not for those of 'Tiny desk'; give rules for them with --rules FILE")
                .contains("simulating chain 3 of 3");
    }

    /** Rules for the tiny desk of {@link ScenarioFileTest#VALID}: urgent to ana, the rest shared. */
    static final String TINY_RULES = """
            {
              "owners": [
                {"id": "ana", "languages": ["en"], "skills": {"billing": 3}, "capacity": 2, "weight": 2},
                {"id": "ben", "languages": ["en"], "skills": {"billing": 1}, "capacity": 3,
                 "channelCapacity": {"phone": 1}}
              ],
              "queues": [{"id": "urgent", "sla": "PT5M"}, {"id": "desk", "sla": "PT5M"},
                         {"id": "review", "sla": "PT1H"}],
              "rules": [
                {"id": "urgent", "when": {"priority": "urgent"},
                 "then": {"owner": "ana", "queue": "urgent", "chain": [{"type": "round-robin"}]}},
                {"id": "billing", "when": {"type": "billing"},
                 "then": {"queue": "desk", "chain": [{"type": "sticky"}, {"type": "least-loaded"}]}},
                {"id": "review", "then": {"queue": "review"}}
              ]
            }
            """;

    @Test
    void rulesWrittenForTheScenario_makeTheFourthChain() throws IOException {
        Path config = out.resolve("desk.json");
        Files.writeString(config, ScenarioFileTest.VALID);
        Path rules = out.resolve("desk-rules.json");
        Files.writeString(rules, TINY_RULES);

        SimulatorRun run = SimulatorRun.of("--config", config.toString(), "--rules", rules.toString(),
                "--out", out.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("  rules                    the rules of desk-rules.json: urgent, billing, "
                + "else review");
        assertThat(run.err()).contains("simulating chain 4 of 4, rules");
    }

    @Test
    void aBrokenRulesFile_isRefused_withExitStatusTwo_namingTheJsonPath() throws IOException {
        Path rules = out.resolve("broken-rules.json");
        Files.writeString(rules, RulesFileTest.shippedDocument().replaceFirst("\"team\": \"senior\"",
                "\"team\": \"seniors\""));

        SimulatorRun run = SimulatorRun.of("--rules", rules.toString(), "--out", out.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("simulator: invalid rules: " + rules + ": the routing configuration has 1 "
                + "problem:\n  rules[0].then.team: unknown team 'seniors'; teams: [senior, specialists, spanish, "
                + "portuguese, front-line]" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rulesForOtherAgents_areRefused_withExitStatusTwo_namingTheOwnerField() throws IOException {
        Path config = out.resolve("desk.json");
        Files.writeString(config, ScenarioFileTest.VALID);
        Path rules = out.resolve("desk-rules.json");
        Files.writeString(rules, TINY_RULES.replace("\"capacity\": 2", "\"capacity\": 4"));

        SimulatorRun run = SimulatorRun.of("--config", config.toString(), "--rules", rules.toString(),
                "--out", out.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("simulator: invalid rules: " + rules + ": its owners must be the agents of "
                + "the scenario 'Tiny desk'").contains("\n  owners[0].capacity: must be 2, as for agent 'ana' in "
                + "the scenario, was 4");
        assertThat(run.out()).isEmpty();
    }
}
