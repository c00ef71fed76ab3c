package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A release on a store that other routers share: the conversation may move between the router's read of its place
 * and the release (another router's drain gives a waiting one to an owner), and the store then refuses the release
 * from the old place with nothing changed. The router releases it from where it is now; a refusal of a conversation
 * that did not move is the store's answer, and reaches the caller.
 */
class ReleaseOfAMovingConversationTest {


    private final ManualClock clock = new ManualClock(START);

    /**
     * ana (room for one) holds c1, and c2 waits. At the first dequeue of c2 the store refuses it: after another router
     * released c1 and gave c2 to ana ({@code moved}), or with c2 still waiting ({@code refused}).
     */
    private Router router(boolean moved, boolean refused) {
        AtomicBoolean first = new AtomicBoolean(true);
        Router router = Router.builder().clock(clock).chain(TestStrategies.rotation())
                .fallbackQueue("waiting", Duration.ofMinutes(10)).owner(agent("ana", 1))
                .liveState(StoreProxy.of((store, method, args) -> {
                    if (method.getName().equals("dequeue") && args[0].equals("c2") && first.getAndSet(false)) {
                        if (moved) { // another router's drain, between this router's read and its dequeue
                            store.release("c1", clock.instant());
                            Conversation waiting = store.dequeue("c2").conversation();
                            store.assign(waiting, "ana", clock.instant());
                        }
                        if (moved || refused) {
                            throw new IllegalStateException("conversation 'c2' is not waiting");
                        }
                    }
                    return StoreProxy.pass(store, method, args);
                }))
                .build();
        router.route(conversation("c1").build());
        router.route(conversation("c2").build());
        assertThat(router.placement("c2")).get().isInstanceOf(Placement.Waiting.class);
        return router;
    }

    @Test
    void aWaitingConversationAnotherRouterGaveToAnOwnerMeanwhile_isReleasedFromThatOwner() {
        Router router = router(true, false);

        router.release("c2");

        assertThat(router.placement("c2")).isEmpty();
        assertThat(router.placement("c1")).isEmpty();
        assertThat(router.ownerStatus("ana").load()).isZero();
        assertThat(router.stats().released()).isEqualTo(1);
    }

    @Test
    void aDequeueTheStoreMakesWithItsNextCall_refusedThere_isFollowedToo() {
        AtomicBoolean first = new AtomicBoolean(true);
        boolean[] pending = {false};
        Router router = Router.builder().clock(clock).chain(TestStrategies.rotation())
                .fallbackQueue("waiting", Duration.ofMinutes(10)).owner(agent("ana", 1))
                .liveState(StoreProxy.of((store, method, args) -> {
                    if (method.getName().equals("dequeue") && args[0].equals("c2") && first.getAndSet(false)) {
                        pending[0] = true; // read and held, as the Redis store holds a take pending
                        return ((Placement.Waiting) store.placement("c2").orElseThrow()).entry();
                    }
                    if (pending[0]) { // the next call makes the take: another router's drain served c2 meanwhile
                        pending[0] = false;
                        store.release("c1", clock.instant());
                        store.assign(store.dequeue("c2").conversation(), "ana", clock.instant());
                        throw new IllegalStateException("conversation 'c2' is not waiting");
                    }
                    return StoreProxy.pass(store, method, args);
                }))
                .build();
        router.route(conversation("c1").build());
        router.route(conversation("c2").build());

        router.release("c2");

        assertThat(router.placement("c2")).isEmpty();
        assertThat(router.ownerStatus("ana").load()).isZero();
        assertThat(router.stats().released()).isEqualTo(1);
    }

    @Test
    void aRefusalOfAConversationThatDidNotMove_reachesTheCaller_andChangesNothing() {
        Router router = router(false, true);

        assertThatThrownBy(() -> router.release("c2")).isInstanceOf(IllegalStateException.class)
                .hasMessage("conversation 'c2' is not waiting");

        assertThat(router.placement("c2")).get().isInstanceOf(Placement.Waiting.class);
        assertThat(router.stats().released()).isZero();
        router.release("c2"); // the store takes it the next time
        assertThat(router.placement("c2")).isEmpty();
    }
}
