package dev.switchboard.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.RoutingConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The multi-offer lead router (consulting, implementation, retained support): the offer first, then geography, then
 * fit tier; partner leads to the partner team, tier C to nurture, and whatever is uncertain to lead review.
 */
class B2bLeadsConfigTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    private final RoutingConfig config = ExampleConfigs.load("b2b-leads");
    private final Router router = config.routerBuilder().clock(new ManualClock(MONDAY)).build();

    /** A web-form lead with the attributes the form and the enrichment service give. */
    private static Conversation.Builder lead(String id, String offer, String region, String fitTier) {
        return Conversation.builder(id).customer("lead-" + id).channel("web_form").type("lead").region(region)
                .attribute("offer", offer).attribute("fitTier", fitTier).attribute("accountContext", "new")
                .createdAt(MONDAY);
    }

    private Decision route(Conversation.Builder lead) {
        return router.route(lead.build());
    }

    private static String ruleOf(Decision decision) {
        return decision.trace().rule().orElseThrow().name();
    }

    private static String ownerOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        return ((Decision.Assigned) decision).ownerId();
    }

    private static String queueOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Queued.class);
        return ((Decision.Queued) decision).queue();
    }

    @Nested
    class OfferThenGeographyThenFitTier {
        @Test
        void aTierAConsultingLeadInEurope_goesToTheEuropeanAccountExecutive() {
            Decision decision = route(lead("l1", "consulting", "uk", "a"));

            assertThat(ownerOf(decision)).isEqualTo("ae-claire");
            assertThat(decision.trace().explain()).startsWith("1. rule consulting-emea-tier-a matched: offer ="
                    + " consulting, region uk in [emea, uk], fitTier = a");
        }

        @Test
        void theSameOfferAndTierInTheAmericas_goesToTheAmericanOne() {
            assertThat(ownerOf(route(lead("l1", "consulting", "americas", "a")))).isEqualTo("ae-diego");
        }

        @Test
        void aTierBConsultingLeadWithAGoodScore_isQualifiedFirst_sharedByTheSdrsWeights() {
            Map<String, Integer> shares = new HashMap<>();
            for (int i = 0; i < 10; i++) {
                Decision decision = route(lead("l" + i, "consulting", "emea", "b").attribute("fitScore", "72"));
                shares.merge(ownerOf(decision), 1, Integer::sum);
            }

            assertThat(shares).containsExactlyInAnyOrderEntriesOf(Map.of("sdr-lena", 6, "sdr-omar", 4));
            assertThat(route(lead("l10", "consulting", "emea", "b").attribute("fitScore", "72")).trace().explain())
                    .contains("fitScore 72 >= 60 (note: Qualify budget and timeline before handing to an account"
                            + " executive)");
        }

        @Test
        void implementationLeads_goToTheRegionalOwner_forTiersAAndB() {
            assertThat(ownerOf(route(lead("l1", "implementation", "emea", "b")))).isEqualTo("impl-jonas");
            assertThat(ownerOf(route(lead("l2", "implementation", "americas", "a")))).isEqualTo("impl-rosa");
        }

        @Test
        void aTierCLead_goesToTheNurtureQueue_forAWeek() {
            Decision decision = route(lead("l1", "implementation", "emea", "c"));

            assertThat(queueOf(decision)).isEqualTo("nurture");
            assertThat(((Decision.Queued) decision).slaDeadline()).isEqualTo(MONDAY.plus(Duration.ofDays(7)));
        }
    }

    @Nested
    class AccountContext {
        @Test
        void anExistingCustomerBuyingRetainedSupport_goesToAnAccountManager_andStaysWithThem() {
            Decision first = route(lead("l1", "retained-support", "emea", "a").customer("acme-cto")
                    .attribute("accountContext", "existing"));
            router.release("l1");
            route(lead("l2", "retained-support", "emea", "a").customer("globex").attribute("accountContext",
                    "expansion"));

            Decision again = route(lead("l3", "retained-support", "emea", "a").customer("acme-cto")
                    .attribute("accountContext", "expansion"));

            assertThat(ownerOf(first)).isEqualTo("am-kate");
            assertThat(ownerOf(again)).isEqualTo("am-kate");
            assertThat(((Decision.Assigned) again).strategy()).isEqualTo("sticky");
        }

        @Test
        void aPartnerSourcedLead_goesToThePartnerTeam() {
            Decision decision = route(lead("l1", "consulting", "apac", "b").attribute("accountContext", "partner"));

            assertThat(ownerOf(decision)).isEqualTo("partner-desk");
            assertThat(ruleOf(decision)).isEqualTo("partner-sourced");
        }

        @Test
        void aSecondFormFromTheSameEmail_joinsTheOpenLead() {
            route(lead("l1", "consulting", "emea", "a").attribute("email", "buyer@acme.example"));

            Decision second = route(lead("l2", "implementation", "emea", "a").attribute("email", "Buyer@Acme.example"));

            assertThat(second).isInstanceOfSatisfying(Decision.Joined.class,
                    joined -> assertThat(joined.joinedConversationId()).isEqualTo("l1"));
        }
    }

    @Nested
    class Uncertain {
        @Test
        void aRegionNoRuleCovers_anUnknownOffer_orAMissingTier_goToLeadReview() {
            assertThat(queueOf(route(lead("l1", "consulting", "apac", "a")))).isEqualTo("lead-review");
            assertThat(queueOf(route(lead("l2", "training", "emea", "a")))).isEqualTo("lead-review");
            assertThat(queueOf(router.route(Conversation.builder("l3").customer("lead-l3").channel("web_form")
                    .region("emea").attribute("offer", "consulting").createdAt(MONDAY).build())))
                    .isEqualTo("lead-review");
        }

        @Test
        void aTierBLeadWithALowScore_isLeftForAPersonToJudge() {
            Decision decision = route(lead("l1", "consulting", "emea", "b").attribute("fitScore", "41"));

            assertThat(queueOf(decision)).isEqualTo("lead-review");
            assertThat(decision.trace().explain()).startsWith("1. rule lead-review matched: no earlier rule matched");
        }
    }
}
