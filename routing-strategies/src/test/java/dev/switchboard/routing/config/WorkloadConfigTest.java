package dev.switchboard.routing.config;

import static dev.switchboard.routing.config.Documents.NOW;
import static dev.switchboard.routing.config.Documents.conversation;
import static dev.switchboard.routing.config.Documents.problem;
import static dev.switchboard.routing.config.Documents.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.DailyCap;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.strategy.ExcludeStale;
import dev.switchboard.routing.strategy.FewestHandled;
import dev.switchboard.routing.strategy.LongestIdle;
import dev.switchboard.routing.strategy.PreferredOwners;
import dev.switchboard.routing.strategy.SkillBased;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import dev.switchboard.routing.strategy.TopDown;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The everyday measures in JSON: owners' daily caps and wrap-up, the router's default wrap-up and serve order, rules'
 * requirements, and the strategies longest-idle, fewest-handled, top-down, preferred and exclude-stale, sticky's
 * memory and skill-based's orderBy.
 */
class WorkloadConfigTest {

    /** Two agents, one queue, and {@code %s} as the chain of the rule that takes everything but reviews. */
    private static final String DOCUMENT = """
            {
              "owners": [
                {"id": "ana", "languages": ["es"], "skills": {"billing": 5, "tech": 1}, "capacity": 1,
                 "dailyCap": {"limit": 40, "zone": "Europe/Lisbon"}, "wrapUp": "PT30S"},
                {"id": "ben", "languages": ["en"], "skills": {"billing": 5, "tech": 3}, "capacity": 1}
              ],
              "queues": [{"id": "desk", "sla": "PT15M"}, {"id": "stale", "sla": "PT8H"},
                         {"id": "review", "sla": "PT4H"}],
              "router": {"wrapUp": "PT1M", "serveBy": "last-activity"},
              "rules": [
                {"id": "desk", "when": {"channel": "chat"}, "requires": ["language"],
                 "then": {"queue": "desk", "chain": %s}},
                {"id": "review", "then": {"queue": "review"}}
              ]
            }
            """;

    private static String document(String chain) {
        return DOCUMENT.formatted(chain);
    }

    private static Rule deskRule(RoutingConfig config) {
        return config.plan().rules().get(0);
    }

    @Nested
    class OwnersRulesAndTheRouter {

        private final RoutingConfig config = RoutingConfig.load(document("[{\"type\": \"longest-idle\"}]"));

        @Test
        void ownersHaveTheirDailyCapAndWrapUp() {
            Owner ana = config.owners().get(0);

            assertThat(ana.dailyCap()).contains(new DailyCap(40, ZoneId.of("Europe/Lisbon")));
            assertThat(ana.wrapUp()).contains(Duration.ofSeconds(30));
            assertThat(config.owners().get(1).wrapUp()).isEmpty();
        }

        @Test
        void aRuleRequiresWhatItNames_soEvenLongestIdleGivesASpanishConversationToTheSpanishSpeaker() {
            Router router = Documents.router(config);

            Decision decision = router.route(conversation("c1").language("es").build());

            assertThat(deskRule(config).requires()).containsExactly(Rule.Requirement.LANGUAGE);
            assertThat(((Decision.Assigned) decision).ownerId()).isEqualTo("ana");
        }

        @Test
        void theRoutersWrapUpHoldsBackOwnersWithoutTheirOwn() {
            ManualClock clock = new ManualClock(NOW);
            Router router = config.routerBuilder().clock(clock).build();
            router.route(conversation("c1").language("en").build());
            router.release("c1");

            Decision held = router.route(conversation("c2").language("en").build());
            clock.advance(Duration.ofMinutes(1));
            router.tick();

            assertThat(held.trace().explain()).contains("ben is wrapping up its last conversation until"
                    + " 2026-03-02T09:01:00Z");
            assertThat(router.placement("c2").orElseThrow()).isInstanceOf(Placement.Owned.class);
        }
    }

    @Nested
    class Strategies {

        @Test
        void eachNewTypeIsReadWithItsOptions() {
            RoutingConfig config = RoutingConfig.load(document("""
                    [{"type": "exclude-stale", "olderThan": "PT24H", "queue": "stale"},
                     {"type": "preferred", "wait": "PT2M"},
                     {"type": "sticky", "memory": "primary-then-last"},
                     {"type": "top-down", "order": ["ben", "ana"]},
                     {"type": "fewest-handled", "window": "PT1H", "name": "fewest-hour"},
                     {"type": "fewest-handled", "window": "today", "zone": "Asia/Tokyo"},
                     {"type": "longest-idle", "includeBusy": true},
                     {"type": "skill-based", "orderBy": [{"skill": "billing"}, {"skill": "tech", "first": "lowest"}]}]
                    """));

            assertThat(deskRule(config).chain()).extracting(step -> step.name()).containsExactly("exclude-stale",
                    "preferred", "sticky", "top-down", "fewest-hour", "fewest-handled", "longest-idle",
                    "skill-based");
            assertThat(deskRule(config).chain()).extracting(step -> (Object) step.getClass()).containsExactly(
                    ExcludeStale.class, PreferredOwners.class, StickyPreviousOwner.class, TopDown.class,
                    FewestHandled.class, FewestHandled.class, LongestIdle.class, SkillBased.class);
            assertThat(deskRule(config).chain().get(5).completionWindow()).isEqualTo(Duration.ofHours(26));
        }

        @Test
        void orderBySkillsDecides_theHighestBillingThenTheLowestTech() {
            RoutingConfig config = RoutingConfig.load(document("""
                    [{"type": "skill-based", "orderBy": [{"skill": "billing"}, {"skill": "tech", "first": "lowest"}]}]
                    """).replace("\"requires\": [\"language\"], ", ""));

            Decision decision = Documents.router(config).route(conversation("c1").requires("billing", 1).build());

            assertThat(((Decision.Assigned) decision).ownerId()).isEqualTo("ana");
        }

        @Test
        void topDownStartsFromTheTopOfItsOrder() {
            RoutingConfig config = RoutingConfig.load(document("[{\"type\": \"top-down\", \"order\": [\"ben\","
                    + " \"ana\"]}]").replace("\"requires\": [\"language\"], ", ""));

            Decision decision = Documents.router(config).route(conversation("c1").build());

            assertThat(((Decision.Assigned) decision).ownerId()).isEqualTo("ben");
        }
    }

    @Nested
    class Problems {

        @Test
        void badValuesAreReportedAtTheirPaths() {
            String json = document("""
                    [{"type": "exclude-stale", "olderThan": "PT0S", "queue": "nowhere", "includeBusy": true},
                     {"type": "top-down", "order": ["ben", "carla"]},
                     {"type": "fewest-handled", "window": "PT30H"},
                     {"type": "fewest-handled", "name": "f2", "window": "PT1H", "zone": "UTC"},
                     {"type": "sticky", "memory": "forever"},
                     {"type": "skill-based", "orderBy": [{"skill": "billing", "first": "middle"}]}]
                    """).replace("\"requires\": [\"language\"]", "\"requires\": [\"mood\"]")
                    .replace("\"wrapUp\": \"PT30S\"", "\"wrapUp\": \"-PT30S\"")
                    .replace("\"zone\": \"Europe/Lisbon\"", "\"zone\": \"Mars/Olympus\"")
                    .replace("\"serveBy\": \"last-activity\"", "\"serveBy\": \"mood\"");

            assertThat(problemsOf(json)).containsExactlyInAnyOrder(
                    problem("owners[0].dailyCap.zone", "must be a time zone such as Europe/Lisbon or UTC, was"
                            + " 'Mars/Olympus'"),
                    problem("owners[0].wrapUp", "must be zero or more, was -PT30S"),
                    problem("router.serveBy", "must be one of [creation, last-activity], was 'mood'"),
                    problem("rules[0].requires[0]", "must be \"language\", \"region\" or \"skills\", was 'mood'"),
                    problem("rules[0].then.chain[0].olderThan", "must be positive, was PT0S"),
                    problem("rules[0].then.chain[0].queue", "unknown queue 'nowhere'; declared queues: [desk, stale,"
                            + " review]"),
                    problem("rules[0].then.chain[0].includeBusy", "does not apply to exclude-stale, which never picks"
                            + " an owner itself"),
                    problem("rules[0].then.chain[1].order[1]", "unknown owner 'carla'; owners: [ana, ben]"),
                    problem("rules[0].then.chain[2].window", "window must be at most 26h, was 30h"),
                    problem("rules[0].then.chain[3].zone", "applies only to the window \"today\""),
                    problem("rules[0].then.chain[4].memory", "must be one of [last, primary-then-last], was"
                            + " 'forever'"),
                    problem("rules[0].then.chain[5].orderBy[0].first", "must be one of [highest, lowest], was"
                            + " 'middle'"));
        }

        @Test
        void theDefaultsApplyWithoutTheNewKeys() {
            RoutingConfig config = RoutingConfig.load(Documents.desk());

            assertThat(config.owners()).allSatisfy(owner -> {
                assertThat(owner.dailyCap()).isEmpty();
                assertThat(owner.wrapUp()).isEmpty();
            });
            assertThat(config.plan().rules()).allSatisfy(rule -> assertThat(rule.requires()).isEqualTo(Set.of()));
        }
    }
}
