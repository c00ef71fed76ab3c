package dev.switchboard.routing.config;

import static dev.switchboard.routing.config.Documents.conversation;
import static dev.switchboard.routing.config.Documents.desk;
import static dev.switchboard.routing.config.Documents.problem;
import static dev.switchboard.routing.config.Documents.problemsOf;
import static dev.switchboard.routing.config.Documents.router;
import static dev.switchboard.routing.config.Documents.ruleOf;
import static dev.switchboard.routing.config.Documents.toDesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Router;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClassificationTest {

    private static final String CLASSIFICATION = """
            "classification": {
                "minConfidence": 0.5,
                "types": [
                  {"type": "scheduling", "keywords": ["appointment", "reschedule", "book"],
                   "patterns": ["\\\\b(mon|tues|wednes|thurs|fri)day\\\\b"]},
                  {"type": "pricing", "keywords": ["price", "cost", "how much"]},
                  {"type": "complaint", "keywords": ["unhappy", "refund", "complaint"]}
                ]
              },
            """;

    private static String clinic(String... rules) {
        return desk(rules).replace("\"rules\":", CLASSIFICATION + "  \"rules\":");
    }

    private final RoutingConfig config = RoutingConfig.load(clinic(
            toDesk("bookings", "{\"type\": \"scheduling\"}"), toDesk("prices", "{\"type\": \"pricing\"}")));
    private final Classifier classifier = config.classifier().orElseThrow();

    @Nested
    class TheKeywordClassifier {
        @Test
        void oneKeywordAlone_isHalfSure() {
            Classification classification = classifier.classify("Can I book a cleaning?", Map.of());

            assertThat(classification).isEqualTo(new Classification("scheduling", 0.5, List.of("keyword 'book'")));
        }

        @Test
        void moreFindsForOneType_raiseTheConfidence() {
            Classification classification = classifier.classify("I need to reschedule my appointment to Friday",
                    Map.of());

            assertThat(classification.type()).isEqualTo("scheduling");
            assertThat(classification.confidence()).isEqualTo(0.75);
            assertThat(classification.evidence()).containsExactly("keyword 'appointment'", "keyword 'reschedule'",
                    "pattern '\\b(mon|tues|wednes|thurs|fri)day\\b' ('Friday')");
        }

        @Test
        void findsForCompetingTypes_lowerIt() {
            Classification classification = classifier.classify("How much does it cost to reschedule?", Map.of());

            assertThat(classification.type()).isEqualTo("pricing");
            assertThat(classification.confidence()).isEqualTo(0.5);
        }

        @Test
        void aTie_goesToTheTypeDeclaredFirst_withLowConfidence() {
            Classification classification = classifier.classify("Price of an appointment?", Map.of());

            assertThat(classification.type()).isEqualTo("scheduling");
            assertThat(classification.confidence()).isEqualTo(1.0 / 3);
        }

        @Test
        void keywordsMatchWholeWordsOnly_inAnyCase() {
            assertThat(classifier.classify("Our BOOKKEEPING question", Map.of()).type()).isEqualTo("general");
            assertThat(classifier.classify("BOOK me in", Map.of()).type()).isEqualTo("scheduling");
            assertThat(classifier.classify("How Much?", Map.of()).type()).isEqualTo("pricing");
        }

        @Test
        void looksInTheMetadataToo() {
            Classification classification = classifier.classify("see subject", Map.of("subject", "Refund please"));

            assertThat(classification.type()).isEqualTo("complaint");
        }

        @Test
        void aMessageWithNoFinds_isGeneral_withNoConfidence() {
            assertThat(classifier.classify("Hello there", Map.of()))
                    .isEqualTo(new Classification("general", 0, List.of()));
        }

        @Test
        void refusesNoText() {
            assertThatThrownBy(() -> classifier.classify(null, Map.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("text must not be null");
        }
    }

    @Nested
    class RoutingAClassifiedConversation {
        private final Router router = router(config);

        private Decision route(String id, String text) {
            Classification classification = classifier.classify(text, Map.of());
            return router.route(classification.applyTo(conversation(id)).build());
        }

        @Test
        void aConfidentClassificationIsRoutedByItsType() {
            Decision decision = route("c1", "Can I reschedule my appointment?");

            assertThat(ruleOf(decision)).isEqualTo("bookings");
            assertThat(decision).isInstanceOf(Decision.Assigned.class);
        }

        @Test
        void anUncertainOne_goesToReview_andTheTraceSaysWhy() {
            Decision decision = route("c1", "What is the price of an appointment?");

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo("review"));
            assertThat(decision.trace().explain()).startsWith(
                    "1. rule low-confidence matched: confidence 0.3333333333333333 < 0.5");
        }

        @Test
        void aMessageWithNothingToGoBy_goesToReview() {
            assertThat(ruleOf(route("c1", "Hi!"))).isEqualTo("low-confidence");
        }

        @Test
        void aConversationTheHostTypedItself_isRoutedByItsType() {
            Decision decision = router.route(conversation("c1").type("pricing").build());

            assertThat(ruleOf(decision)).isEqualTo("prices");
        }

        @Test
        void theHostCanPlugInItsOwnClassifier() {
            Classifier model = (text, metadata) -> text.contains("?")
                    ? new Classification("pricing", 0.92, List.of("model: question about money"))
                    : new Classification("scheduling", 0.2, List.of("model: unsure"));

            Decision sure = router.route(model.classify("Is it expensive?", Map.of()).applyTo(conversation("c1"))
                    .build());
            Decision unsure = router.route(model.classify("hm", Map.of()).applyTo(conversation("c2")).build());

            assertThat(ruleOf(sure)).isEqualTo("prices");
            assertThat(ruleOf(unsure)).isEqualTo("low-confidence");
        }
    }

    @Nested
    class Configuring {
        @Test
        void withoutTypes_thereIsNoKeywordClassifier_butTheMinimumStillApplies() {
            RoutingConfig hostClassified = RoutingConfig.load(desk(toDesk("prices", "{\"type\": \"pricing\"}"))
                    .replace("\"rules\":", "\"classification\": {\"minConfidence\": 0.8},\n  \"rules\":"));
            Router router = router(hostClassified);

            Decision decision = router.route(new Classification("pricing", 0.7, List.of())
                    .applyTo(conversation("c1")).build());

            assertThat(hostClassified.classifier()).isEmpty();
            assertThat(ruleOf(decision)).isEqualTo("low-confidence");
        }

        @Test
        void rulesMayOnlyNameTheDescribedTypes() {
            assertThat(problemsOf(clinic(toDesk("typo", "{\"type\": [\"pricing\", \"schedulng\"]}"))))
                    .containsExactly(problem("rules[0].when.type[1]", "unknown type 'schedulng'; the"
                            + " classification's types are [scheduling, pricing, complaint] (and general)"));
        }

        @Test
        void reportsBadClassificationSettings() {
            String json = desk().replace("\"rules\":", """
                    "classification": {"minConfidence": 1.5, "types": [
                      {"type": "pricing", "keywords": ["price"], "patterns": ["(unclosed"]},
                      {"type": "Pricing", "keywords": ["cost"]},
                      {"type": "vague"}]},
                      "rules":""");

            assertThat(problemsOf(json)).containsExactly(
                    problem("classification.minConfidence", "must be between 0 and 1, was 1.5"),
                    problem("classification.types[0].patterns[0]", "pattern '(unclosed' of type 'pricing' is not a"
                            + " regular expression RE2/J can run (no backreferences or lookaround, so that matching"
                            + " takes linear time): missing closing )"),
                    problem("classification.types[1].type", "type 'pricing' is described twice"),
                    problem("classification.types[2]", "needs keywords or patterns that point to the type"));
        }

        @Test
        void theRuleNameLowConfidenceIsReserved() {
            assertThat(problemsOf(desk(toDesk("low-confidence", "{\"type\": \"x\"}")))).containsExactly(
                    problem("rules[0].id", "'low-confidence' is the name of the rule that classification.minConfidence"
                            + " adds; choose another"));
        }
    }

    @Nested
    class Classifications {
        @Test
        void areCheckedWhenMade() {
            assertThatThrownBy(() -> new Classification(" ", 0.5, List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("type must not be blank");
            assertThatThrownBy(() -> new Classification("pricing", 1.2, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("confidence must be between 0 and 1, was 1.2");
            assertThatThrownBy(() -> new Classification("pricing", Double.NaN, List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was NaN");
        }

        @Test
        void setTheTypeAndConfidenceOfAConversation() {
            Conversation conversation = new Classification("Complaint", 0.8, List.of()).applyTo(conversation("c1"))
                    .build();

            assertThat(conversation.type()).isEqualTo("complaint");
            assertThat(conversation.attributes()).containsEntry(Classification.CONFIDENCE, "0.8");
        }
    }
}
