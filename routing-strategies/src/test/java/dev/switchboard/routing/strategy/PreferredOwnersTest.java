package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Preferred owners on the conversation, as TaskRouter's preferred targets: the first preferred owner that can take it,
 * a wait while preferred owners are at work but full, then the rest of the chain.
 */
class PreferredOwnersTest {

    private final PeerRouters peers = new PeerRouters();

    private Router router() {
        return peers.router(List.of("a", "b", "c"), new PreferredOwners("preferred", BusyPolicy.EXCLUDE,
                Duration.ofMinutes(2)), new RoundRobin());
    }

    @Test
    void theFirstPreferredOwnerThatCanTakeItGetsIt_inTheConversationsOrder() {
        Router router = router();

        String first = PeerRouters.ownerOf(router.route(peers.next().preferredOwners("c", "b").build()));
        String second = PeerRouters.ownerOf(router.route(peers.next().preferredOwners("c", "b").build()));

        assertThat(List.of(first, second)).containsExactly("c", "b");
    }

    @Test
    void whilePreferredOwnersAreFull_itWaits_andGoesToThemWhenOneFrees() {
        Router router = router();
        router.route(peers.next().preferredOwners("c").build());

        Decision held = router.route(peers.next().preferredOwners("c").build());
        peers.clock.advance(Duration.ofMinutes(1));
        router.release("c1");

        assertThat(held.trace().steps().get(0).verdict()).isEqualTo(Verdict.hold(
                "holding for preferred owners [c], who cannot take it now, until 09:02 UTC"));
        assertThat(router.placement("c2").orElseThrow()).isInstanceOf(Placement.Owned.class)
                .extracting(placement -> ((Placement.Owned) placement).ownerId()).isEqualTo("c");
    }

    @Test
    void afterTheWait_itFallsThroughToTheRestOfTheChain_onTheNextTick() {
        Router router = router();
        router.route(peers.next().preferredOwners("c").build());
        router.route(peers.next().preferredOwners("c").build());

        peers.clock.advance(Duration.ofMinutes(2));
        router.tick();

        assertThat(((Placement.Owned) router.placement("c2").orElseThrow()).ownerId()).isEqualTo("a");
    }

    @Test
    void preferredOwnersThatAreAwayAreNotWaitedFor() {
        Router router = router();
        router.setPresence("c", Presence.AWAY);

        Decision decision = router.route(peers.next().preferredOwners("c").build());

        assertThat(PeerRouters.ownerOf(decision)).isEqualTo("a");
        assertThat(((Verdict.Pass) decision.trace().steps().get(0).verdict()).code())
                .isEqualTo(PassReason.NONE_AVAILABLE);
    }

    @Test
    void aConversationWithoutPreferredOwnersPasses() {
        Decision decision = router().route(peers.next().build());

        assertThat(((Verdict.Pass) decision.trace().steps().get(0).verdict()).code())
                .isEqualTo(PassReason.NOT_APPLICABLE);
    }
}
