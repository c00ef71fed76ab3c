package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Longest idle since the last conversation ended, in the order FreeSWITCH's {@code longest-idle-agent}, Asterisk's
 * {@code leastrecent} and TaskRouter's default worker order give: the agent whose last call ended longest ago first,
 * an agent who never took one before all.
 */
class LongestIdleTest {

    private final PeerRouters peers = new PeerRouters();

    @Test
    void theAgentWhoseLastConversationEndedLongestAgoIsPickedFirst() {
        Router router = peers.router(List.of("a", "b", "c"), new LongestIdle());
        List<String> first = peers.busy(router, 3); // a, b, c: none ever finished one, so roster order
        for (int hangUp : new int[] {2, 0, 1}) { // c ends first, then a, then b
            peers.clock.advance(Duration.ofMinutes(1));
            router.release(first.get(hangUp));
        }

        assertThat(peers.picks(router, 3)).containsExactly("c", "a", "b");
    }

    @Test
    void anAgentWhoNeverFinishedOneComesBeforeEveryoneWhoDid() {
        Router router = peers.router(List.of("a", "b"), new LongestIdle());
        List<String> first = peers.busy(router, 2);
        peers.clock.advance(Duration.ofMinutes(1));
        router.release(first.get(1));
        peers.clock.advance(Duration.ofMinutes(1));
        router.release(first.get(0));
        router.addOwner(Owner.agent("newcomer").capacity(1).build());

        assertThat(peers.picks(router, 3)).containsExactly("newcomer", "b", "a");
    }

    @Test
    void anOwnerHoldingConversationsComesAfterEveryIdleOne_andTheTraceSaysWhenTheLastEnded() {
        Router router = Router.builder().clock(peers.clock)
                .owner(Owner.agent("chatty").capacity(3).build())
                .owner(Owner.agent("quiet").capacity(3).build())
                .chain(new LongestIdle()).fallbackQueue("waiting", Duration.ofMinutes(15)).build();
        router.route(peers.next().build()); // chatty: never finished, first on the roster
        Decision toQuiet = router.route(peers.next().build());
        peers.clock.advance(Duration.ofMinutes(3));
        router.release("c2");

        Decision next = router.route(peers.next().build());

        assertThat(PeerRouters.ownerOf(toQuiet)).isEqualTo("quiet");
        assertThat(PeerRouters.ownerOf(next)).isEqualTo("quiet");
        assertThat(((Verdict.Assign) next.trace().steps().get(0).verdict()).reason())
                .isEqualTo("idle longest of the 2 owners who can take it; it holds none and its last one ended at"
                        + " 09:03 UTC");
    }

    @Test
    void withEveryOwnerHoldingWork_theFewestOpenWins() {
        Verdict verdict = new LongestIdle().decide(Fixtures.conversation("c"), Fixtures.snapshot(List.of(
                Fixtures.candidate("a", 0, Presence.ONLINE, 2),
                Fixtures.candidate("b", 1, Presence.ONLINE, 1))));

        assertThat(verdict).isEqualTo(new Verdict.Assign("b", "none of the 2 owners who can take it is idle; it holds"
                + " the fewest open conversations (1)", Map.of()));
    }
}
