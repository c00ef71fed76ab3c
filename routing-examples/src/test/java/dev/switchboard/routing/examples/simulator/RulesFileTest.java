package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.config.RoutingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules document, routing conversations of the shipped day (seed 42) on a router where every agent is
 * online and free, so that where each goes is the rules' doing, not the load's.
 */
class RulesFileTest {

    private static final Scenario SCENARIO = ScenarioFile.readDefault();
    private static final Day DAY = DayGenerator.generate(SCENARIO, 42);
    private static final Chain RULES = RulesFile.chain(RulesFile.readDefault(), RulesFile.DEFAULT, SCENARIO, 20);

    private static final Set<String> SENIOR = Set.of("ana", "ben", "hana", "lea", "nina");
    private static final Set<String> SPECIALISTS = Set.of("ana", "ben", "chloe", "femi", "hana", "lea", "nina", "paz");
    private static final Set<String> SPANISH = Set.of("ana", "gus", "ivan", "lea", "nina", "paz", "tess");
    private static final Set<String> PORTUGUESE = Set.of("eva", "kai", "paz", "rui");
    private static final Set<String> FRONT_LINE = Set.of("chloe", "dev", "eva", "femi", "gus", "ivan", "jo", "kai",
            "mo", "omar", "paz", "quinn", "rui", "sam", "tess");

    static String shippedDocument() throws IOException {
        try (InputStream in = RulesFileTest.class.getResourceAsStream(RulesFile.DEFAULT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Conversation firstOfTheDay(Predicate<Conversation> which) {
        return DAY.arrivals().stream().map(Day.Arrival::conversation).filter(which).findFirst().orElseThrow();
    }

    private static Decision route(Conversation conversation) {
        Router router = RULES.configure(Router.builder(), DAY.queueSla())
                .clock(new ManualClock(conversation.createdAt()))
                .owners(DAY.owners())
                .build();
        return router.route(conversation);
    }

    private static Owner owner(String id) {
        return DAY.owners().stream().filter(owner -> owner.id().equals(id)).findFirst().orElseThrow();
    }

    /** The highest proficiency in the skill among the team's members who speak the language. */
    private static int bestInTeam(Set<String> team, String skill, String language) {
        return DAY.owners().stream().filter(owner -> team.contains(owner.id()) && owner.languages().contains(language))
                .mapToInt(owner -> owner.proficiency(skill)).max().orElseThrow();
    }

    private static Decision.Assigned assertAssigned(Decision decision, String firstLine) {
        assertThat(decision.trace().explain()).startsWith("1. " + firstLine + "\n");
        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        return (Decision.Assigned) decision;
    }

    @Test
    void theShippedRules_areWrittenForTheShippedScenario() {
        assertThat(RulesFile.ownerProblems(RulesFile.readDefault(), SCENARIO)).isEmpty();
        assertThat(RULES.name()).isEqualTo("rules");
        assertThat(RULES.description()).isEqualTo("the rules of helpdesk-rules.json: vip, urgent, spanish, "
                + "portuguese, high-priority, front-line, else manual-review");
    }

    @Test
    void aVip_goesToTheSeniorTeam_strongestInTheSkillFirst() {
        Conversation vip = firstOfTheDay(c -> c.vip() && c.language().equals("en"));

        Decision.Assigned assigned = assertAssigned(route(vip), "rule vip matched: vip = true, language en in "
                + "[en, es] (note: VIP customer: answer within 5 minutes)");

        assertThat(assigned.ownerId()).isIn(SENIOR);
        assertThat(assigned.strategy()).isEqualTo("skill-based");
        String skill = vip.requiredSkills().get(0).skill();
        assertThat(owner(assigned.ownerId()).proficiency(skill)).isEqualTo(bestInTeam(SENIOR, skill, "en"));
    }

    @Test
    void anUrgentConversation_goesToTheSeniorTeam() {
        Conversation urgent = firstOfTheDay(c -> !c.vip() && c.priority() == Priority.URGENT
                && c.language().equals("en"));

        Decision.Assigned assigned = assertAssigned(route(urgent), "rule urgent matched: priority = urgent, "
                + "language en in [en, es]");

        assertThat(assigned.ownerId()).isIn(SENIOR);
    }

    @Test
    void spanishAndPortuguese_goToTheirSpeakers() {
        Conversation spanish = firstOfTheDay(c -> !c.vip() && c.priority() != Priority.URGENT
                && c.language().equals("es"));
        Conversation portuguese = firstOfTheDay(c -> c.language().equals("pt"));

        Decision.Assigned toSpanish = assertAssigned(route(spanish), "rule spanish matched: language = es");
        Decision.Assigned toPortuguese = assertAssigned(route(portuguese),
                "rule portuguese matched: language = pt");

        assertThat(toSpanish.ownerId()).isIn(SPANISH);
        assertThat(owner(toSpanish.ownerId()).languages()).contains("es");
        assertThat(toPortuguese.ownerId()).isIn(PORTUGUESE);
        assertThat(owner(toPortuguese.ownerId()).languages()).contains("pt");
    }

    @Test
    void highPriority_goesToTheStrongestSpecialistInTheSkill() {
        Conversation high = firstOfTheDay(c -> !c.vip() && c.priority() == Priority.HIGH
                && c.language().equals("en"));

        Decision.Assigned assigned = assertAssigned(route(high), "rule high-priority matched: priority = high, "
                + "language = en (note: High priority: the strongest in the skill first)");

        assertThat(assigned.ownerId()).isIn(SPECIALISTS);
        String skill = high.requiredSkills().get(0).skill();
        assertThat(owner(assigned.ownerId()).proficiency(skill)).isEqualTo(3);
    }

    @Test
    void everythingElseInEnglish_goesToTheFrontLine_leastLoadedFirst() {
        Conversation ordinary = firstOfTheDay(c -> !c.vip() && c.priority() == Priority.NORMAL
                && c.language().equals("en"));

        Decision.Assigned assigned = assertAssigned(route(ordinary), "rule front-line matched: type "
                + ordinary.type() + " in [billing, technical, sales, account], language = en");

        assertThat(assigned.ownerId()).isIn(FRONT_LINE);
        assertThat(assigned.strategy()).isEqualTo("least-loaded");
    }

    @Test
    void whatNoRuleTakes_waitsInManualReview_andOnlyThatCountsAsSentToReview() {
        Conversation day = firstOfTheDay(c -> !c.vip() && c.priority() == Priority.NORMAL
                && c.language().equals("en"));
        Conversation refund = Conversation.builder("refund-1").customer("cust-x").channel("email").type("refund")
                .language("en").createdAt(day.createdAt()).build();

        Decision decision = route(refund);

        assertThat(decision).isInstanceOf(Decision.Queued.class);
        assertThat(((Decision.Queued) decision).queue()).isEqualTo("manual-review");
        assertThat(decision.trace().explain()).startsWith("1. rule manual-review matched: no earlier rule matched");
        assertThat(RULES.sendsToReview(refund, "manual-review")).isTrue();
        assertThat(RULES.sendsToReview(day, "front-line")).as("waiting for the front line is not review")
                .isFalse();
    }

    @Test
    void ownersThatAreNotTheScenariosAgents_areRefused_namingEachOwnerField() throws IOException {
        String edited = shippedDocument()
                .replace("\"skills\": {\"tech\": 2, \"account\": 2}", "\"skills\": {\"tech\": 3, \"account\": 2}")
                .replace("\"tess\"", "\"tessa\"");
        RoutingConfig config = RulesFile.parse(edited, "edited.json");

        assertThatThrownBy(() -> RulesFile.chain(config, "edited.json", SCENARIO, 20))
                .isInstanceOf(RulesException.class)
                .hasMessage("edited.json: its owners must be the agents of the scenario 'Northwind support desk', "
                        + "with the same skills, languages, capacities and weights; 3 problems:\n"
                        + "  owners[3].skills: must be {account=2, tech=2}, as for agent 'dev' in the scenario, was "
                        + "{account=2, tech=3}\n"
                        + "  owners[19].id: 'tessa' is not an agent of the scenario; agents: " + SCENARIO.agents()
                                .stream().map(Scenario.AgentSpec::id).toList() + "\n"
                        + "  owners: has no owner 'tess', an agent of the scenario");
    }

    @Test
    void anInvalidDocument_isRefused_withTheJsonPathOfEachProblem() throws IOException {
        String broken = shippedDocument().replaceFirst("\"team\": \"senior\"", "\"team\": \"seniors\"")
                .replace("\"sla\": \"PT5M\"", "\"sla\": \"5 minutes\"");

        assertThatThrownBy(() -> RulesFile.parse(broken, "broken.json"))
                .isInstanceOf(RulesException.class)
                .hasMessageStartingWith("broken.json: the routing configuration has ")
                .hasMessageContaining("\n  queues[0].sla: must be an ISO-8601 duration")
                .hasMessageContaining("\n  rules[0].then.team: unknown team 'seniors'");
    }

    @Test
    void withMoreAgentsThanTheScenarioLists_eachCopyJoinsTheTeamsOfTheAgentItCopies() {
        RoutingPlan plan = RulesFile.readDefault().plan();

        RoutingPlan for45 = RulesFile.forRoster(plan, SCENARIO, 45);

        Rule vip = for45.rules().get(0);
        assertThat(vip.owners()).containsExactlyInAnyOrder("ana", "ana-2", "ana-3", "ben", "ben-2", "ben-3", "hana",
                "hana-2", "lea", "lea-2", "nina", "nina-2");
        assertThat(for45.rules().get(for45.rules().size() - 1).owners()).isEmpty();
        assertThat(for45.rules()).extracting(Rule::name).isEqualTo(plan.rules().stream().map(Rule::name).toList());
        assertThat(RulesFile.forRoster(plan, SCENARIO, SCENARIO.agents().size())).isSameAs(plan);
        assertThat(SCENARIO.withAgents(45).agents().get(40).id()).isEqualTo("ana-3");
    }

    @Test
    void withFewerAgentsThanTheScenarioLists_eachRuleNamesOnlyTheAgentsLeft_andOneLeftWithNoneQueuesEverything() {
        RoutingPlan plan = RulesFile.readDefault().plan();

        RoutingPlan for3 = RulesFile.forRoster(plan, SCENARIO, 3);

        assertThat(for3.rules().get(0).owners()).containsExactlyInAnyOrder("ana", "ben");
        assertThat(for3.rules()).filteredOn(rule -> rule.name().equals("portuguese")).singleElement()
                .satisfies(rule -> {
                    assertThat(rule.owners()).isEmpty();
                    assertThat(rule.chain()).isEmpty();
                    assertThat(rule.queue()).isEqualTo("portuguese");
                });
    }
}
