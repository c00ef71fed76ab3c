package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Condition.Comparison;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Conditions, rules and plans as values: what each operator matches, and what each refuses. */
class RulesTest {

    private static final Conversation LEAD = conversation("lead-1").type("Pricing").channel("web_form")
            .region("EMEA").priority(Priority.HIGH).vip(true)
            .attribute("offer", " Consulting ").attribute("fitScore", "82").attribute("tags", "referral, Expansion")
            .build();

    @Nested
    class Equality {
        @Test
        void matchesTheFieldTrimmedAndCaseInsensitively() {
            assertThat(new Condition.Is("offer", "CONSULTING").test(LEAD)).isTrue();
            assertThat(new Condition.Is("type", "pricing").test(LEAD)).isTrue();
            assertThat(new Condition.Is("channel", "email").test(LEAD)).isFalse();
        }

        @Test
        void readsPriorityAndVipAsText() {
            assertThat(new Condition.Is("priority", "high").test(LEAD)).isTrue();
            assertThat(new Condition.Is("vip", "true").test(LEAD)).isTrue();
            assertThat(new Condition.Is("vip", "false").test(LEAD)).isFalse();
        }

        @Test
        void onTags_matchesAnyOneTag() {
            assertThat(new Condition.Is("tags", "expansion").test(LEAD)).isTrue();
            assertThat(new Condition.Is("tags", "referral, expansion").test(LEAD)).isFalse();
        }

        @Test
        void aMissingAttributeOrAnEmptyLanguage_matchesNothing() {
            assertThat(new Condition.Is("fitTier", "a").test(LEAD)).isFalse();
            assertThat(new Condition.In("language", List.of("en", "es")).test(LEAD)).isFalse();
        }
    }

    @Nested
    class Membership {
        @Test
        void matchesWhenTheValueIsInTheSet() {
            assertThat(new Condition.In("region", List.of("apac", "emea")).test(LEAD)).isTrue();
            assertThat(new Condition.In("region", List.of("apac", "americas")).test(LEAD)).isFalse();
        }

        @Test
        void onTags_matchesWhenAnyTagIsInTheSet() {
            assertThat(new Condition.In("tags", List.of("partner", "referral")).test(LEAD)).isTrue();
            assertThat(new Condition.In("tags", List.of("partner", "new")).test(LEAD)).isFalse();
        }

        @Test
        void keepsItsValuesNormalised_inOrder_withoutRepeats() {
            assertThat(new Condition.In("region", List.of("EMEA", "uk", "emea")).values())
                    .containsExactly("emea", "uk");
        }
    }

    @Nested
    class NumericComparison {
        @Test
        void comparesTheAttributeAsANumber() {
            assertThat(compare(Comparison.GT, "81.5").test(LEAD)).isTrue();
            assertThat(compare(Comparison.GT, "82").test(LEAD)).isFalse();
            assertThat(compare(Comparison.GTE, "82.0").test(LEAD)).isTrue();
            assertThat(compare(Comparison.LT, "82").test(LEAD)).isFalse();
            assertThat(compare(Comparison.LTE, "82").test(LEAD)).isTrue();
            assertThat(compare(Comparison.LT, "100").test(LEAD)).isTrue();
        }

        @Test
        void aMissingOrNonNumericAttribute_matchesNothing() {
            assertThat(new Condition.Compare("budget", Comparison.GT, BigDecimal.ZERO).test(LEAD)).isFalse();
            assertThat(new Condition.Compare("offer", Comparison.GT, BigDecimal.ZERO).test(LEAD)).isFalse();
        }

        @Test
        void describesItselfWithTheConversationsValue() {
            assertThat(compare(Comparison.GTE, "70.00").describe(LEAD)).isEqualTo("fitScore 82 >= 70");
            assertThat(new Condition.In("region", List.of("emea", "uk")).describe(LEAD))
                    .isEqualTo("region emea in [emea, uk]");
        }

        private Condition compare(Comparison comparison, String value) {
            return new Condition.Compare("fitScore", comparison, new BigDecimal(value));
        }
    }

    @Nested
    class BadConditions {
        @Test
        void areRefused_namingTheFieldAndValue() {
            assertThatThrownBy(() -> new Condition.Is("priority", "asap")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("priority must be one of [low, normal, high, urgent], was 'asap'");
            assertThatThrownBy(() -> new Condition.Is("vip", "yes")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("vip must be true or false, was 'yes'");
            assertThatThrownBy(() -> new Condition.In("region", List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("values of condition on region must not be empty");
            assertThatThrownBy(() -> new Condition.Compare("type", Comparison.GT, BigDecimal.ONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 'type' is not a number");
            assertThatThrownBy(() -> new Condition.Is(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("condition field must not be blank");
        }
    }

    @Nested
    class Rules {
        @Test
        void matchWhenEveryConditionHolds() {
            Rule rule = Rule.builder("consulting-emea").when(new Condition.Is("offer", "consulting"),
                    new Condition.In("region", List.of("emea", "uk"))).queue("q").build();
            Rule other = Rule.builder("consulting-apac").when(new Condition.Is("offer", "consulting"),
                    new Condition.Is("region", "apac")).queue("q").build();

            assertThat(rule.matches(LEAD)).isTrue();
            assertThat(other.matches(LEAD)).isFalse();
            assertThat(rule.explain(LEAD, true)).isEqualTo("offer = consulting, region emea in [emea, uk]");
        }

        @Test
        void explainWhyTheyCaughtEverything_andTheirNote() {
            Rule review = Rule.builder("review").queue("review").note("check the offer").build();

            assertThat(review.explain(LEAD, false)).isEqualTo("no earlier rule matched (note: check the offer)");
            assertThat(review.explain(LEAD, true)).isEqualTo("it takes every conversation (note: check the offer)");
        }

        @Test
        void refuseARepeatedStepName_andAMissingQueue() {
            assertThatThrownBy(() -> Rule.builder("r").chain(firstAvailable(), firstAvailable()).queue("q").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'first-available' is used twice");
            assertThatThrownBy(() -> Rule.builder("r").build()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("queue of rule 'r' is not set");
        }

        @Test
        void areImmutable() {
            Rule rule = new Rule("r", new java.util.ArrayList<>(), new java.util.HashSet<>(Set.of("ana")), List.of(),
                    "q", "", java.util.Optional.empty(), Rule.AfterHours.HOLD, Set.of());

            assertThatThrownBy(() -> rule.owners().add("ben")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Plans {
        private final QueueSpec review = new QueueSpec("review", Duration.ofHours(4));

        @Test
        void needTheLastRuleToCatchEverything() {
            Rule narrow = Rule.builder("complaints").when(new Condition.Is("type", "complaint")).queue("review")
                    .build();

            assertThatThrownBy(() -> new RoutingPlan(List.of(review), List.of(narrow)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the last rule, 'complaints', must have no conditions, so that every conversation"
                            + " matches a rule");
            assertThatThrownBy(() -> new RoutingPlan(List.of(review), List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rules must not be empty");
        }

        @Test
        void needEveryRulesQueueDeclared_onceEach_andUniqueRuleNames() {
            Rule toNowhere = Rule.builder("all").queue("nowhere").build();
            Rule all = Rule.builder("all").queue("review").build();

            assertThatThrownBy(() -> new RoutingPlan(List.of(review), List.of(toNowhere)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("queue 'nowhere' of rule 'all' is not declared");
            assertThatThrownBy(() -> new RoutingPlan(List.of(review, review), List.of(all)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("queue 'review' is declared twice");
            assertThatThrownBy(() -> new RoutingPlan(List.of(review), List.of(all, all)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("rule name 'all' is used twice");
        }
    }
}
