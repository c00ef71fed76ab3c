package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The roster scripts: put an owner, set its presence, take it off, read its load. */
class RosterTest extends StorePerTest {

    @Test
    void ownersAreListedInTheOrderTheyJoined_andPuttingAgainKeepsThePlace() {
        store.putOwner(agent("ben", 1), Presence.ONLINE);
        store.putOwner(agent("ana", 1), Presence.ONLINE);
        store.putOwner(agent("ben", 2), Presence.BUSY);

        assertThat(store.ownerIds()).containsExactly("ben", "ana");
    }

    @Test
    void puttingAnOwnerAgainReplacesItsCapacityAndPresence_andKeepsItsLoad() {
        store.putOwner(Owner.agent("ana").capacity(new Capacity(3, Map.of("phone", 1))).build(), Presence.ONLINE);
        store.commit(Assignment.of(chat("c1"), "ana", T0));

        store.putOwner(Owner.agent("ana").capacity(new Capacity(5, Map.of("email", 2))).build(), Presence.BUSY);

        OwnerLoad load = store.ownerLoad("ana").orElseThrow();
        assertThat(load.capacity()).isEqualTo(new Capacity(5, Map.of("email", 2)));
        assertThat(load.presence()).isEqualTo(Presence.BUSY);
        assertThat(load.load()).isEqualTo(1);
        assertThat(load.conversationIds()).containsExactly("c1");
    }

    @Test
    void presenceOfAnOwnerNotOnTheRoster_changesNothing() {
        assertThat(store.setPresence("nobody", Presence.ONLINE, T0)).isFalse();
        assertThat(store.ownerLoad("nobody")).isEmpty();
        assertThat(store.ownerIds()).isEmpty();
    }

    @Test
    void anOwnerThatHoldsConversations_staysOnTheRoster() {
        store.putOwner(agent("ana", 1), Presence.ONLINE);
        store.commit(Assignment.of(chat("c1"), "ana", T0));

        assertThatThrownBy(() -> store.removeOwner("ana")).isInstanceOf(IllegalStateException.class)
                .hasMessage("owner 'ana' still holds conversations");
        assertThat(store.ownerIds()).containsExactly("ana");
    }

    @Test
    void removingAnOwner_takesItAndItsOfflineTimerAway() {
        store.putOwner(agent("ana", 1), Presence.ONLINE);
        store.setPresence("ana", Presence.OFFLINE, T0);
        store.schedule(TimerKind.OFFLINE_GRACE, "ana", T0);

        store.removeOwner("ana");

        assertThat(store.ownerIds()).isEmpty();
        assertThat(store.ownerLoad("ana")).isEmpty();
        assertThat(store.claimDue(T0, 10)).isEmpty();
        assertThat(store.commit(Assignment.of(chat("c1"), "ana", T0))).isEqualTo(CommitResult.OWNER_GONE);
        assertThatThrownBy(() -> store.removeOwner("ana")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ownerId 'ana' is not on the roster");
    }
}
