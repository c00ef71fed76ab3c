package dev.switchboard.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.routing.config.ConfigException;
import dev.switchboard.routing.config.RoutingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/routing-config.schema.json describes the whole document: every configuration shipped in the repository
 * (every JSON file with {@code rules}, and the docs' complete example) is valid against it, by a real draft 2020-12
 * validator, and wrong documents that the loader refuses are refused by the schema too.
 */
class ConfigurationSchemaTest {

    private static final Path ROOT = Path.of("..");
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(read(ROOT.resolve("docs/routing-config.schema.json")), InputFormat.JSON);

    /** A sound document each wrong one below spoils in one place. */
    private static final String SOUND = """
            {
              "owners": [{"id": "ana", "capacity": 2}],
              "queues": [{"id": "desk", "sla": "PT15M"}, {"id": "review", "sla": "PT4H"}],
              "rules": [
                {"id": "desk", "when": {"channel": "chat"},
                 "then": {"owner": "ana", "queue": "desk", "chain": [{"type": "round-robin"}]}},
                {"id": "review", "then": {"queue": "review"}}
              ]
            }
            """;

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static List<Error> errors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    /**
     * Every JSON file in the repository's main sources whose document has rules: the shipped configurations (test
     * resources hold deliberately invalid documents).
     */
    static List<Path> shippedConfigurations() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .filter(file -> file.normalize().toString().contains("src/main/"))
                    .filter(file -> read(file).contains("\"rules\""))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theShippedConfigurationsAreFound() throws IOException {
        assertThat(shippedConfigurations()).extracting(file -> file.getFileName().toString())
                .contains("dental-clinic.json", "b2b-leads.json", "airline-after-sales.json", "helpdesk-rules.json");
    }

    @ParameterizedTest
    @MethodSource("shippedConfigurations")
    void eachShippedConfiguration_isValidAgainstTheSchema(Path file) {
        String json = read(file);

        assertThat(errors(json)).isEmpty();
        assertThat(RoutingConfig.load(json).plan().rules()).isNotEmpty();
    }

    @Test
    void theDocsCompleteExample_isValidAgainstTheSchema() {
        String doc = read(ROOT.resolve("docs/configuration.md"));
        int start = doc.indexOf("```json\n", doc.indexOf("## A complete example")) + "```json\n".length();

        assertThat(errors(doc.substring(start, doc.indexOf("```\n", start)))).isEmpty();
    }

    @Test
    void aDocumentWithEverySectionAndOption_isValid_andLoads() {
        String json = """
                {
                  "attributes": {"offer": "text", "fitScore": "number"},
                  "schedules": [{"id": "weekdays", "zone": "Europe/Lisbon", "week": {"monday": ["09:00-17:00"]},
                                 "closed": ["2026-12-25"], "special": {"2026-12-24": ["09:00-12:00"]}}],
                  "owners": [
                    {"id": "ana", "kind": "agent", "languages": ["en"], "regions": ["emea"], "skills": {"billing": 3},
                     "capacity": 2, "channelCapacity": {"phone": 1}, "weight": 2, "autoAssign": true,
                     "assignmentCap": {"limit": 10, "window": "PT1H"}, "hours": "weekdays",
                     "dailyCap": {"limit": 40, "zone": "Europe/Lisbon"}, "wrapUp": "PT30S", "presence": "online"},
                    {"id": "ben", "presence": "away"}
                  ],
                  "teams": [{"id": "desk", "members": ["ana", "ben"]}],
                  "queues": [{"id": "desk", "sla": "PT15M",
                              "overflow": [{"after": "PT20M", "moveToQueue": "review"},
                                           {"queueHolds": 30, "raisePriority": true}]},
                             {"id": "review", "sla": "PT4H",
                              "overflow": [{"nobodyLoggedIn": true, "moveTo": "billing"}]}],
                  "identity": {"linkBy": ["email", "phone"], "oneConversationPerCustomer": true},
                  "classification": {"minConfidence": 0.5,
                                     "types": [{"type": "billing", "keywords": ["invoice"], "patterns": ["\\\\bvat\\\\b"]}]},
                  "responses": {"deadlines": {"normal": "PT5M", "urgent": "PT1M"}, "maxBounces": 2,
                                "reviewQueue": "review"},
                  "router": {"priorityAging": "PT10M", "offlineGrace": "PT2M",
                             "customerMemory": {"maxCustomers": 100000, "ttl": "P30D"},
                             "wrapUp": "PT1M", "serveBy": "last-activity"},
                  "rules": [
                    {"id": "hot", "when": {"fitScore": {"gte": 70.5, "lt": 1E+3}, "vip": true, "region": ["emea"]},
                     "note": "call back", "hours": "weekdays", "afterHours": "next-rule",
                     "requires": ["language", "region", "skills"],
                     "then": {"team": "desk", "queue": "desk", "chain": [
                       {"type": "exclude-stale", "olderThan": "PT48H", "queue": "review"},
                       {"type": "preferred", "wait": "PT2M"},
                       {"type": "sticky", "waitWindow": "PT2M", "memory": "primary-then-last"},
                       {"type": "skill-based", "tieBreak": "longest-idle", "includeBusy": true,
                        "relax": [{"after": "PT5M", "dropOptional": true, "lowerMinimumsBy": 1}],
                        "orderBy": [{"skill": "billing"}, {"skill": "tech", "first": "lowest"}]},
                       {"type": "fewest-handled", "window": "today", "zone": "Europe/Lisbon"},
                       {"type": "fewest-handled", "window": "PT1H", "name": "fewest-lately"},
                       {"type": "top-down", "order": ["ben", "ana"]},
                       {"type": "longest-idle", "includeBusy": true},
                       {"type": "least-loaded", "measure": "utilisation", "name": "emptiest"},
                       {"type": "weighted-capacity", "mode": "random", "seed": 7},
                       {"type": "agent-pick", "pool": "desk", "deadline": "PT10M", "zone": "Europe/Lisbon"},
                       {"type": "round-robin"}]}},
                    {"id": "billing", "when": {"type": "billing"},
                     "then": {"owner": "ana", "queue": "desk", "chain": [{"type": "round-robin"}],
                              "offer": {"timeout": "PT30S", "ring": "all", "reviewAfter": 3, "reviewQueue": "review"},
                              "overflow": [{"after": "PT2M", "moveTo": "hot"},
                                           {"queueHolds": 5, "moveToQueue": "review"},
                                           {"after": "PT1H", "reclassify": {"type": "general"}},
                                           {"nobodyLoggedIn": true, "sendToReview": "review"}]}},
                    {"id": "review", "then": {"queue": "review"}}
                  ]
                }
                """;

        assertThat(errors(json)).isEmpty();
        assertThat(RoutingConfig.load(json).plan().rules()).hasSize(4);
    }

    static Stream<String> wrongDocuments() {
        return Stream.of(
                SOUND.replace("\"owners\"", "\"ownerz\""),
                SOUND.replace("\"capacity\": 2", "\"capacity\": null"),
                SOUND.replace("\"capacity\": 2", "\"capacity\": -2"),
                SOUND.replace("\"capacity\": 2", "\"capacity\": 10000000000"),
                SOUND.replace("\"capacity\": 2", "\"capacity\": 2, \"colour\": \"red\""),
                SOUND.replace("\"PT15M\"", "\"15 minutes\""),
                SOUND.replace("\"PT15M\"", "\"PT0S\""),
                SOUND.replace("{\"type\": \"round-robin\"}", "{\"type\": \"telepathy\"}"),
                SOUND.replace("{\"type\": \"round-robin\"}", "{\"type\": \"round-robin\", \"speed\": 9}"),
                SOUND.replace("{\"type\": \"round-robin\"}", "{\"type\": \"agent-pick\", \"pool\": \"desk\"}"),
                SOUND.replace("{\"type\": \"round-robin\"}", "{\"type\": \"weighted-capacity\", \"seed\": 7}"),
                SOUND.replace("\"owner\": \"ana\",", "\"owner\": \"ana\", \"team\": \"desk\","),
                SOUND.replace("\"channel\": \"chat\"", "\"fitScore\": {\"lt\": 1e999999999}"),
                SOUND.replace("\"rules\":", "\"router\": {\"offlineGrace\": \"PT2M\", \"aging\": \"PT1M\"},"
                        + " \"rules\":"),
                SOUND.replace("\"rules\":", "\"responses\": {\"deadlines\": {\"normal\": \"PT5M\"},"
                        + " \"reviewQueue\": \"review\"}, \"rules\":"),
                SOUND.replace("\"rules\":", "\"identity\": {\"oneConversationPerCustomer\": \"yes\"}, \"rules\":"),
                SOUND.replace("\"rules\":", "\"router\": {\"serveBy\": \"arrival\"}, \"rules\":"),
                SOUND.replace("\"capacity\": 2", "\"capacity\": 2, \"dailyCap\": {\"limit\": 40}"),
                SOUND.replace("\"capacity\": 2", "\"capacity\": 2, \"wrapUp\": \"a while\""),
                SOUND.replace("\"when\":", "\"requires\": [\"mood\"], \"when\":"),
                SOUND.replace("{\"type\": \"round-robin\"}", "{\"type\": \"fewest-handled\", \"window\": \"PT1H\","
                        + " \"zone\": \"UTC\"}"),
                SOUND.replace("{\"type\": \"round-robin\"}", "{\"type\": \"exclude-stale\"}"),
                SOUND.replace("{\"type\": \"round-robin\"}", "{\"type\": \"sticky\", \"memory\": \"first\"}"),
                SOUND.replace("[{\"type\": \"round-robin\"}]", "[{\"type\": \"round-robin\"}],"
                        + " \"offer\": {\"ring\": 2}"),
                SOUND.replace("[{\"type\": \"round-robin\"}]", "[{\"type\": \"round-robin\"}],"
                        + " \"offer\": {\"timeout\": \"PT30S\", \"ring\": 0}"),
                SOUND.replace("[{\"type\": \"round-robin\"}]", "[{\"type\": \"round-robin\"}],"
                        + " \"offer\": {\"timeout\": \"PT30S\", \"ring\": \"some\"}"),
                SOUND.replace("[{\"type\": \"round-robin\"}]", "[{\"type\": \"round-robin\"}],"
                        + " \"offer\": {\"timeout\": \"PT30S\", \"reviewAfter\": 2}"),
                SOUND.replace("{\"id\": \"review\", \"sla\": \"PT4H\"}", "{\"id\": \"review\", \"sla\": \"PT4H\","
                        + " \"overflow\": [{\"after\": \"PT1M\"}]}"),
                SOUND.replace("{\"id\": \"review\", \"sla\": \"PT4H\"}", "{\"id\": \"review\", \"sla\": \"PT4H\","
                        + " \"overflow\": [{\"after\": \"PT1M\", \"moveToQueue\": \"desk\","
                        + " \"raisePriority\": true}]}"),
                SOUND.replace("[{\"type\": \"round-robin\"}]", "[{\"type\": \"round-robin\"}],"
                        + " \"overflow\": [{\"queueHolds\": 0, \"moveToQueue\": \"review\"}]"),
                SOUND.replace("\"rules\": [", "\"rules\": []").replaceAll("(?s)\\[\\]\\s*\\{.*", "[]}"));
    }

    @ParameterizedTest
    @MethodSource("wrongDocuments")
    void aWrongDocument_isRefusedByTheSchema_asByTheLoader(String json) throws IOException {
        assertThat(json).as("spoilt in one place, still JSON").isNotEqualTo(SOUND);
        new ObjectMapper().readTree(json);

        assertThat(errors(json)).isNotEmpty();
        assertThatThrownBy(() -> RoutingConfig.load(json)).isInstanceOf(ConfigException.class);
    }

    @Test
    void theSoundDocument_isValid() {
        assertThat(errors(SOUND)).isEmpty();
        assertThat(RoutingConfig.load(SOUND).owners()).hasSize(1);
    }
}
