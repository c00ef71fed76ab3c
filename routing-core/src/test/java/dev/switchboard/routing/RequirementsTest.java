package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a conversation asks of an owner: the one definition of a match, shared by the indexes and the strategies. */
class RequirementsTest {

    private static final SkillRequirement BILLING_3 = SkillRequirement.required("billing", 3);
    private static final SkillRequirement TECH_1 = SkillRequirement.preferred("tech", 1);

    private final Owner billingExpert = Owner.agent("ana").skill("billing", 4).skill("tech", 1).languages("en", "pt")
            .regions("eu").build();
    private final Owner novice = Owner.agent("ben").skill("billing", 2).languages("en").regions("eu").build();
    private final Owner nobody = Owner.agent("cy").build();

    @Nested
    class Building {
        @Test
        void ofAConversation_takesEverySkill_optionalOnesIncluded_itsLanguageAndItsRegion() {
            Conversation asking = conversation("c1").require(BILLING_3).require(TECH_1).language("EN").region("EU")
                    .build();

            assertThat(Requirements.of(asking)).isEqualTo(new Requirements(List.of(BILLING_3, TECH_1), "en", "eu"));
        }

        @Test
        void ofAConversationWithoutRequirements_isNone() {
            assertThat(Requirements.of(conversation("c1").build())).isEqualTo(Requirements.NONE);
        }

        @Test
        void normalisesLanguageAndRegion_andABlankOneMeansAny() {
            Requirements requirements = new Requirements(List.of(), " PT-br ", "  ");

            assertThat(requirements.language()).isEqualTo("pt-br");
            assertThat(requirements.region()).isEmpty();
        }

        @Test
        void keepsItsOwnCopyOfTheSkills() {
            List<SkillRequirement> skills = new ArrayList<>(List.of(BILLING_3));
            Requirements requirements = new Requirements(skills, "", "");

            skills.add(TECH_1);

            assertThat(requirements.skills()).containsExactly(BILLING_3);
        }

        @Test
        void refusesNulls_namingTheField() {
            assertThatThrownBy(() -> new Requirements(null, "", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("skills must not be null");
            assertThatThrownBy(() -> new Requirements(List.of(), null, "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("language must not be null (use \"\" for unspecified)");
            assertThatThrownBy(() -> new Requirements(List.of(), "", null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("region must not be null (use \"\" for unspecified)");
            assertThatThrownBy(() -> Requirements.of(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conversation must not be null");
        }
    }

    @Nested
    class Relaxing {
        private final Requirements strict = new Requirements(List.of(BILLING_3, TECH_1), "en", "eu");

        @Test
        void dropsOptionalSkills_whenAsked_keepingTheRest() {
            assertThat(strict.relaxed(true, 0)).isEqualTo(new Requirements(List.of(BILLING_3), "en", "eu"));
            assertThat(strict.relaxed(false, 0)).isEqualTo(strict);
        }

        @Test
        void lowersEveryMinimum_neverBelowZero_keepingWhetherItIsOptional() {
            assertThat(strict.relaxed(false, 2).skills()).containsExactly(SkillRequirement.required("billing", 1),
                    SkillRequirement.preferred("tech", 0));
            assertThat(strict.relaxed(true, 10).skills()).containsExactly(SkillRequirement.required("billing", 0));
        }

        @Test
        void aRelaxedMinimumOfZero_stillNeedsTheSkill() {
            Requirements anyBilling = strict.relaxed(true, 10);

            assertThat(anyBilling.metBy(novice)).isTrue();
            assertThat(anyBilling.metBy(Owner.agent("dee").languages("en").regions("eu").build())).isFalse();
        }

        @Test
        void refusesANegativeLowering_namingIt() {
            assertThatThrownBy(() -> strict.relaxed(false, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lowerMinimumsBy must not be negative, was -1");
        }
    }

    @Nested
    class Matching {
        @Test
        void anOwnerMeetsThem_atOrAboveEveryMinimum_speakingTheLanguage_andCoveringTheRegion() {
            Requirements requirements = new Requirements(List.of(BILLING_3, TECH_1), "en", "eu");

            assertThat(requirements.metBy(billingExpert)).isTrue();
            assertThat(requirements.metBy(novice)).as("billing 2 is below 3, and no tech").isFalse();
            assertThat(new Requirements(List.of(SkillRequirement.required("billing", 4)), "", "")
                    .metBy(billingExpert)).as("exactly the minimum").isTrue();
        }

        @Test
        void theLanguageAndTheRegion_eachMustMatch() {
            assertThat(new Requirements(List.of(), "pt", "").metBy(billingExpert)).isTrue();
            assertThat(new Requirements(List.of(), "pt", "").metBy(novice)).isFalse();
            assertThat(new Requirements(List.of(), "", "us").metBy(billingExpert)).isFalse();
            assertThat(new Requirements(List.of(), "en", "eu").metBy(novice)).isTrue();
        }

        @Test
        void noneMatchesEveryone_evenAnOwnerWithNothing() {
            assertThat(Requirements.NONE.metBy(nobody)).isTrue();
            assertThat(Requirements.NONE.metBy(billingExpert)).isTrue();
        }

        @Test
        void aSkillNobodyHas_matchesNobody_evenAtMinimumZero() {
            Requirements requirements = new Requirements(List.of(SkillRequirement.required("klingon", 0)), "", "");

            assertThat(requirements.metBy(billingExpert)).isFalse();
            assertThat(requirements.metBy(nobody)).isFalse();
        }

        @Test
        void scoreSumsTheOwnersProficiencyOverTheSkills() {
            Requirements requirements = new Requirements(List.of(BILLING_3, TECH_1), "", "");

            assertThat(requirements.score(billingExpert)).isEqualTo(5);
            assertThat(new Requirements(List.of(BILLING_3), "", "").score(novice)).isEqualTo(2);
            assertThat(Requirements.NONE.score(billingExpert)).isZero();
        }
    }

    @Nested
    class Describing {
        @Test
        void namesEachSkillWithItsMinimum_thenTheLanguage_thenTheRegion() {
            Requirements requirements = new Requirements(List.of(BILLING_3, SkillRequirement.required("tech", 0)),
                    "en", "eu");

            assertThat(requirements.describeOwners())
                    .isEqualTo("owners with billing 3+ and tech (any level), speaking en, covering eu");
        }

        @Test
        void leavesOutWhatIsNotAsked() {
            assertThat(Requirements.NONE.describeOwners()).isEqualTo("owners");
            assertThat(new Requirements(List.of(BILLING_3), "", "").describeOwners())
                    .isEqualTo("owners with billing 3+");
            assertThat(new Requirements(List.of(), "en", "").describeOwners()).isEqualTo("owners speaking en");
            assertThat(new Requirements(List.of(), "", "eu").describeOwners()).isEqualTo("owners covering eu");
            assertThat(new Requirements(List.of(), "en", "eu").describeOwners())
                    .isEqualTo("owners speaking en, covering eu");
            assertThat(new Requirements(List.of(BILLING_3), "", "eu").describeOwners())
                    .isEqualTo("owners with billing 3+, covering eu");
        }
    }
}
