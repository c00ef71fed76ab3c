package dev.switchboard.routing.config;

import static dev.switchboard.routing.config.Documents.NOW;
import static dev.switchboard.routing.config.Documents.conversation;
import static dev.switchboard.routing.config.Documents.problem;
import static dev.switchboard.routing.config.Documents.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.Router;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A rule's {@code offer} in the JSON configuration: read into the rule's {@link OfferPolicy}, and refused when bad. */
class OfferConfigTest {

    private static String withOffer(String offer) {
        return """
                {
                  "owners": [{"id": "ana", "capacity": 2}, {"id": "ben", "capacity": 2}, {"id": "cy", "capacity": 2}],
                  "teams": [{"id": "desk", "members": ["ana", "ben", "cy"]}],
                  "queues": [{"id": "desk", "sla": "PT10M"}, {"id": "review", "sla": "PT1H"}],
                  "rules": [
                    {"id": "desk", "when": {"type": "billing"},
                     "then": {"team": "desk", "queue": "desk", "chain": [{"type": "round-robin"}], "offer": %s}},
                    {"id": "review", "then": {"queue": "review"}}
                  ]
                }
                """.formatted(offer);
    }

    @Test
    void readsTheTimeoutTheRingAndWhenToReview() {
        RoutingConfig config = RoutingConfig.load(withOffer(
                "{\"timeout\": \"PT30S\", \"ring\": 2, \"reviewAfter\": 3, \"reviewQueue\": \"review\"}"));

        assertThat(config.plan().rules().get(0).offer()).contains(new OfferPolicy(Duration.ofSeconds(30), 2, 3,
                Optional.of("review")));
        assertThat(config.plan().rules().get(1).offer()).isEmpty();
    }

    @Test
    void ringAllOffersEveryOwnerOfTheTeam() {
        ManualClock clock = new ManualClock(NOW);
        Router router = RoutingConfig.load(withOffer("{\"timeout\": \"PT1M\", \"ring\": \"all\"}")).routerBuilder()
                .clock(clock).build();

        Decision decision = router.route(conversation("c1").type("billing").createdAt(NOW).build());

        assertThat(decision).isInstanceOfSatisfying(Decision.Offered.class,
                offered -> assertThat(offered.ownerIds()).containsExactly("ana", "ben", "cy"));
    }

    @Test
    void badOffersAreRefusedAtTheirPath() {
        assertThat(problemsOf(withOffer("{\"ring\": 0, \"colour\": \"red\"}"))).containsExactly(
                problem("rules[0].then.offer.timeout", "is required"),
                problem("rules[0].then.offer.ring", "offer ring must be at least 1, was 0"),
                problem("rules[0].then.offer.colour", "unknown field of a rule's 'offer'; expected one of"
                        + " [timeout, ring, reviewAfter, reviewQueue]"));
        assertThat(problemsOf(withOffer("{\"timeout\": \"PT1M\", \"ring\": \"some\", \"reviewAfter\": 2}")))
                .containsExactly(
                        problem("rules[0].then.offer.ring", "must be a number of owners or \"all\", was 'some'"),
                        problem("rules[0].then.offer", "'reviewAfter' and 'reviewQueue' go together: after that many"
                                + " declines and expiries the conversation waits in that queue for review"));
        assertThat(problemsOf(withOffer("{\"timeout\": \"PT1M\", \"reviewAfter\": 2, \"reviewQueue\": \"nope\"}")))
                .containsExactly(problem("rules[0].then.offer.reviewQueue",
                        "unknown queue 'nope'; declared queues: [desk, review]"));
    }
}
