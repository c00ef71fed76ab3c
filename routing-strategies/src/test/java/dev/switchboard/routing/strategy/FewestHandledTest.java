package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fewest handled, in the order Asterisk's {@code fewestcalls} and FreeSWITCH's {@code agent-with-fewest-calls} give:
 * the agent that completed the fewest calls first, counting only completions in the window.
 */
class FewestHandledTest {

    private final PeerRouters peers = new PeerRouters();

    @Test
    void theAgentThatCompletedTheFewestInTheLastHourIsPickedFirst() {
        Router router = peers.router(List.of("a", "b", "c"), FewestHandled.inLast(Duration.ofHours(1)).build());
        List<String> agents = List.of("a", "b", "c");
        completeEach(router, agents, 3, 1, 2);

        assertThat(peers.picks(router, 3)).containsExactly("b", "c", "a");
    }

    @Test
    void completionsBeforeTheWindowNoLongerCount() {
        Router router = peers.router(List.of("a", "b"), FewestHandled.inLast(Duration.ofHours(1)).build());
        completeEach(router, List.of("a", "b"), 2, 0);
        peers.clock.advance(Duration.ofMinutes(50));
        completeEach(router, List.of("a", "b"), 0, 1);
        peers.clock.advance(Duration.ofMinutes(11)); // a's two are now older than an hour; b's one is not

        assertThat(peers.picks(router, 1)).containsExactly("a");
    }

    @Test
    void todayCountsFromLocalMidnight_inTheZone() {
        peers.clock.set(Instant.parse("2026-03-02T23:30:00Z")); // 08:30 the next day in Tokyo
        Router router = peers.router(List.of("a", "b"), FewestHandled.today(ZoneId.of("Asia/Tokyo")).build());
        completeEach(router, List.of("a", "b"), 0, 1);
        peers.clock.set(Instant.parse("2026-03-02T14:59:00Z").plus(Duration.ofDays(1))); // 23:59 in Tokyo
        Decision sameDay = router.route(peers.next().build());
        router.release(sameDay.conversationId());
        peers.clock.advance(Duration.ofMinutes(1)); // midnight in Tokyo: a's one from a minute ago no longer counts
        completeEach(router, List.of("a", "b"), 0, 1);

        assertThat(PeerRouters.ownerOf(sameDay)).isEqualTo("a");
        assertThat(peers.picks(router, 1)).containsExactly("a");
        assertThat(((Verdict.Assign) router.route(peers.next().build()).trace().steps().get(0).verdict()).reason())
                .isEqualTo("the only owner who can take it; it completed 1 today (since midnight in Asia/Tokyo)");
    }

    @Test
    void aWindowLongerThanTheRouterKeepsIsRefused() {
        assertThatThrownBy(() -> FewestHandled.inLast(Duration.ofHours(27)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("window must be at most 26h, was 27h");
        assertThat(FewestHandled.inLast(Duration.ofHours(2)).build().completionWindow())
                .isEqualTo(Duration.ofHours(2));
    }

    /** Each agent completes {@code counts[i]} conversations now, given to it by a claim. */
    private void completeEach(Router router, List<String> agents, int... counts) {
        for (int i = 0; i < agents.size(); i++) {
            for (int done = 0; done < counts[i]; done++) {
                Decision decision = router.route(peers.next().build());
                String owner = PeerRouters.ownerOf(decision);
                if (!owner.equals(agents.get(i))) {
                    router.transfer(decision.conversationId(), agents.get(i), new Handoff(
                            "balancing the test", "", "complete it"));
                }
                router.release(decision.conversationId());
            }
        }
    }
}
