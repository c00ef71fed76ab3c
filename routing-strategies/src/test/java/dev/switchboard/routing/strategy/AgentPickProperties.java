package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.WaitingConversation;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The agent-pick pool's promise: a conversation waits in the pool exactly until its claim deadline and is then
 * passed on as expired, and an agent sees a pool conversation exactly when skill-based routing would count the agent
 * a match for it.
 */
class AgentPickProperties extends StrategyContract {

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return new AgentPick("pool", Duration.ofMinutes(30));
    }

    @Property(tries = 300)
    void waitsInThePoolExactlyUntilTheClaimDeadline_thenPassesAsExpired(
            @ForAll @IntRange(min = 1, max = 7200) int deadlineSeconds,
            @ForAll @IntRange(min = 0, max = 7200) int waitedSeconds) {
        AgentPick agentPick = new AgentPick("pool", Duration.ofSeconds(deadlineSeconds));

        Verdict verdict = agentPick.decide(Fixtures.conversation("c"),
                RoutingSnapshot.of(Fixtures.NOW.plusSeconds(waitedSeconds), List.of()));

        if (waitedSeconds < deadlineSeconds) {
            assertThat(verdict).isInstanceOfSatisfying(Verdict.Enqueue.class,
                    enqueue -> assertThat(enqueue.queue()).isEqualTo("pool"));
        } else {
            assertThat(verdict).isInstanceOfSatisfying(Verdict.Pass.class,
                    pass -> assertThat(pass.code()).isEqualTo(PassReason.EXPIRED));
        }
    }

    @Property(tries = 300)
    void anAgentSeesAPoolConversation_exactlyWhenSkillBasedRoutingCountsItAMatch(
            @ForAll("agents") Owner agent, @ForAll("needs") Conversation conversation, @ForAll boolean inThePool) {
        AgentPick agentPick = new AgentPick("pool", Duration.ofMinutes(10));
        WaitingConversation entry = new WaitingConversation(conversation, inThePool ? "pool" : "waiting", "test",
                Fixtures.NOW, Fixtures.NOW.plus(Duration.ofMinutes(30)));
        Owner roomy = agent.withCapacity(Capacity.of(1));
        Verdict bySkill = SkillBased.builder().build().decide(conversation,
                Fixtures.snapshot(List.of(Fixtures.candidate(roomy, 0, Presence.ONLINE, 0))));

        assertThat(agentPick.visibleTo(agent, List.of(entry)).contains(entry))
                .isEqualTo(inThePool && bySkill instanceof Verdict.Assign);
    }

    @Provide
    Arbitrary<Owner> agents() {
        return SkillArbitraries.owners("agent");
    }

    @Provide
    Arbitrary<Conversation> needs() {
        return SkillArbitraries.conversations();
    }
}
