package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ordered members, in the order Asterisk's {@code linear}, FreeSWITCH's {@code top-down} and SaleSmartly's "by agent
 * order" give: every conversation starts again from the top of the list.
 */
class TopDownTest {

    private final PeerRouters peers = new PeerRouters();

    @Test
    void everyConversationStartsFromTheTop_unlikeARotation() {
        Router router = peers.router(List.of("a", "b", "c"), new TopDown("top-down", BusyPolicy.EXCLUDE,
                List.of("c", "a", "b")));
        List<String> first = peers.picks(router, 2);
        router.release("c1");

        assertThat(first).containsExactly("c", "a");
        assertThat(peers.picks(router, 2)).containsExactly("c", "b");
    }

    @Test
    void ownersTheListDoesNotNameComeAfter_inRosterOrder_andAnEmptyListIsTheRoster() {
        Router listed = peers.router(List.of("x", "y", "z"), new TopDown("top-down", BusyPolicy.EXCLUDE,
                List.of("z")));
        Router roster = peers.router(List.of("x", "y", "z"), new TopDown());

        assertThat(peers.picks(listed, 3)).containsExactly("z", "x", "y");
        assertThat(peers.picks(roster, 3)).containsExactly("x", "y", "z");
    }

    @Test
    void theVerdictSaysHowFarDownTheListItWent() {
        Router router = peers.router(List.of("a", "b"), new TopDown("top-down", BusyPolicy.EXCLUDE,
                List.of("b", "a")));
        peers.picks(router, 1);

        assertThat(((Verdict.Assign) router.route(peers.next().build()).trace().steps().get(0).verdict()).reason())
                .isEqualTo("first who can take it from the top of the order (number 2 of 2)");
    }

    @Test
    void anOrderNamingAnOwnerTwiceIsRefused() {
        assertThatThrownBy(() -> new TopDown("top-down", BusyPolicy.EXCLUDE, List.of("a", "b", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("order names owner 'a' twice");
    }
}
