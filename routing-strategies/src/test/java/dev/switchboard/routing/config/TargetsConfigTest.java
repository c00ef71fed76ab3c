package dev.switchboard.routing.config;

import static dev.switchboard.routing.config.Documents.problem;
import static dev.switchboard.routing.config.Documents.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.Targets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule's ordered {@code targets} in the JSON configuration: read into the rule's {@link Targets}, refused when bad. */
class TargetsConfigTest {

    private static String withThen(String then) {
        return """
                {
                  "owners": [{"id": "ana"}, {"id": "ben"}, {"id": "cy"}],
                  "teams": [{"id": "tier-one", "members": ["ana", "ben"]}],
                  "queues": [{"id": "support", "sla": "PT10M"}, {"id": "review", "sla": "PT1H"}],
                  "rules": [
                    {"id": "support", "when": {"type": "billing"},
                     "then": %s},
                    {"id": "review", "then": {"queue": "review"}}
                  ]
                }
                """.formatted(then);
    }

    @Test
    void readsTheTargetsInOrder_withTheirTimeouts_andWhetherEarlierOnesAreKept() {
        RoutingConfig config = RoutingConfig.load(withThen("""
                {"queue": "support", "chain": [{"type": "round-robin"}], "keepEarlierTargets": true,
                 "targets": [{"team": "tier-one", "timeout": "PT30S"},
                             {"owners": ["cy"], "timeout": "PT1M", "skipWhenNoneAvailable": true},
                             {"owners": ["ana", "cy"]}]}"""));

        assertThat(config.plan().rules().get(0).targets()).isEqualTo(Targets.builder()
                .then(Duration.ofSeconds(30), "ana", "ben")
                .then(new Targets.Target(Set.of("cy"), Duration.ofMinutes(1), true))
                .then(Bounds.MAX_DURATION, "ana", "cy")
                .keepEarlier().build());
        assertThat(config.plan().rules().get(1).targets()).isEqualTo(Targets.NONE);
    }

    @Test
    void badTargetsAreRefusedAtTheirPath() {
        assertThat(problemsOf(withThen("""
                {"queue": "support", "team": "tier-one", "chain": [{"type": "round-robin"}],
                 "targets": [{"owners": ["zed"]}, {"team": "tier-one", "owners": ["cy"], "colour": 1}, {}]}""")))
                .containsExactly(
                        problem("rules[0].then.targets[0].owners[0]", "unknown owner 'zed'; owners: [ana, ben, cy]"),
                        problem("rules[0].then.targets[0].timeout", "is required"),
                        problem("rules[0].then.targets[1]",
                                "names its owners by a 'team' or a list of 'owners', one of them"),
                        problem("rules[0].then.targets[1].timeout", "is required"),
                        problem("rules[0].then.targets[1].colour", "unknown field of a target; expected one of"
                                + " [team, owners, timeout, skipWhenNoneAvailable]"),
                        problem("rules[0].then.targets[2]",
                                "names its owners by a 'team' or a list of 'owners', one of them"),
                        problem("rules[0].then.targets", "name the rule's owners; leave out its 'team' and 'owner'"));
        assertThat(problemsOf(withThen("{\"queue\": \"support\", \"targets\": [{\"owners\": [\"cy\"]}],"
                + " \"keepEarlierTargets\": false}"))).containsExactly(problem("rules[0].then.chain",
                "is needed to choose among the rule's targets: for example [{\"type\": \"round-robin\"}]"));
    }
}
