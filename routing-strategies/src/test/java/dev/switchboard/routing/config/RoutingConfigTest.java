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

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerKind;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.strategy.AgentPick;
import dev.switchboard.routing.strategy.LeastLoaded;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.SkillBased;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import dev.switchboard.routing.strategy.WeightedCapacity;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingConfigTest {

    @Nested
    class Loading {
        @Test
        void readsTheRoster_withEveryOwnerOption() {
            RoutingConfig config = RoutingConfig.load(desk());

            assertThat(config.owners()).containsExactly(
                    Owner.agent("ana").languages("en", "es").regions("emea").skill("billing", 3).capacity(2)
                            .channelCapacity("phone", 1).weight(2).build(),
                    Owner.builder("ben", OwnerKind.AGENT).languages("en").capacity(2).build());
        }

        @Test
        void readsThePlan_queuesAndRulesInOrder() {
            RoutingConfig config = RoutingConfig.load(desk(toDesk("bookings", "{\"type\": \"scheduling\"}")));

            assertThat(config.plan().queues()).extracting(queue -> queue.name() + " " + queue.sla())
                    .containsExactly("desk PT15M", "review PT4H");
            assertThat(config.plan().rules()).extracting(Rule::name).containsExactly("bookings", "review");
            Rule bookings = config.plan().rules().get(0);
            assertThat(bookings.owners()).containsExactlyInAnyOrder("ana", "ben");
            assertThat(bookings.queue()).isEqualTo("desk");
            assertThat(bookings.chain()).singleElement().isInstanceOf(RoundRobin.class);
        }

        @Test
        void buildsARouterThatRoutesByTheRules_andSaysWhichRuleMatched() {
            Router router = router(RoutingConfig.load(desk(toDesk("bookings", "{\"type\": \"scheduling\"}"))));

            Decision booking = router.route(conversation("c1").type("scheduling").build());
            Decision question = router.route(conversation("c2").type("pricing").build());

            assertThat(booking).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ana"));
            assertThat(booking.trace().explain()).isEqualTo("""
                    1. rule bookings matched: type = scheduling
                    2. round-robin assigned ana: next in rotation among available owners""");
            assertThat(question).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo("review"));
            assertThat(ruleOf(question)).isEqualTo("review");
        }

        @Test
        void aRuleCanSendToOneNamedOwner_withANoteInTheTrace() {
            Router router = router(RoutingConfig.load(desk("""
                    {"id": "complaints", "when": {"type": "complaint"}, "note": "call back within the hour",
                     "then": {"owner": "ben", "queue": "desk", "chain": [{"type": "round-robin"}]}}""")));

            Decision decision = router.route(conversation("c1").type("complaint").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ben"));
            assertThat(decision.trace().explain())
                    .startsWith("1. rule complaints matched: type = complaint (note: call back within the hour)");
        }

        @Test
        void linksIdentitiesByTheAttributesTheDocumentNames() {
            String linked = desk().replace("\"rules\":", "\"identity\": {\"linkBy\": [\"email\", \"phone\"],"
                    + " \"oneConversationPerCustomer\": true},\n  \"rules\":");
            Router router = router(RoutingConfig.load(linked));
            router.route(conversation("form").customer("web-form-1").attribute("email", "Maria@example.com").build());

            Decision mail = router.route(conversation("mail").customer("maria").attribute("email", "maria@example.com")
                    .build());

            assertThat(mail).isInstanceOf(Decision.Joined.class);
        }

        @Test
        void readsFromAReaderOrAFile(@TempDir Path directory) throws Exception {
            Path file = directory.resolve("routing.json");
            Files.writeString(file, desk());

            assertThat(RoutingConfig.load(file)).isEqualTo(RoutingConfig.load(new StringReader(desk())));
            assertThatThrownBy(() -> RoutingConfig.load(directory.resolve("missing.json")))
                    .isInstanceOf(UncheckedIOException.class);
            assertThatThrownBy(() -> RoutingConfig.load((String) null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("json must not be null");
        }
    }

    @Nested
    class Conditions {
        private Router routerWith(String... rules) {
            return router(RoutingConfig.load(desk(rules)));
        }

        @Test
        void aScalarIsEquality_caseInsensitive() {
            Router router = routerWith(toDesk("consulting", "{\"offer\": \"Consulting\"}"));

            assertThat(ruleOf(router.route(conversation("c1").attribute("offer", "consulting").build())))
                    .isEqualTo("consulting");
            assertThat(ruleOf(router.route(conversation("c2").attribute("offer", "support").build())))
                    .isEqualTo("review");
        }

        @Test
        void anArrayIsSetMembership() {
            Router router = routerWith(toDesk("europe", "{\"region\": [\"emea\", \"uk\"]}"));

            assertThat(ruleOf(router.route(conversation("c1").region("UK").build()))).isEqualTo("europe");
            assertThat(ruleOf(router.route(conversation("c2").region("apac").build()))).isEqualTo("review");
            assertThat(ruleOf(router.route(conversation("c3").build()))).as("no region").isEqualTo("review");
        }

        @Test
        void operatorsCanBeSpelledOut() {
            Router router = routerWith(toDesk("tier-a-emea",
                    "{\"fitTier\": {\"eq\": \"a\"}, \"region\": {\"in\": [\"emea\"]}}"));

            assertThat(ruleOf(router.route(conversation("c1").region("emea").attribute("fitTier", "A").build())))
                    .isEqualTo("tier-a-emea");
            assertThat(ruleOf(router.route(conversation("c2").region("emea").attribute("fitTier", "b").build())))
                    .isEqualTo("review");
        }

        @Test
        void numericComparisons_oneOrSeveralOnAField() {
            Router router = routerWith(toDesk("warm", "{\"fitScore\": {\"gte\": 50, \"lt\": 80}}"),
                    toDesk("hot", "{\"fitScore\": {\"gt\": 80}}"),
                    toDesk("exactly-80", "{\"fitScore\": {\"lte\": 80}}"));

            assertThat(ruleOf(router.route(conversation("c1").attribute("fitScore", "50").build()))).isEqualTo("warm");
            assertThat(ruleOf(router.route(conversation("c2").attribute("fitScore", "79.99").build())))
                    .isEqualTo("warm");
            assertThat(ruleOf(router.route(conversation("c3").attribute("fitScore", "80").build())))
                    .isEqualTo("exactly-80");
            assertThat(ruleOf(router.route(conversation("c4").attribute("fitScore", "80.5").build()))).isEqualTo("hot");
            assertThat(ruleOf(router.route(conversation("c5").attribute("fitScore", "unknown").build())))
                    .isEqualTo("review");
        }

        @Test
        void vipPriorityTagsLanguageAndChannel() {
            Router router = routerWith(toDesk("vip", "{\"vip\": true}"),
                    toDesk("urgent", "{\"priority\": [\"high\", \"urgent\"]}"),
                    toDesk("referrals", "{\"tags\": \"referral\"}"),
                    toDesk("spanish-whatsapp", "{\"language\": \"es\", \"channel\": \"whatsapp\"}"));

            assertThat(ruleOf(router.route(conversation("c1").vip(true).build()))).isEqualTo("vip");
            assertThat(ruleOf(router.route(conversation("c2").priority(Priority.URGENT).build()))).isEqualTo("urgent");
            assertThat(ruleOf(router.route(conversation("c3").attribute("tags", "expansion, referral").build())))
                    .isEqualTo("referrals");
            assertThat(ruleOf(router.route(conversation("c4").language("es").channel("whatsapp").build())))
                    .isEqualTo("spanish-whatsapp");
            assertThat(ruleOf(router.route(conversation("c5").language("es").build()))).isEqualTo("review");
        }

        @Test
        void theTraceSaysWhichConditionsMatched_withTheConversationsValues() {
            Router router = routerWith(toDesk("hot-emea",
                    "{\"region\": [\"emea\", \"uk\"], \"fitScore\": {\"gte\": 70}}"));

            Decision decision = router.route(conversation("c1").region("emea").attribute("fitScore", "82").build());

            assertThat(decision.trace().rule()).hasValueSatisfying(rule ->
                    assertThat(rule.reason()).isEqualTo("region emea in [emea, uk], fitScore 82 >= 70"));
        }
    }

    @Nested
    class Strategies {
        private List<?> chainOf(String... steps) {
            String rule = """
                    {"id": "all-desk", "when": {"channel": "chat"},
                     "then": {"team": "desk", "queue": "desk", "chain": [%s]}}""".formatted(String.join(", ", steps));
            return RoutingConfig.load(desk(rule)).plan().rules().get(0).chain();
        }

        @Test
        void eachTypeIsBuiltWithItsOptions() {
            List<?> chain = chainOf(
                    "{\"type\": \"sticky\", \"waitWindow\": \"PT2M\"}",
                    "{\"type\": \"skill-based\", \"tieBreak\": \"longest-idle\", \"includeBusy\": true,"
                            + " \"relax\": [{\"after\": \"PT5M\", \"dropOptional\": true},"
                            + " {\"after\": \"PT10M\", \"dropOptional\": true, \"lowerMinimumsBy\": 1}]}",
                    "{\"type\": \"least-loaded\", \"measure\": \"utilisation\"}",
                    "{\"type\": \"weighted-capacity\", \"mode\": \"random\", \"seed\": 7}",
                    "{\"type\": \"agent-pick\", \"pool\": \"desk\", \"deadline\": \"PT10M\","
                            + " \"zone\": \"Europe/Lisbon\"}",
                    "{\"type\": \"round-robin\", \"includeBusy\": true}");

            assertThat(chain).hasExactlyElementsOfTypes(StickyPreviousOwner.class, SkillBased.class, LeastLoaded.class,
                    WeightedCapacity.class, AgentPick.class, RoundRobin.class);
        }

        @Test
        void stepsAreNamedByTheirType_orByTheirNameOption() {
            RoutingConfig config = RoutingConfig.load(desk("""
                    {"id": "all-desk", "when": {"channel": "chat"},
                     "then": {"team": "desk", "queue": "desk", "chain": [
                       {"type": "least-loaded", "name": "emptiest"}, {"type": "round-robin"}]}}"""));

            assertThat(config.plan().rules().get(0).chain()).extracting(step -> step.name())
                    .containsExactly("emptiest", "round-robin");
        }

        @Test
        void theOptionsChangeHowTheStepDecides() {
            Router router = router(RoutingConfig.load(desk("""
                    {"id": "pool", "when": {"channel": "chat"},
                     "then": {"team": "desk", "queue": "desk",
                              "chain": [{"type": "agent-pick", "pool": "desk", "deadline": "PT10M"}]}}""")));

            Decision decision = router.route(conversation("c1").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued ->
                    assertThat(queued.reason()).isEqualTo("waiting in desk for an agent to claim it, until 09:10"));
        }

        @Test
        void twoStepsOfOneTypeNeedNamesOfTheirOwn() {
            assertThat(problemsOf(desk("""
                    {"id": "twice", "when": {"channel": "chat"},
                     "then": {"team": "desk", "queue": "desk",
                              "chain": [{"type": "round-robin"}, {"type": "round-robin"}]}}""")))
                    .containsExactly(problem("rules[0].then.chain",
                            "chain step name 'round-robin' is used twice in the chain"));
        }
    }

    @Nested
    class Validation {
        @Test
        void reportsUnknownFields_everywhere_withWhatWasExpected() {
            String json = desk("""
                    {"id": "typo", "when": {"channel": "chat"}, "nte": "x",
                     "then": {"team": "desk", "queue": "desk", "chian": [], "chain": [{"type": "round-robin"}]}}""")
                    .replace("\"capacity\": 2}", "\"capacity\": 2, \"colour\": \"red\"}")
                    .replace("\"rules\":", "\"rulez\": [], \"rules\":");

            assertThat(problemsOf(json)).containsExactly(
                    problem("owners[1].colour", "unknown field of an owner; expected one of [id, kind, languages,"
                            + " regions, skills, capacity, channelCapacity, weight, autoAssign, assignmentCap,"
                            + " hours, dailyCap, wrapUp, presence]"),
                    problem("rules[0].then.chian", "unknown field of a rule's 'then'; expected one of [queue, team,"
                            + " owner, targets, keepEarlierTargets, chain, offer, overflow]"),
                    problem("rules[0].nte", "unknown field of a rule; expected one of [id, when, note, then, hours,"
                            + " afterHours, requires]"),
                    problem("rulez", "unknown section; expected one of [attributes, schedules, owners, teams, queues,"
                            + " identity, classification, responses, router, rules]"));
        }

        @Test
        void reportsWrongTypes() {
            String json = desk("""
                    {"id": 7, "when": {"channel": "chat"}, "then": {"team": "desk", "queue": "desk",
                     "chain": [{"type": "round-robin", "includeBusy": "yes"}]}}""")
                    .replace("\"capacity\": 2}", "\"capacity\": \"two\"}")
                    .replace("\"members\": [\"ana\", \"ben\"]", "\"members\": \"ana\"");

            assertThat(problemsOf(json)).containsExactly(
                    problem("owners[1].capacity", "must be a whole number, was the string 'two'"),
                    problem("teams[0].members", "must be an array, was the string 'ana'"),
                    problem("rules[0].id", "must be a string, was 7"),
                    problem("rules[0].then.chain[0].includeBusy", "must be true or false, was the string 'yes'"));
        }

        @Test
        void aWhenThatIsNotAnObject_isOneProblem() {
            assertThat(problemsOf(desk(toDesk("bookings", "\"scheduling\"")))).containsExactly(
                    problem("rules[0].when", "must be an object, was the string 'scheduling'"));
        }

        @Test
        void reportsUnknownStrategies_andUnknownOptions() {
            assertThat(problemsOf(desk("""
                    {"id": "desk", "when": {"channel": "chat"}, "then": {"team": "desk", "queue": "desk", "chain": [
                      {"type": "telepathy", "strength": 9},
                      {"type": "sticky", "window": "PT2M"},
                      {"type": "weighted-capacity", "seed": 7},
                      {"type": "agent-pick", "pool": "lobby", "deadline": "PT10M", "includeBusy": true}]}}"""))
            ).containsExactly(
                    problem("rules[0].then.chain[0].type", "unknown strategy type 'telepathy'; known types:"
                            + " [round-robin, sticky, skill-based, least-loaded, weighted-capacity, agent-pick,"
                            + " longest-idle, fewest-handled, top-down, preferred, exclude-stale]"),
                    problem("rules[0].then.chain[1].window", "unknown option of sticky; expected one of [type, name,"
                            + " includeBusy, waitWindow, memory]"),
                    problem("rules[0].then.chain[2].seed", "applies only to mode random"),
                    problem("rules[0].then.chain[3].pool", "unknown queue 'lobby'; declared queues: [desk, review]"),
                    problem("rules[0].then.chain[3].includeBusy", "does not apply to agent-pick, which never picks an"
                            + " owner itself"));
        }

        @Test
        void reportsBadStrategyOptions_inTheLibrarysOwnWords() {
            assertThat(problemsOf(desk("""
                    {"id": "desk", "when": {"channel": "chat"}, "then": {"team": "desk", "queue": "desk", "chain": [
                      {"type": "skill-based", "tieBreak": "fastest", "relax": [
                        {"after": "PT5M", "lowerMinimumsBy": 1}, {"after": "PT2M", "lowerMinimumsBy": 2}]},
                      {"type": "least-loaded", "measure": "vibes"},
                      {"type": "weighted-capacity", "mode": "random"},
                      {"type": "agent-pick", "pool": "desk", "deadline": "PT10M", "zone": "Mars/Olympus"}]}}"""))
            ).containsExactly(
                    problem("rules[0].then.chain[0].tieBreak", "must be one of [least-loaded, longest-idle,"
                            + " round-robin], was 'fastest'"),
                    problem("rules[0].then.chain[0].relax[1]", "relaxation step 2 (after 2m) must wait longer than"
                            + " step 1 (after 5m: minimums lowered by 1)"),
                    problem("rules[0].then.chain[1].measure", "must be one of [open-conversations, utilisation],"
                            + " was 'vibes'"),
                    problem("rules[0].then.chain[2].seed", "is required"),
                    problem("rules[0].then.chain[3].zone", "must be a time zone such as Europe/Lisbon or UTC, was"
                            + " 'Mars/Olympus'"));
        }

        @Test
        void reportsRulesPointingAtUnknownTeamsOwnersAndQueues() {
            assertThat(problemsOf(desk("""
                    {"id": "a", "when": {"type": "x"}, "then": {"team": "night-desk", "queue": "desk",
                     "chain": [{"type": "round-robin"}]}}""", """
                    {"id": "b", "when": {"type": "y"}, "then": {"owner": "zed", "queue": "lobby",
                     "chain": [{"type": "round-robin"}]}}""", """
                    {"id": "c", "when": {"type": "z"}, "then": {"team": "desk", "owner": "ana", "queue": "desk",
                     "chain": [{"type": "round-robin"}]}}""", """
                    {"id": "d", "when": {"type": "w"}, "then": {"team": "desk", "queue": "desk"}}""")))
                    .containsExactly(
                            problem("rules[0].then.team", "unknown team 'night-desk'; teams: [desk]"),
                            problem("rules[1].then.queue", "unknown queue 'lobby'; declared queues: [desk, review]"),
                            problem("rules[1].then.owner", "unknown owner 'zed'; owners: [ana, ben]"),
                            problem("rules[2].then", "names a team and an owner; a rule sends to one of them"),
                            problem("rules[3].then.chain", "is needed to choose among the rule's team: for example"
                                    + " [{\"type\": \"round-robin\"}]"));
        }

        @Test
        void reportsDuplicateIds_withWhereTheFirstWas() {
            String json = desk(toDesk("review", "{\"type\": \"x\"}"))
                    .replace("\"owners\": [", "\"owners\": [{\"id\": \"ben\"}, ")
                    .replace("\"queues\": [", "\"queues\": [{\"id\": \"review\", \"sla\": \"PT1H\"}, ")
                    .replace("\"teams\": [", "\"teams\": [{\"id\": \"desk\", \"members\": [\"ana\"]}, ");

            assertThat(problemsOf(json)).containsExactly(
                    problem("owners[2].id", "duplicate owner id 'ben' (first at owners[0].id)"),
                    problem("teams[1].id", "duplicate team id 'desk' (first at teams[0].id)"),
                    problem("queues[2].id", "duplicate queue id 'review' (first at queues[0].id)"),
                    problem("rules[1].id", "duplicate rule id 'review' (first at rules[0].id)"));
        }

        @Test
        void reportsNegativeCapacitiesWeightsAndSkills() {
            String json = desk().replace("\"skills\": {\"billing\": 3}", "\"skills\": {\"billing\": -3}")
                    .replace("\"capacity\": 2, \"channelCapacity\": {\"phone\": 1}, \"weight\": 2",
                            "\"capacity\": -2, \"channelCapacity\": {\"phone\": -1}, \"weight\": -2");

            assertThat(problemsOf(json)).containsExactly(
                    problem("owners[0].skills.billing", "proficiency of skill 'billing' of owner 'ana' must not be"
                            + " negative, was -3"),
                    problem("owners[0].capacity", "capacity of owner 'ana' must not be negative, was -2"),
                    problem("owners[0].channelCapacity.phone", "capacity of owner 'ana' on channel 'phone' must not be"
                            + " negative, was -1"),
                    problem("owners[0].weight", "weight of owner 'ana' must not be negative, was -2"));
        }

        @Test
        void reportsBadDurations() {
            String json = desk("""
                    {"id": "desk", "when": {"channel": "chat"}, "then": {"team": "desk", "queue": "desk", "chain": [
                      {"type": "sticky", "waitWindow": "-PT1M"},
                      {"type": "agent-pick", "pool": "desk", "deadline": "10 minutes"}]}}""")
                    .replace("\"sla\": \"PT15M\"", "\"sla\": \"PT0S\"").replace("\"sla\": \"PT4H\"", "\"sla\": \"4h\"");

            assertThat(problemsOf(json)).containsExactly(
                    problem("queues[0].sla", "must be positive, was PT0S"),
                    problem("queues[1].sla", "must be an ISO-8601 duration such as PT5M or PT1H30M, was '4h'"),
                    problem("rules[0].then.chain[0].waitWindow", "must be zero or more, was -PT1M"),
                    problem("rules[0].then.chain[1].deadline", "must be an ISO-8601 duration such as PT5M or"
                            + " PT1H30M, was '10 minutes'"));
        }

        @Test
        void reportsConditionsOnUnknownFields_andOperatorsThatDoNotFit() {
            assertThat(problemsOf(desk(
                    toDesk("a", "{\"regoin\": \"emea\"}"),
                    toDesk("b", "{\"region\": {\"gt\": 3}, \"fitScore\": \"high\", \"vip\": [true]}"),
                    toDesk("c", "{\"fitScore\": {\"between\": [1, 2], \"gte\": \"70\"}, \"priority\": \"asap\"}"))))
                    .containsExactly(
                            problem("rules[0].when.regoin", "unknown field; conditions take [channel, language,"
                                    + " priority, region, tags, type, vip] and the declared attributes [confidence,"
                                    + " offer, fitTier, fitScore]"),
                            problem("rules[1].when.region.gt", "'gt' does not apply to region, which is text: use eq"
                                    + " or in"),
                            problem("rules[1].when.fitScore", "'eq' does not apply to fitScore, which is a number: use"
                                    + " gt, gte, lt or lte"),
                            problem("rules[1].when.vip", "'in' does not apply to vip, which is true or false: use eq"),
                            problem("rules[2].when.fitScore.between", "unknown operator; expected one of [eq, in, gt,"
                                    + " gte, lt, lte]"),
                            problem("rules[2].when.fitScore.gte", "must be a number, was the string '70'"),
                            problem("rules[2].when.priority", "priority must be one of [low, normal, high, urgent],"
                                    + " was 'asap'"));
        }

        @Test
        void reportsAttributesThatShadowConversationFields() {
            String json = desk().replace("\"fitScore\": \"number\"",
                    "\"fitScore\": \"decimal\", \"region\": \"text\", \"confidence\": \"number\"");

            assertThat(problemsOf(json)).containsExactly(
                    problem("attributes.fitScore", "must be \"text\" or \"number\", was 'decimal'"),
                    problem("attributes.region", "is a field every conversation has; declare only free attributes"),
                    problem("attributes.confidence", "is a field every conversation has once classified (a number);"
                            + " declare only free attributes"));
        }

        @Test
        void theLastRuleMustSendWhatNothingMatchedToReview_andNoEarlierRuleMayCatchEverything() {
            String json = desk("""
                    {"id": "everything", "then": {"queue": "desk"}}""")
                    .replace("{\"id\": \"review\", \"then\": {\"queue\": \"review\"}}",
                            "{\"id\": \"review\", \"when\": {\"type\": \"x\"}, \"then\": {\"queue\": \"review\"}}");

            assertThat(problemsOf(json)).containsExactly(
                    problem("rules[0]", "has no conditions, so it matches every conversation and the rules after it"
                            + " never apply"),
                    problem("rules[1]", "the last rule sends every conversation no other rule matched to review: it"
                            + " takes no 'when', and its 'then' names only a 'queue'"));
        }

        @Test
        void reportsMissingSections_andEmptyRules() {
            assertThat(problemsOf("{\"rules\": []}")).containsExactly(
                    problem("owners", "is required"),
                    problem("queues", "is required"),
                    problem("rules", "must not be empty: the last rule sends what no rule matched to review"));
            assertThat(problemsOf("[]")).containsExactly(problem("$", "must be an object, was an array"));
        }

        @Test
        void reportsJsonSyntaxErrors_andDuplicateKeys_atTheirPath() {
            assertThat(problemsOf("{\"owners\": [ }")).containsExactly(problem("owners[0]", "is not valid JSON:"
                    + " Unexpected close marker '}': expected ']' (for Array starting at [line: 1, column: 12])"
                    + " (line 1, column 14)"));
            assertThat(problemsOf("{\"owners\": [{\"id\": \"ana\", \"id\": \"ben\"}]}")).containsExactly(
                    problem("owners[0].id", "is not valid JSON: Duplicate field 'id' (line 1, column 31)"));
            assertThat(problemsOf(" ")).containsExactly(problem("$", "is empty"));
        }

        @Test
        void listsEveryProblemAtOnce_inTheMessageToo() {
            String json = desk(toDesk("a", "{\"regoin\": \"emea\"}")).replace("\"sla\": \"PT4H\"", "\"sla\": \"4h\"")
                    .replace("\"capacity\": 2}", "\"capacity\": -1}");

            assertThatThrownBy(() -> RoutingConfig.load(json)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("""
                            the routing configuration has 3 problems:
                              owners[1].capacity: capacity of owner 'ben' must not be negative, was -1
                              queues[1].sla: must be an ISO-8601 duration such as PT5M or PT1H30M, was '4h'
                              rules[0].when.regoin: unknown field; conditions take [channel, language, priority,\
                             region, tags, type, vip] and the declared attributes [confidence, offer, fitTier,\
                             fitScore]""");
        }
    }

    @Nested
    class Reloading {
        private final String before = desk(toDesk("bookings", "{\"type\": \"scheduling\"}"));
        private final String after = desk("""
                {"id": "bookings-to-ben", "when": {"type": "scheduling"},
                 "then": {"owner": "ben", "queue": "desk", "chain": [{"type": "round-robin"}]}}""");

        @Test
        void newRulesTakeEffect_whileOwnershipAndQueuesAreKept() {
            Router router = router(RoutingConfig.load(before));
            router.route(conversation("booked").type("scheduling").build());
            router.route(conversation("question").type("pricing").build());

            router.replacePlan(RoutingConfig.load(after).plan());
            Decision next = router.route(conversation("next").type("scheduling").build());

            assertThat(router.placement("booked")).hasValueSatisfying(placement ->
                    assertThat(((Placement.Owned) placement).ownerId()).isEqualTo("ana"));
            assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("question");
            assertThat(next).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ben"));
            assertThat(ruleOf(next)).isEqualTo("bookings-to-ben");
        }

        @Test
        void aBadDocumentChangesNothing() {
            Router router = router(RoutingConfig.load(before));
            String unknownOwner = after.replace("\"owner\": \"ben\"", "\"owner\": \"zed\"");

            assertThatThrownBy(() -> router.replacePlan(RoutingConfig.load(unknownOwner).plan()))
                    .isInstanceOf(ConfigException.class);

            assertThat(router.plan().rules()).extracting(Rule::name).containsExactly("bookings", "review");
            assertThat(ruleOf(router.route(conversation("c1").type("scheduling").build()))).isEqualTo("bookings");
        }

        @Test
        void theRosterIsLiveState_soReloadingLeavesItAlone() {
            Router router = router(RoutingConfig.load(before));
            router.setCapacity("ana", Capacity.of(5));

            router.replacePlan(RoutingConfig.load(after.replace("\"capacity\": 2}", "\"capacity\": 9}")).plan());

            assertThat(router.ownerStatus("ana").owner().capacity().total()).isEqualTo(5);
            assertThat(router.ownerStatus("ben").owner().capacity().total()).isEqualTo(2);
        }
    }

    @Nested
    class WritingBack {
        private final String json = desk(toDesk("hot", "{\"fitScore\": {\"gte\": 70.50}, \"region\": [\"emea\"]}"))
                .replace("\"rules\":", "\"classification\": {\"minConfidence\": 0.6, \"types\": [{\"type\":"
                        + " \"scheduling\", \"keywords\": [\"book\"]}]},\n  \"rules\":");

        @Test
        void whatIsWrittenLoadsBackEqual() {
            RoutingConfig config = RoutingConfig.load(json);

            RoutingConfig again = RoutingConfig.load(config.write());

            assertThat(again).isEqualTo(config).hasSameHashCodeAs(config);
            assertThat(again.write()).isEqualTo(config.write());
            assertThat(again.plan().rules()).extracting(Rule::name).containsExactly("low-confidence", "hot", "review");
        }

        @Test
        void numbersAreWrittenAsTheyWereRead() {
            RoutingConfig config = RoutingConfig.load(desk(toDesk("scores",
                    "{\"fitScore\": {\"gte\": 70.0, \"lt\": 1E+3}}")));

            assertThat(config.write()).contains("\"gte\": 70.0,").contains("\"lt\": 1E+3");
            assertThat(RoutingConfig.load(config.write())).isEqualTo(config);
        }

        @Test
        void differentDocumentsAreNotEqual() {
            assertThat(RoutingConfig.load(json)).isNotEqualTo(RoutingConfig.load(json.replace("70.50", "71")));
        }

        @Test
        void writesToAFile(@TempDir Path directory) {
            Path file = directory.resolve("stored.json");
            RoutingConfig config = RoutingConfig.load(json);

            config.write(file);

            assertThat(RoutingConfig.load(file)).isEqualTo(config);
        }

        @Test
        void writesTwoSpaceIndentedJson_withTheFieldsInDocumentOrder() {
            String written = RoutingConfig.load(desk()).write();

            assertThat(written).startsWith("""
                    {
                      "attributes": {
                        "offer": "text",
                        "fitTier": "text",
                        "fitScore": "number"
                      },
                      "owners": [
                        {
                          "id": "ana",
                    """).endsWith("}\n");
        }
    }

    @Test
    void aRouterFromAConfigurationStartsEveryOwnerOnline_byDefault() {
        Router router = router(RoutingConfig.load(desk()));

        assertThat(router.roster()).extracting(status -> status.presence().name()).containsOnly("ONLINE");
    }
}
