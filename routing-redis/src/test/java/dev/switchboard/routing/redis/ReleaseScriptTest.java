package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The release script's contract: it frees capacity only where the conversation still is, once. */
class ReleaseScriptTest extends StorePerTest {

    @BeforeEach
    void anaHoldsC1() {
        store.putOwner(agent("ana", 1), Presence.ONLINE);
        store.putOwner(agent("ben", 1), Presence.ONLINE);
        store.commit(Assignment.of(chat("c1"), "ana", T0));
    }

    @Test
    void freesTheOwnersCapacity_andTheConversationsPlace() {
        assertThat(store.release("c1", "ana")).isTrue();

        assertThat(store.placement("c1")).isEmpty();
        OwnerLoad load = store.ownerLoad("ana").orElseThrow();
        assertThat(load.load()).isZero();
        assertThat(load.loadByChannel()).isEmpty();
        assertThat(load.conversationIds()).isEmpty();
        assertThat(store.commit(Assignment.of(chat("c2"), "ana", T0))).isEqualTo(CommitResult.COMMITTED);
    }

    @Test
    void releasingTwice_freesOnce() {
        store.release("c1", "ana");

        assertThat(store.release("c1", "ana")).isFalse();
        assertThat(store.ownerLoad("ana").orElseThrow().load()).isZero();
    }

    @Test
    void aConversationPlacedWithAnotherOwner_isLeftWhereItIs() {
        assertThat(store.release("c1", "ben")).isFalse();

        assertThat(store.ownerLoad("ana").orElseThrow().load()).isEqualTo(1);
        assertThat(store.ownerLoad("ben").orElseThrow().load()).isZero();
    }

    @Test
    void aWaitingConversation_isNotReleased() {
        store.enqueue(new WaitingConversation(chat("w1"), "front", "wait", T0, T0.plusSeconds(60)));

        assertThat(store.release("w1", "ana")).isFalse();
        assertThat(store.waiting("front")).hasSize(1);
    }

    @Test
    void stopsTheConversationsDeadlines_butNoOtherTimer() {
        store.schedule(TimerKind.RESPONSE_DEADLINE, "c1", T0);
        store.schedule(TimerKind.AGENT_PICK_DEADLINE, "c1", T0);
        store.schedule(TimerKind.OFFLINE_GRACE, "ana", T0);

        store.release("c1", "ana");

        assertThat(store.claimDue(T0, 10)).containsExactly(new DueTimer(TimerKind.OFFLINE_GRACE, "ana", T0));
    }

    @Test
    void keepsTheCustomersMemoryOfTheOwner() {
        store.release("c1", "ana");

        assertThat(store.previousOwner("customer-c1")).contains("ana");
        assertThat(store.ownerLoad("ana").orElseThrow().maxSeenLoad()).isEqualTo(1);
    }
}
