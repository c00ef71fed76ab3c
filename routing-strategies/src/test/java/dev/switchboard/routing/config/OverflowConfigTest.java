package dev.switchboard.routing.config;

import static dev.switchboard.routing.config.Documents.NOW;
import static dev.switchboard.routing.config.Documents.conversation;
import static dev.switchboard.routing.config.Documents.problem;
import static dev.switchboard.routing.config.Documents.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Overflow;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A rule's and a queue's {@code overflow} in the JSON configuration: read into the rule's and the queue's
 * {@link Overflow}s, written back alike, and refused when bad.
 */
class OverflowConfigTest {

    private static String withOverflow(String overflow) {
        return """
                {
                  "owners": [{"id": "ana", "capacity": 1}, {"id": "ben", "capacity": 1}],
                  "teams": [{"id": "billing", "members": ["ana"]}, {"id": "front-line", "members": ["ben"]}],
                  "queues": [{"id": "billing", "sla": "PT10M"}, {"id": "front-line", "sla": "PT10M"},
                             {"id": "review", "sla": "PT1H"}],
                  "rules": [
                    {"id": "billing", "when": {"type": "billing"},
                     "then": {"team": "billing", "queue": "billing", "chain": [{"type": "round-robin"}],
                              "overflow": %s}},
                    {"id": "front-line", "when": {"type": "general"},
                     "then": {"team": "front-line", "queue": "front-line", "chain": [{"type": "round-robin"}]}},
                    {"id": "review", "then": {"queue": "review"}}
                  ]
                }
                """.formatted(overflow);
    }

    @Test
    void readsEachTriggerAndAction_inOrder() {
        RoutingConfig config = RoutingConfig.load(withOverflow("""
                [{"after": "PT2M", "moveTo": "front-line"},
                 {"queueHolds": 5, "raisePriority": true},
                 {"after": "PT10M", "reclassify": {"type": "general"}},
                 {"nobodyLoggedIn": true, "sendToReview": "review"}]"""));

        assertThat(config.plan().rules().get(0).overflow()).containsExactly(
                Overflow.after(Duration.ofMinutes(2)).moveTo("front-line"),
                Overflow.whenQueueHolds(5).raisePriority(),
                Overflow.after(Duration.ofMinutes(10)).reclassify("type", "general"),
                Overflow.whenNobodyLoggedIn().sendToReview("review"));
        assertThat(config.plan().rules().get(1).overflow()).isEmpty();
        assertThat(RoutingConfig.load(config.write())).isEqualTo(config);
    }

    @Test
    void aRouterBuiltFromTheDocument_overflowsAsTheDocumentSays() {
        ManualClock clock = new ManualClock(NOW);
        Router router = RoutingConfig.load(withOverflow("[{\"after\": \"PT2M\", \"moveTo\": \"front-line\"}]"))
                .routerBuilder().clock(clock).build();
        router.route(conversation("c1").type("billing").createdAt(NOW).build());
        router.route(conversation("c2").type("billing").createdAt(NOW).build());

        clock.advance(Duration.ofMinutes(2));
        router.tick();

        assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                owned -> assertThat(owned.ownerId()).isEqualTo("ben"));
    }

    @Test
    void badPoliciesAreRefusedAtTheirPath() {
        assertThat(problemsOf(withOverflow("""
                [{"after": "PT2M"},
                 {"queueHolds": 0, "moveTo": "nowhere", "colour": "red"},
                 {"nobodyLoggedIn": false, "after": "PT1M", "sendToReview": "limbo", "raisePriority": true},
                 {"after": "PT1M", "reclassify": {"type": "a", "tags": "b"}}]""")))
                .containsExactly(
                        problem("rules[0].then.overflow[0]", "needs exactly one action, 'moveTo', 'moveToQueue',"
                                + " 'raisePriority', 'reclassify' or 'sendToReview'; had 0"),
                        problem("rules[0].then.overflow[1].queueHolds",
                                "overflow queue length must be at least 1, was 0"),
                        problem("rules[0].then.overflow[1].colour", "unknown field of an overflow policy; expected"
                                + " one of [after, queueHolds, nobodyLoggedIn, moveTo, moveToQueue, raisePriority,"
                                + " reclassify, sendToReview]"),
                        problem("rules[0].then.overflow[1]", "needs exactly one trigger, 'after', 'queueHolds' or"
                                + " 'nobodyLoggedIn'; had 0"),
                        problem("rules[0].then.overflow[2].nobodyLoggedIn", "must be true, or left out"),
                        problem("rules[0].then.overflow[2]", "needs exactly one action, 'moveTo', 'moveToQueue',"
                                + " 'raisePriority', 'reclassify' or 'sendToReview'; had 2"),
                        problem("rules[0].then.overflow[3].reclassify", "sets one field, such as"
                                + " {\"type\": \"refund\"}, had 2"),
                        problem("rules[0].then.overflow[3]", "needs exactly one action, 'moveTo', 'moveToQueue',"
                                + " 'raisePriority', 'reclassify' or 'sendToReview'; had 0"),
                        problem("rules[0].then.overflow[1].moveTo",
                                "unknown rule 'nowhere'; rules: [billing, front-line, review]"),
                        problem("rules[0].then.overflow[2].sendToReview",
                                "unknown queue 'limbo'; declared queues: [billing, front-line, review]"));
    }

    private static String withQueueOverflow(String billing, String review) {
        return """
                {
                  "owners": [{"id": "ana", "capacity": 1}, {"id": "ben", "capacity": 1}],
                  "teams": [{"id": "billing", "members": ["ana"]}, {"id": "front-line", "members": ["ben"]}],
                  "queues": [{"id": "billing", "sla": "PT10M", "overflow": %s},
                             {"id": "review", "sla": "PT1H", "overflow": %s},
                             {"id": "front-line", "sla": "PT15M"}],
                  "rules": [
                    {"id": "billing", "when": {"type": "billing"},
                     "then": {"team": "billing", "queue": "billing", "chain": [{"type": "round-robin"}],
                              "overflow": [{"after": "PT1M", "raisePriority": true}]}},
                    {"id": "front-line", "when": {"type": "general"},
                     "then": {"team": "front-line", "queue": "front-line", "chain": [{"type": "round-robin"}]}},
                    {"id": "review", "then": {"queue": "review"}}
                  ]
                }
                """.formatted(billing, review);
    }

    @Test
    void readsAQueuesPolicies_naming_queuesDeclaredLater_andWritesThemBack() {
        RoutingConfig config = RoutingConfig.load(withQueueOverflow("""
                [{"after": "PT2M", "moveToQueue": "front-line"}, {"nobodyLoggedIn": true, "sendToReview": "review"}]""",
                "[{\"queueHolds\": 10, \"moveTo\": \"front-line\"}]"));

        assertThat(config.plan().queues().get(0).overflow()).containsExactly(
                Overflow.after(Duration.ofMinutes(2)).moveToQueue("front-line"),
                Overflow.whenNobodyLoggedIn().sendToReview("review"));
        assertThat(config.plan().queues().get(1).overflow())
                .containsExactly(Overflow.whenQueueHolds(10).moveTo("front-line"));
        assertThat(config.plan().queues().get(2).overflow()).isEmpty();
        assertThat(RoutingConfig.load(config.write())).isEqualTo(config);
    }

    @Test
    void aRouterBuiltFromTheDocument_triesTheRulesPolicyFirst_thenTheQueues() {
        ManualClock clock = new ManualClock(NOW);
        Router router = RoutingConfig.load(withQueueOverflow("[{\"after\": \"PT1M\", \"moveToQueue\":"
                + " \"front-line\"}]", "[]")).routerBuilder().clock(clock).build();
        router.route(conversation("c1").type("billing").createdAt(NOW).build());
        router.route(conversation("c2").type("billing").createdAt(NOW).build());

        clock.advance(Duration.ofMinutes(1));
        router.tick();
        assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Waiting.class,
                waiting -> assertThat(waiting.entry().conversation().priority()).isEqualTo(Priority.HIGH));
        router.tick();

        assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                owned -> assertThat(owned.ownerId()).isEqualTo("ben"));
    }

    @Test
    void aQueuesBadPolicies_areRefusedAtTheirPath() {
        assertThat(problemsOf(withQueueOverflow("""
                [{"after": "PT1M", "moveToQueue": "billing"}, {"after": "PT1M", "moveToQueue": "limbo"},
                 {"after": "PT1M", "moveTo": "nowhere"}]""", "[{\"after\": \"PT1M\"}]")))
                .containsExactly(
                        problem("queues[0].overflow[0].moveToQueue",
                                "is the queue its conversations already wait in, was 'billing'"),
                        problem("queues[1].overflow[0]", "needs exactly one action, 'moveTo', 'moveToQueue',"
                                + " 'raisePriority', 'reclassify' or 'sendToReview'; had 0"),
                        problem("queues[0].overflow[2].moveTo",
                                "unknown rule 'nowhere'; rules: [billing, front-line, review]"),
                        problem("queues[0].overflow[1].moveToQueue",
                                "unknown queue 'limbo'; declared queues: [billing, review, front-line]"));
    }

    @Test
    void aRulesPolicyMovingToItsOwnQueue_isRefusedAtItsPath() {
        assertThat(problemsOf(withOverflow("[{\"after\": \"PT1M\", \"moveToQueue\": \"billing\"}]")))
                .containsExactly(problem("rules[0].then.overflow[0].moveToQueue",
                        "is the queue its conversations already wait in, was 'billing'"));
    }
}
