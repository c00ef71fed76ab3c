package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Ids that differ only in a lone UTF-16 surrogate, which UTF-8 cannot encode, stay different ids in Redis: each
 * conversation has its own place, each owner its own hash, and what a router wrote reads back as it was written.
 */
class LoneSurrogateIdsTest extends StorePerTest {

    private static final String FIRST = "c\ud800";
    private static final String SECOND = "c\ud801";

    private Router router() {
        return Router.builder().clock(new ManualClock(T0)).liveState(store.liveState()).chain(new RoundRobin())
                .fallbackQueue("waiting", Duration.ofMinutes(15))
                .owner(Owner.agent("ana\udc00").capacity(1).build())
                .owner(Owner.agent("ana\udc01").capacity(1).build()).build();
    }

    private static Conversation chat(String id) {
        return Conversation.builder(id).customer("maria\ud802").channel("chat").attribute("k\ud803", "v\udc04")
                .createdAt(T0).build();
    }

    @Test
    void twoConversationsWhoseIdsDifferInALoneSurrogate_areTwoConversations_withTwoOwners() {
        Router router = router();

        Decision first = router.route(chat(FIRST));
        Decision second = router.route(chat(SECOND));

        assertThat(first).isInstanceOf(Decision.Assigned.class);
        assertThat(second).isInstanceOf(Decision.Assigned.class);
        assertThat(((Decision.Assigned) first).ownerId()).isEqualTo("ana\udc00");
        assertThat(((Decision.Assigned) second).ownerId()).isEqualTo("ana\udc01");
        assertThat(router.placement(FIRST)).get().isInstanceOfSatisfying(Placement.Owned.class, owned -> {
            assertThat(owned.ownerId()).isEqualTo("ana\udc00");
            assertThat(owned.conversation()).isEqualTo(chat(FIRST));
        });

        router.release(FIRST);

        assertThat(router.placement(FIRST)).isEmpty();
        assertThat(router.placement(SECOND)).get().isInstanceOf(Placement.Owned.class);
        assertThat(router.ownerStatus("ana\udc00").load()).isZero();
        assertThat(router.ownerStatus("ana\udc01").load()).isOne();
    }

    @Test
    void aRouterBuiltAgainOnTheStore_findsThemWhereTheyWere() {
        router().route(chat(FIRST));

        Router again = router();

        assertThat(again.placement(FIRST)).get().isInstanceOfSatisfying(Placement.Owned.class,
                owned -> assertThat(owned.conversation()).isEqualTo(chat(FIRST)));
        assertThat(again.placement(SECOND)).isEmpty();
    }
}
