package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sticky routing that remembers a customer's primary owner as well as its last: one fall-through does not move it. */
class StickyPrimaryOwnerTest {

    private final PeerRouters peers = new PeerRouters();

    private Router router(StickyPreviousOwner.Memory memory) {
        return peers.router(List.of("ana", "ben"), new StickyPreviousOwner("sticky", BusyPolicy.EXCLUDE,
                Duration.ZERO, memory), new RoundRobin());
    }

    /** Customer m is served by ana, then falls through to ben once while ana is busy with someone else. */
    private void fallThroughOnce(Router router) {
        Decision first = router.route(peers.next().customer("m").build()); // ana, by rotation
        router.release(first.conversationId());
        Decision blocker = router.route(peers.next().customer("other").build()); // ben, by rotation
        router.release(blocker.conversationId());
        Decision busyAna = router.route(peers.next().customer("x").build()); // ana, by rotation
        Decision fellThrough = router.route(peers.next().customer("m").build()); // ana is full: ben
        router.release(busyAna.conversationId());
        router.release(fellThrough.conversationId());
        assertThat(PeerRouters.ownerOf(first)).isEqualTo("ana");
        assertThat(PeerRouters.ownerOf(fellThrough)).isEqualTo("ben");
    }

    private Decision afterOneFallThrough(Router router) {
        fallThroughOnce(router);
        return router.route(peers.next().customer("m").build());
    }

    @Test
    void withPrimaryThenLast_theCustomerGoesBackToItsPrimaryOwner() {
        Decision back = afterOneFallThrough(router(StickyPreviousOwner.Memory.PRIMARY_THEN_LAST));

        assertThat(PeerRouters.ownerOf(back)).isEqualTo("ana");
        assertThat(((Verdict.Assign) back.trace().steps().get(0).verdict()).reason())
                .isEqualTo("returning customer m goes back to its primary owner ana");
    }

    @Test
    void withLast_theOneFallThroughMovedTheCustomer() {
        assertThat(PeerRouters.ownerOf(afterOneFallThrough(router(StickyPreviousOwner.Memory.LAST))))
                .isEqualTo("ben");
    }

    @Test
    void whenThePrimaryCannotTakeIt_theLastOwnerDoes_andTheReasonSaysWhy() {
        Router router = router(StickyPreviousOwner.Memory.PRIMARY_THEN_LAST);
        fallThroughOnce(router);
        assertThat(PeerRouters.ownerOf(router.route(peers.next().customer("y").build()))).isEqualTo("ana");

        Decision next = router.route(peers.next().customer("m").build());

        assertThat(PeerRouters.ownerOf(next)).isEqualTo("ben");
        assertThat(((Verdict.Assign) next.trace().steps().get(0).verdict()).reason())
                .isEqualTo("primary owner ana cannot take it; returning customer m goes back to previous owner ben");
    }
}
