package dev.switchboard.routing.config;

import static dev.switchboard.routing.config.Documents.conversation;
import static dev.switchboard.routing.config.Documents.desk;
import static dev.switchboard.routing.config.Documents.router;
import static dev.switchboard.routing.config.Documents.ruleOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.routing.Condition.Comparison;
import dev.switchboard.routing.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties of configurations on random documents: what is written loads back equal; every problem put into a sound
 * document is reported, at its path, together with the others; and numeric conditions route as arithmetic says.
 */
class RoutingConfigProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> STEPS = List.of(
            "{\"type\": \"round-robin\", \"includeBusy\": true}",
            "{\"type\": \"sticky\", \"waitWindow\": \"PT2M\"}",
            "{\"type\": \"skill-based\", \"tieBreak\": \"longest-idle\","
                    + " \"relax\": [{\"after\": \"PT5M\", \"dropOptional\": true}]}",
            "{\"type\": \"least-loaded\", \"measure\": \"utilisation\"}",
            "{\"type\": \"weighted-capacity\", \"mode\": \"random\", \"seed\": 7}",
            "{\"type\": \"agent-pick\", \"pool\": \"q0\", \"deadline\": \"PT10M\"}");

    @Property(tries = 200)
    void whatIsWrittenLoadsBackEqual_andIsWrittenTheSameAgain(@ForAll("documents") String json) {
        RoutingConfig config = RoutingConfig.load(json);

        String written = config.write();
        RoutingConfig again = RoutingConfig.load(written);

        assertThat(again).isEqualTo(config);
        assertThat(again.write()).isEqualTo(written);
        assertThat(again.plan().rules()).extracting(Rule::name)
                .isEqualTo(config.plan().rules().stream().map(Rule::name).toList());
        assertThat(again.owners()).isEqualTo(config.owners());
    }

    @Property(tries = 200)
    void everyProblemPutIntoASoundDocumentIsReported_atItsPath_allAtOnce(
            @ForAll("documents") String json, @ForAll("corruptions") List<Corruption> corruptions) throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(json);
        Set<String> expected = new HashSet<>();
        for (Corruption corruption : corruptions) {
            corruption.apply(document).ifPresent(expected::add);
        }
        if (expected.isEmpty()) {
            return;
        }

        List<String> reported = Documents.problemsOf(JSON.writeValueAsString(document)).stream()
                .map(ConfigException.Problem::path).toList();

        assertThat(reported).containsAll(expected);
    }

    @Property(tries = 300)
    void numericConditionsRouteAsArithmeticSays(
            @ForAll @BigRange(min = "-1000", max = "1000") @Scale(2) BigDecimal threshold,
            @ForAll @BigRange(min = "-1000", max = "1000") @Scale(3) BigDecimal score,
            @ForAll Comparison comparison) {
        String operator = comparison.name().toLowerCase(Locale.ROOT);
        String rule = Documents.toDesk("scored", "{\"fitScore\": {\"" + operator + "\": " + threshold + "}}");

        String decidedBy = ruleOf(router(RoutingConfig.load(desk(rule)))
                .route(conversation("c1").attribute("fitScore", score.toPlainString()).build()));

        int order = score.compareTo(threshold);
        boolean holds = switch (comparison) {
            case GT -> order > 0;
            case GTE -> order >= 0;
            case LT -> order < 0;
            case LTE -> order <= 0;
        };
        assertThat(decidedBy).isEqualTo(holds ? "scored" : "review");
    }

    // ------------------------------------------------------------------------------------------- documents

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<List<Integer>> capacities = Arbitraries.integers().between(0, 5).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<Integer>> slas = Arbitraries.integers().between(1, 240).list().ofSize(3);
        return Combinators.combine(capacities, slas, rule().list().ofMaxSize(4)).as(RoutingConfigProperties::document);
    }

    private static String document(List<Integer> capacities, List<Integer> slaMinutes, List<String> rules) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < capacities.size(); i++) {
            owners.add("{\"id\": \"o" + i + "\", \"capacity\": " + capacities.get(i) + ", \"languages\": [\"en\"]}");
        }
        List<String> queues = new ArrayList<>();
        for (int i = 0; i < slaMinutes.size(); i++) {
            queues.add("{\"id\": \"q" + i + "\", \"sla\": \"PT" + slaMinutes.get(i) + "M\"}");
        }
        queues.add("{\"id\": \"review\", \"sla\": \"PT4H\"}");
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            numbered.add(rules.get(i).replace("\"id\": \"?\"", "\"id\": \"r" + i + "\""));
        }
        numbered.add("{\"id\": \"review\", \"then\": {\"queue\": \"review\"}}");
        return """
                {
                  "attributes": {"fitScore": "number", "offer": "text"},
                  "owners": [%s],
                  "teams": [{"id": "everyone", "members": [%s]}, {"id": "first", "members": ["o0"]}],
                  "queues": [%s],
                  "identity": {"linkBy": ["email"]},
                  "classification": {"minConfidence": 0.4, "types": [
                    {"type": "scheduling", "keywords": ["book"]}, {"type": "pricing", "patterns": ["price|cost"]}]},
                  "rules": [%s]
                }
                """.formatted(String.join(", ", owners), ownerIds(capacities.size()), String.join(", ", queues),
                String.join(",\n", numbered));
    }

    private static String ownerIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("\"o" + i + "\"");
        }
        return String.join(", ", ids);
    }

    /** A rule with one to three conditions on distinct fields, a team, a queue, and a chain of distinct steps. */
    private static Arbitrary<String> rule() {
        Arbitrary<String> conditions = Arbitraries.of(0, 1, 2, 3, 4, 5).list().uniqueElements().ofMinSize(1)
                .ofMaxSize(3).flatMap(fields -> Combinators.combine(fields.stream()
                        .map(RoutingConfigProperties::condition).toList())
                        .as(parts -> "{" + String.join(", ", parts) + "}"));
        Arbitrary<String> chain = Arbitraries.of(STEPS).list().uniqueElements().ofMinSize(1).ofMaxSize(3)
                .map(steps -> "[" + String.join(", ", steps) + "]");
        return Combinators.combine(conditions, Arbitraries.of("everyone", "first"), Arbitraries.of("q0", "q1", "q2"),
                chain).as((when, team, queue, steps) -> "{\"id\": \"?\", \"when\": " + when
                + ", \"then\": {\"team\": \"" + team + "\", \"queue\": \"" + queue + "\", \"chain\": " + steps + "}}");
    }

    private static Arbitrary<String> condition(int field) {
        return switch (field) {
            case 0 -> Arbitraries.of("\"type\": \"scheduling\"", "\"type\": [\"pricing\", \"general\"]",
                    "\"type\": {\"eq\": \"pricing\"}");
            case 1 -> Arbitraries.of("\"region\": [\"emea\", \"uk\"]", "\"region\": \"apac\"");
            case 2 -> Combinators.combine(Arbitraries.of("gt", "gte", "lt", "lte"),
                    Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(1))
                    .as((operator, value) -> "\"fitScore\": {\"" + operator + "\": " + value + "}");
            case 3 -> Arbitraries.of("\"vip\": true", "\"vip\": false");
            case 4 -> Arbitraries.of("\"priority\": {\"in\": [\"high\", \"urgent\"]}", "\"tags\": \"referral\"");
            default -> Arbitraries.of("\"offer\": \"consulting\"", "\"offer\": [\"implementation\", \"support\"]");
        };
    }

    // ------------------------------------------------------------------------------------------- corruptions

    /** A problem put into a sound document at one place, which returns that place's path if it could. */
    sealed interface Corruption {
        Optional<String> apply(ObjectNode document);
    }

    record NegativeCapacity(int owner) implements Corruption {
        public Optional<String> apply(ObjectNode document) {
            JsonNode owners = document.get("owners");
            int index = owner % owners.size();
            ((ObjectNode) owners.get(index)).put("capacity", -1);
            return Optional.of("owners[" + index + "].capacity");
        }
    }

    record BadSla(int queue) implements Corruption {
        public Optional<String> apply(ObjectNode document) {
            JsonNode queues = document.get("queues");
            int index = queue % queues.size();
            ((ObjectNode) queues.get(index)).put("sla", "soon");
            return Optional.of("queues[" + index + "].sla");
        }
    }

    /** Corrupts one of the rules before the last (review) rule, if there is one. */
    record InRule(int rule, String what) implements Corruption {
        public Optional<String> apply(ObjectNode document) {
            JsonNode rules = document.get("rules");
            if (rules.size() < 2) {
                return Optional.empty();
            }
            int index = rule % (rules.size() - 1);
            ObjectNode target = (ObjectNode) rules.get(index);
            String path = "rules[" + index + "]";
            return Optional.of(switch (what) {
                case "team" -> {
                    ((ObjectNode) target.get("then")).put("team", "ghosts");
                    yield path + ".then.team";
                }
                case "field" -> {
                    target.put("colour", "red");
                    yield path + ".colour";
                }
                case "option" -> {
                    ((ObjectNode) target.get("then").get("chain").get(0)).put("speed", 3);
                    yield path + ".then.chain[0].speed";
                }
                default -> {
                    ((ObjectNode) target.get("when")).putObject("fitScore").put("about", 3);
                    yield path + ".when.fitScore.about";
                }
            });
        }
    }

    @Provide
    Arbitrary<List<Corruption>> corruptions() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 10);
        Arbitrary<Corruption> corruption = Arbitraries.oneOf(
                index.map(NegativeCapacity::new),
                index.map(BadSla::new),
                Combinators.combine(index, Arbitraries.of("team", "field", "option", "operator")).as(InRule::new));
        return corruption.list().ofMinSize(1).ofMaxSize(4);
    }
}
