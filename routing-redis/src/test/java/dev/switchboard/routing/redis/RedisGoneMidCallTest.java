package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static dev.switchboard.routing.redis.Fixtures.liveState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis goes away in the middle of a call that moves conversations: the call fails, and every conversation is still
 * in one place once Redis is back, where it was or where it was moved to.
 */
class RedisGoneMidCallTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.durable();

    private final RedisRoutingStore store = REDIS.builder(REDIS.newTenant()).nearCacheMaxAge(Duration.ZERO).build();
    private final LiveState live = liveState(store);

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * A take held pending for a call (see {@link PendingTake}) whose next call to Redis fails is dropped with it, so
     * that the thread's next call, once Redis is back, does not make it alone and leave the conversation in no place.
     */
    @Test
    void aTakeHeldWhenRedisWentAway_isDropped_andTheConversationStaysWithItsOwner() {
        live.addOwner(agent("ana", 2), Presence.ONLINE);
        live.addOwner(agent("ben", 2), Presence.ONLINE);
        live.assign(chat("c1"), "ana", T0);
        live.setPresence("ana", Presence.OFFLINE, T0);

        assertThat(live.unassign("c1")).isEqualTo(chat("c1")); // a take-back holds it, then decides
        REDIS.kill();
        assertThatThrownBy(() -> live.view(chat("c1"), T0, Set.of("ben"), "default"))
                .isInstanceOf(RedisUnavailableException.class);
        REDIS.start();

        assertThat(live.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana"));
        assertThat(live.status("ana").load()).isEqualTo(1);
        assertThat(live.unassign("c1")).isEqualTo(chat("c1")); // the next take-back takes it
    }

    @Test
    void removingAnOwner_thatFailsMidway_leavesItOffline_withWhatItStillHolds_forATickToTakeBack() {
        ManualClock clock = new ManualClock(T0);
        Router router = Router.builder().clock(clock).chain(new RoundRobin()).fallbackQueue("waiting",
                Duration.ofHours(1)).owner(agent("ana", 3)).liveState(settings -> redisGoneAtTheSecondTakeBack(
                store.liveState().open(settings))).build();
        for (String id : List.of("c1", "c2", "c3")) {
            router.route(chat(id));
        }
        router.addOwner(agent("ben", 3));

        assertThatThrownBy(() -> router.removeOwner("ana")).isInstanceOf(RedisUnavailableException.class);
        REDIS.start();

        assertThat(router.ownerStatus("ana").presence()).isEqualTo(Presence.OFFLINE);
        assertThat(List.of("c1", "c2", "c3")).allSatisfy(id -> assertThat(router.placement(id))
                .containsInstanceOf(Placement.Owned.class));
        assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
        assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c2", "c3");

        router.tick(); // the default offline policy takes back at once
        assertThat(router.ownerStatus("ben").conversationIds()).containsExactlyInAnyOrder("c1", "c2", "c3");
        router.removeOwner("ana");
        assertThat(router.roster()).extracting(status -> status.owner().id()).containsExactly("ben");
    }

    /**
     * The store, but Redis is killed just before the decision that follows its second unassign reads it: a removal
     * that moved one conversation, and holds the take of the second.
     */
    private static LiveState redisGoneAtTheSecondTakeBack(LiveState state) {
        int[] unassigns = {0};
        return LiveStateHooks.around(state, method -> {
            if (method.equals("unassign")) {
                unassigns[0]++;
            } else if (method.equals("view") && unassigns[0] == 2) {
                unassigns[0]++;
                REDIS.kill();
            }
        }, method -> {});
    }
}
