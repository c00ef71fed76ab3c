package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A realistic chain, sticky previous owner → skill-based → weighted-capacity → manual-review queue, through the real
 * router: one test per path through it, each asserting who decided and why every earlier step passed.
 */
class ComposedChainTest {

    private final ManualClock clock = new ManualClock(Fixtures.NOW);

    /** Billing specialist ana; generalists ben (reception limit 100) and cy (limit 200). */
    private Router router() {
        return Router.builder().clock(clock)
                .owner(Owner.agent("ana").skill("billing", 4).languages("en").capacity(2).weight(100).build())
                .owner(Owner.agent("ben").languages("en").capacity(2).weight(100).build())
                .owner(Owner.agent("cy").languages("en").capacity(2).weight(200).build())
                .chain(new StickyPreviousOwner(), SkillBased.builder().build(), new WeightedCapacity())
                .fallbackQueue("manual-review", Duration.ofHours(2))
                .build();
    }

    private Conversation conversation(String id, String customer, String... skills) {
        Conversation.Builder builder = Conversation.builder(id).customer(customer).channel("email")
                .createdAt(clock.instant());
        for (String skill : skills) {
            builder.requires(skill, 3);
        }
        return builder.build();
    }

    private static List<String> stepNames(Decision decision) {
        return decision.trace().steps().stream().map(Trace.Step::strategy).toList();
    }

    private static PassReason passCode(Decision decision, int step) {
        return ((Verdict.Pass) decision.trace().steps().get(step).verdict()).code();
    }

    @Test
    void aReturningCustomer_isDecidedBySticky_inOneStep() {
        Router router = router();
        router.route(conversation("c1", "maria", "billing"));
        router.release("c1");

        Decision decision = router.route(conversation("c2", "maria"));

        assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class, assigned -> {
            assertThat(assigned.ownerId()).isEqualTo("ana");
            assertThat(assigned.strategy()).isEqualTo("sticky");
        });
        assertThat(decision.trace().explain())
                .isEqualTo("1. sticky assigned ana: returning customer maria goes back to previous owner ana");
    }

    @Test
    void aNewCustomerWithASkillNeed_passesSticky_andIsDecidedBySkills() {
        Decision decision = router().route(conversation("c1", "maria", "billing"));

        assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class,
                assigned -> assertThat(assigned.ownerId()).isEqualTo("ana"));
        assertThat(stepNames(decision)).containsExactly("sticky", "skill-based");
        assertThat(passCode(decision, 0)).isEqualTo(PassReason.NOT_APPLICABLE);
        assertThat(decision.trace().explain())
                .startsWith("1. sticky passed (not applicable): customer maria has no remembered previous owner")
                .contains("2. skill-based assigned ana: best skill match (score 4)");
    }

    @Test
    void aNeedNobodyHas_fallsToWeightedCapacity_whichSharesByReceptionLimit() {
        Router router = router();

        List<String> owners = List.of(
                ((Decision.Assigned) router.route(conversation("c1", "u1", "german"))).ownerId(),
                ((Decision.Assigned) router.route(conversation("c2", "u2", "german"))).ownerId(),
                ((Decision.Assigned) router.route(conversation("c3", "u3", "german"))).ownerId());

        assertThat(owners).containsExactlyInAnyOrder("ana", "ben", "cy").doesNotHaveDuplicates();
        Decision fourth = router.route(conversation("c4", "u4", "german"));
        assertThat(fourth).isInstanceOfSatisfying(Decision.Assigned.class,
                assigned -> assertThat(assigned.ownerId()).isEqualTo("cy"));
        assertThat(stepNames(fourth)).containsExactly("sticky", "skill-based", "weighted-capacity");
        assertThat(passCode(fourth, 1)).isEqualTo(PassReason.NO_MATCH);
        assertThat(fourth.trace().explain()).contains("3. weighted-capacity assigned cy: next in the weighted rotation");
    }

    @Test
    void aReturningCustomerWhoseOwnerIsAway_passesStickyWithTheReason_andGoesOn() {
        Router router = router();
        router.route(conversation("c1", "maria", "billing"));
        router.release("c1");
        router.setPresence("ana", Presence.AWAY);

        Decision decision = router.route(conversation("c2", "maria"));

        assertThat(stepNames(decision)).containsExactly("sticky", "skill-based");
        assertThat(passCode(decision, 0)).isEqualTo(PassReason.NONE_AVAILABLE);
        assertThat(decision.trace().explain()).contains("1. sticky passed (none available): previous owner ana of customer maria is away");
    }

    @Test
    void whenEveryoneIsFull_theConversationWaitsInManualReview_withItsSla_andEveryStepSaysWhy() {
        Router router = router();
        for (int i = 0; i < 6; i++) {
            router.route(conversation("busy-" + i, "u" + i));
        }

        Decision decision = router.route(conversation("c7", "maria", "billing"));

        assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
            assertThat(queued.queue()).isEqualTo("manual-review");
            assertThat(queued.slaDeadline()).isEqualTo(Fixtures.NOW.plus(Duration.ofHours(2)));
        });
        assertThat(stepNames(decision)).containsExactly("sticky", "skill-based", "weighted-capacity", "fallback");
        assertThat(passCode(decision, 0)).isEqualTo(PassReason.NOT_APPLICABLE);
        assertThat(passCode(decision, 1)).isEqualTo(PassReason.NO_CAPACITY);
        assertThat(passCode(decision, 2)).isEqualTo(PassReason.NO_CAPACITY);
        assertThat(decision.trace().explain()).contains("4. fallback queued in manual-review");
    }

    @Test
    void aConversationInManualReview_isAssignedWhenCapacityFrees() {
        Router router = router();
        for (int i = 0; i < 6; i++) {
            router.route(conversation("busy-" + i, "u" + i));
        }
        router.route(conversation("c7", "maria", "billing"));
        String anasFirst = router.ownerStatus("ana").conversationIds().get(0);

        router.release(anasFirst);

        assertThat(router.ownerStatus("ana").conversationIds()).contains("c7");
        assertThat(router.waiting()).isEmpty();
    }
}
