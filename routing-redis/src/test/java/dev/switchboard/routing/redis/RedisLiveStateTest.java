package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static dev.switchboard.routing.redis.Fixtures.liveState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.state.LiveState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Redis live state does beyond the contract every store passes: a router's dequeue is made with the call
 * that follows it (never leaving a conversation in no place in between), and an owner put again keeps its presence.
 */
class RedisLiveStateTest extends StorePerTest {

    private LiveState live;
    private final WaitingConversation entry = new WaitingConversation(chat("c1"), "general", "nobody free", T0,
            T0.plusSeconds(300));

    @BeforeEach
    void openLiveState() {
        live = liveState(store);
        live.addOwner(agent("ana", 1), Presence.ONLINE);
        live.enqueue(entry);
    }

    @Test
    void aDequeuePutBackByTheNextCall_neverTakesTheConversationOutOfItsQueue() {
        assertThat(live.dequeue("c1")).isEqualTo(entry);
        assertThat(store.placement("c1")).contains(new Placement.Waiting(entry)); // another caller still sees it wait

        live.enqueue(entry);

        assertThat(store.waiting("")).containsExactly(entry);
    }

    @Test
    void aDequeueFollowedByAClaim_isMadeInTheClaimsScript() {
        live.dequeue("c1");
        live.assign(chat("c1"), "ana", T0);

        assertThat(store.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana"));
        assertThat(store.waiting("")).isEmpty();
    }

    @Test
    void aDequeueFollowedByAnyOtherCall_isMadeFirst() {
        live.dequeue("c1");

        assertThat(live.hasWaiting()).isFalse();
        assertThat(store.placement("c1")).isEmpty();
    }

    @Test
    void anOwnerPutAgain_keepsItsPresenceAndLoad_andTakesTheNewDefinition() {
        live.assign(chat("c2"), "ana", T0);
        live.setPresence("ana", Presence.AWAY, T0);

        live.addOwner(agent("ana", 3), Presence.ONLINE); // a router built again on the same store

        assertThat(live.status("ana").presence()).isEqualTo(Presence.AWAY);
        assertThat(live.status("ana").load()).isEqualTo(1);
        assertThat(live.status("ana").owner().capacity()).isEqualTo(Capacity.of(3));
    }
}
