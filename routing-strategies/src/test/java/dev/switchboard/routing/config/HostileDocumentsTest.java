package dev.switchboard.routing.config;

import static dev.switchboard.routing.config.Documents.at;
import static dev.switchboard.routing.config.Documents.desk;
import static dev.switchboard.routing.config.Documents.problem;
import static dev.switchboard.routing.config.Documents.problemsOf;
import static dev.switchboard.routing.config.Documents.toDesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Documents written to exhaust the machine or to be read wrongly (issue 12): numbers whose digits fill the heap,
 * parser limits, patterns that backtrack for ever, and explicit nulls that once became defaults.
 */
class HostileDocumentsTest {

    private static final String DIGITS_MESSAGE = "must be a number with at most 15 digits before the decimal point"
            + " and 15 after it, was ";

    private static String withClassification(String classification) {
        return desk().replace("\"rules\":", "\"classification\": " + classification + ",\n  \"rules\":");
    }

    /** The line part of where {@code written} is, {@code " (line 6"}: a parser limit gives the column it stopped at. */
    private static String lineOf(String json, String written) {
        return at(json, written).replaceFirst(", column.*", "");
    }

    @Nested
    class Numbers {
        @Test
        void aMinConfidenceOfOneEMinusNineHundredMillion_isRefusedWhereItIsWritten() {
            String json = withClassification("{\"minConfidence\": 1e-999999999}");

            assertThat(problemsOf(json)).containsExactly(problem("classification.minConfidence",
                    DIGITS_MESSAGE + "1E-999999999" + at(json, "1e-999999999")));
        }

        @Test
        void aThresholdOfOneENineHundredMillion_isRefusedWhereItIsWritten() {
            String json = desk(toDesk("hot", "{\"fitScore\": {\"lt\": 1e999999999}}"));

            assertThat(problemsOf(json)).containsExactly(problem("rules[0].when.fitScore.lt",
                    DIGITS_MESSAGE + "1E+999999999" + at(json, "1e999999999")));
        }

        @Test
        void aThresholdWithTooManyDecimals_isRefused_butFifteenAreFine() {
            String json = desk(toDesk("hot", "{\"fitScore\": {\"lt\": 0.1234567890123456}}"));

            assertThat(problemsOf(json)).containsExactly(problem("rules[0].when.fitScore.lt",
                    DIGITS_MESSAGE + "0.1234567890123456" + at(json, "0.1234567890123456")));
            assertThat(RoutingConfig.load(json.replace("0.1234567890123456", "0.123456789012345000")).plan().rules())
                    .hasSize(2);
        }

        @Test
        void aCapacityBeyondAnInt_isRefusedWhereItIsWritten_notWrappedOrRounded() {
            String json = desk().replace("\"capacity\": 2}", "\"capacity\": 10000000000}");

            assertThat(problemsOf(json)).containsExactly(problem("owners[1].capacity", "must be a whole number from"
                    + " -2147483648 to 2147483647, was 10000000000" + at(json, "10000000000")));
        }

        @Test
        void aHugeWholeNumber_isQuotedAbbreviated() {
            String huge = "1".repeat(60);
            String json = desk().replace("\"capacity\": 2}", "\"capacity\": " + huge + "}");

            assertThat(problemsOf(json)).containsExactly(problem("owners[1].capacity", "must be a whole number from"
                    + " -2147483648 to 2147483647, was " + "1".repeat(40) + "... (60 characters)" + at(json, huge)));
        }

        @Test
        void aSeedBeyond64Bits_isRefused() {
            String json = desk("""
                    {"id": "shares", "when": {"channel": "chat"}, "then": {"team": "desk", "queue": "desk",
                     "chain": [{"type": "weighted-capacity", "mode": "random", "seed": 99999999999999999999}]}}""");

            assertThat(problemsOf(json)).containsExactly(problem("rules[0].then.chain[0].seed", "must be a whole"
                    + " number from -9223372036854775808 to 9223372036854775807, was 99999999999999999999"
                    + at(json, "99999999999999999999")));
        }

        @Test
        void aNumberOfThousandsOfDigits_isStoppedByTheParser_withLineAndColumn() {
            String digits = "9".repeat(5000);
            String json = desk().replace("\"capacity\": 2}", "\"capacity\": " + digits + "}");

            assertThat(problemsOf(json)).singleElement().satisfies(problem -> {
                assertThat(problem.path()).isEqualTo("owners[1].capacity");
                assertThat(problem.message()).startsWith("is not valid JSON: Number value length (5000) exceeds the"
                        + " maximum allowed (64").contains(lineOf(json, digits));
            });
        }

        @Test
        void notANumberAndInfinity_areNotJson() {
            assertThat(problemsOf(withClassification("{\"minConfidence\": NaN}"))).singleElement()
                    .satisfies(problem -> assertThat(problem.message()).startsWith("is not valid JSON: Non-standard"
                            + " token 'NaN'").contains("(line "));
            assertThat(problemsOf(desk(toDesk("hot", "{\"fitScore\": {\"lt\": Infinity}}")))).singleElement()
                    .satisfies(problem -> assertThat(problem.message()).startsWith("is not valid JSON: Non-standard"
                            + " token 'Infinity'"));
        }
    }

    @Nested
    class ParserLimits {
        @Test
        void aStringOfAMillionCharacters_isStopped_withItsPathLineAndColumn() {
            String text = "x".repeat(1_000_000);
            String json = desk(toDesk("long", "{\"offer\": \"" + text + "\"}"));

            assertThat(problemsOf(json)).singleElement().satisfies(problem -> {
                assertThat(problem.path()).isEqualTo("rules[0].when.offer");
                assertThat(problem.message()).startsWith("is not valid JSON: String value length")
                        .contains("exceeds the maximum allowed (16384").contains(lineOf(json, text));
            });
        }

        @Test
        void nestingAThousandDeep_isStopped_withLineAndColumn() {
            String json = "{\"owners\": " + "[".repeat(1000) + "]".repeat(1000) + "}";

            assertThat(problemsOf(json)).singleElement().satisfies(problem -> assertThat(problem.message())
                    .startsWith("is not valid JSON: Document nesting depth (33) exceeds the maximum allowed (32")
                    .endsWith("(line 1, column 44)"));
        }

        @Test
        void whatFollowsTheDocument_isRefused() {
            assertThat(problemsOf(desk() + "{}")).singleElement().satisfies(problem ->
                    assertThat(problem.message()).startsWith("is not valid JSON: Trailing token"));
        }

        @Test
        void theReaderIsLeftOpen_asDocumented() throws IOException {
            StringReader reader = new StringReader(desk());

            RoutingConfig.load(reader);

            assertThat(reader.read()).as("read to its end, not closed (which would throw)").isEqualTo(-1);
        }
    }

    @Nested
    class Patterns {
        @Test
        void aPatternThatBacktracksExponentially_classifiesCorrectly_onALinearTimeEngine() {
            Classifier classifier = RoutingConfig.load(withClassification("""
                    {"types": [{"type": "echo", "patterns": ["(.*a){20}$"]}]}""")).classifier().orElseThrow();

            assertThat(classifier.classify("a".repeat(40) + "!", Map.of()).type()).isEqualTo("general");
            assertThat(classifier.classify("b" + "a".repeat(25), Map.of()).type()).isEqualTo("echo");
            assertThat(classifier.classify("a".repeat(19), Map.of()).type()).isEqualTo("general");
        }

        @Test
        void backreferencesAndLookaround_areRefusedAtLoad_namingTheTypeAndPattern() {
            String json = withClassification("""
                    {"types": [{"type": "echo", "patterns": ["(a)\\\\1", "(?=x)y", "(?<!x)y", "\\\\bfri\\\\b"]}]}""");

            assertThat(problemsOf(json)).extracting(ConfigException.Problem::path, ConfigException.Problem::message)
                    .containsExactly(
                            tuple("classification.types[0].patterns[0]", "pattern"
                                    + " '(a)\\1' of type 'echo' is not a regular expression RE2/J can run (no"
                                    + " backreferences or lookaround, so that matching takes linear time): invalid"
                                    + " escape sequence"),
                            tuple("classification.types[0].patterns[1]", "pattern"
                                    + " '(?=x)y' of type 'echo' is not a regular expression RE2/J can run (no"
                                    + " backreferences or lookaround, so that matching takes linear time): invalid or"
                                    + " unsupported Perl syntax"),
                            tuple("classification.types[0].patterns[2]", "pattern"
                                    + " '(?<!x)y' of type 'echo' is not a regular expression RE2/J can run (no"
                                    + " backreferences or lookaround, so that matching takes linear time): invalid"
                                    + " named capture"));
        }

        @Test
        void keywordsStillMatchWholeWords_caseInsensitively_inAnyScript() {
            Classifier classifier = RoutingConfig.load(withClassification("""
                    {"types": [{"type": "billing", "keywords": ["fatura", "how much"]}]}""")).classifier()
                    .orElseThrow();

            assertThat(classifier.classify("Quero a FATURA, por favor", Map.of()).type()).isEqualTo("billing");
            assertThat(classifier.classify("How much?", Map.of()).type()).isEqualTo("billing");
            assertThat(classifier.classify("faturação", Map.of()).type()).as("inside a longer word")
                    .isEqualTo("general");
            assertThat(classifier.classify("somehow muchness", Map.of()).type()).isEqualTo("general");
        }
    }

    @Nested
    class Nulls {
        @Test
        void aNullCapacity_isRefused_notReadAsOne() {
            String json = desk().replace("\"capacity\": 2}", "\"capacity\": null}");

            assertThat(problemsOf(json)).containsExactly(problem("owners[1].capacity",
                    "must not be null; leave the field out for its default"));
        }

        @Test
        void aNullWhereverAValueIsExpected_isRefused_namingTheField() {
            String json = desk("""
                    {"id": "desk", "when": {"channel": "chat"}, "note": null,
                     "then": {"team": "desk", "queue": "desk", "chain": [{"type": "round-robin", "includeBusy": null}]}}""")
                    .replace("\"kind\": \"agent\"", "\"kind\": null")
                    .replace("\"languages\": [\"en\"]", "\"languages\": [null]")
                    .replace("\"sla\": \"PT15M\"", "\"sla\": null")
                    .replace("\"attributes\": {", "\"identity\": {\"oneConversationPerCustomer\": null},\n"
                            + "  \"attributes\": {");

            assertThat(problemsOf(json)).containsExactly(
                    problem("owners[1].kind", "must not be null; leave the field out for its default"),
                    problem("owners[1].languages[0]", "must be a string, was null"),
                    problem("queues[0].sla", "is required, and must not be null"),
                    problem("identity.oneConversationPerCustomer", "must not be null; leave the field out for its"
                            + " default"),
                    problem("rules[0].note", "must not be null; leave the field out for its default"),
                    problem("rules[0].then.chain[0].includeBusy", "must not be null; leave the field out for its"
                            + " default"));
            assertThat(problemsOf("{\"owners\": null, \"queues\": [], \"rules\": null}")).containsExactly(
                    problem("owners", "is required, and must not be null"),
                    problem("rules", "is required, and must not be null"));
        }
    }
}
