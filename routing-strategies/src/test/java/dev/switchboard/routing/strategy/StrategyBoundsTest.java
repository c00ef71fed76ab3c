package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression tests of issue 12: strategies' windows that overflowed when deciding, and names made of nothing. */
class StrategyBoundsTest {

    private static final Duration LONG_MAX_SECONDS = Duration.ofSeconds(Long.MAX_VALUE);
    private static final String AT_MOST = " must be at most PT876600H (100 years), was " + LONG_MAX_SECONDS;

    @Test
    void stickyWaitWindowOfLongMaxSeconds_isRefusedAtTheBoundary() {
        assertThatThrownBy(() -> new StickyPreviousOwner(LONG_MAX_SECONDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("waitWindow" + AT_MOST);
    }

    @Test
    void stickyWaitWindowOfTheLongestDuration_holdsALatestConversationWithoutOverflowing() {
        Instant now = Bounds.LATEST.minus(Duration.ofDays(1));
        Owner ana = Owner.agent("ana").capacity(1).build();
        RoutingSnapshot view = new RoutingSnapshot(now, List.of(new Candidate(ana, 0, Presence.ONLINE, 1, 0, now)),
                Map.of("maria", "ana"), Map.of());
        Conversation conversation = Conversation.builder("c1").customer("maria").channel("chat").createdAt(now)
                .build();

        Verdict verdict = new StickyPreviousOwner("sticky", BusyPolicy.EXCLUDE, Bounds.MAX_DURATION)
                .decide(conversation, view);

        assertThat(verdict).isInstanceOf(Verdict.Hold.class);
    }

    @Test
    void agentPickClaimDeadlineOfLongMaxSeconds_isRefusedAtTheBoundary() {
        assertThatThrownBy(() -> new AgentPick("pool", LONG_MAX_SECONDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("claimDeadline" + AT_MOST);
    }

    @Test
    void relaxationWaitOfLongMaxSeconds_isRefusedAtTheBoundary() {
        assertThatThrownBy(() -> SkillBased.Relaxation.afterWaiting(LONG_MAX_SECONDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("relaxation wait" + AT_MOST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", "\u200B", "\uFEFF", "\u2007"})
    void strategyNamesAndPoolQueuesMadeOnlyOfInvisibleCharacters_areRefused(String invisible) {
        List<Runnable> names = List.of(
                () -> new RoundRobin(invisible, BusyPolicy.EXCLUDE),
                () -> new LeastLoaded(invisible, LeastLoaded.Measure.OPEN_CONVERSATIONS, BusyPolicy.EXCLUDE),
                () -> new StickyPreviousOwner(invisible, BusyPolicy.EXCLUDE, Duration.ZERO),
                () -> SkillBased.builder().name(invisible),
                () -> AgentPick.builder(invisible, Duration.ofMinutes(5)),
                () -> AgentPick.builder("pool", Duration.ofMinutes(5)).name(invisible));
        for (Runnable name : names) {
            assertThatThrownBy(name::run).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not be blank, was only invisible characters");
        }
    }
}
