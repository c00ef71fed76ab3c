package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Skill-based routing ordered by several skills in turn, as TaskRouter's {@code order_by}
 * ("worker.billing DESC, worker.tech ASC"), against the sum of proficiencies.
 */
class SkillOrderTest {

    private static final List<Candidate> OWNERS = List.of(
            Fixtures.candidate(Owner.agent("x").capacity(2).skill("billing", 5).skill("tech", 1).build(), 0,
                    Presence.ONLINE, 0),
            Fixtures.candidate(Owner.agent("y").capacity(2).skill("billing", 5).skill("tech", 3).build(), 1,
                    Presence.ONLINE, 0),
            Fixtures.candidate(Owner.agent("z").capacity(2).skill("billing", 4).skill("tech", 5).build(), 2,
                    Presence.ONLINE, 0));

    private static final Conversation BILLING_AND_TECH = Fixtures.conversationBuilder("c").requires("billing", 1)
            .requires("tech", 0).build();

    private static String pick(SkillBased strategy) {
        return ((Verdict.Assign) strategy.decide(BILLING_AND_TECH, Fixtures.snapshot(OWNERS))).ownerId();
    }

    @Test
    void theFirstKeyDecides_theNextSettlesItsTies_eachInItsDirection() {
        assertThat(pick(SkillBased.builder().orderBy(SkillBased.OrderKey.highest("billing"),
                SkillBased.OrderKey.lowest("tech")).build())).isEqualTo("x");
        assertThat(pick(SkillBased.builder().orderBy(SkillBased.OrderKey.highest("billing"),
                SkillBased.OrderKey.highest("tech")).build())).isEqualTo("y");
        assertThat(pick(SkillBased.builder().orderBy(SkillBased.OrderKey.highest("tech")).build())).isEqualTo("z");
    }

    @Test
    void withoutKeys_theSumDecides() {
        assertThat(pick(SkillBased.builder().build())).isEqualTo("z");
    }

    @Test
    void theReasonNamesTheKeysAndTheLevels() {
        Verdict verdict = SkillBased.builder().orderBy(SkillBased.OrderKey.highest("billing"),
                SkillBased.OrderKey.lowest("tech")).build().decide(BILLING_AND_TECH, Fixtures.snapshot(OWNERS));

        assertThat(verdict.reason()).isEqualTo("best skill match ordered by billing (highest first, 5), then tech"
                + " (lowest first, 1), every requirement met");
    }

    @Test
    void keysTiedAllTheWayGoToTheTieBreak_thenTheRoster() {
        Verdict verdict = SkillBased.builder().orderBy(SkillBased.OrderKey.highest("billing")).build()
                .decide(BILLING_AND_TECH, Fixtures.snapshot(OWNERS));

        assertThat(((Verdict.Assign) verdict).ownerId()).isEqualTo("x");
        assertThat(verdict.reason()).endsWith("; 2 owners tied, least loaded chosen");
    }

    @Test
    void aSkillNamedTwiceIsRefused() {
        assertThatThrownBy(() -> SkillBased.builder().orderBy(SkillBased.OrderKey.highest("Billing"),
                SkillBased.OrderKey.lowest("billing"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orderBy names skill 'billing' twice");
    }
}
