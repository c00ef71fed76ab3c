package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.state.LiveView;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A take-back or a transfer on Redis moves each conversation from its owner to where it goes next in one script: the
 * unassign is held pending and made with the commit or the enqueue that follows it, which first checks the
 * conversation is still that owner's; so no other instance ever sees it in no place, and none is lost if this JVM
 * dies between the two calls. Two instances on one tenant, each with its own connection.
 */
class PendingUnassignTest extends TwoInstancesPerTest {

    @BeforeEach
    void putOwnersAndConversations() {
        live.addOwner(agent("ana", 2), Presence.ONLINE);
        live.addOwner(agent("ben", 2), Presence.ONLINE);
        live.addOwner(agent("cleo", 2), Presence.ONLINE);
        live.assign(chat("c1"), "ana", T0);
        live.setPresence("ana", Presence.OFFLINE, T0);
    }

    @Test
    void anUnassignFollowedByACommitToAnotherOwner_isOneScript_andTheConversationIsNeverInNoPlace() {
        long before = REDIS.scriptCalls();
        assertThat(live.unassign("c1")).isEqualTo(chat("c1"));
        long afterUnassign = REDIS.scriptCalls();
        assertThat(other.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana")); // still ana's meanwhile
        assertThat(other.status("ana").load()).isEqualTo(1);

        LiveView view = live.view(chat("c1"), T0, Set.of("ben", "cleo"), "default");
        assertThat(other.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana"));
        long beforeCommit = REDIS.scriptCalls();
        boolean committed = view.commit(new Verdict.Assign("ben", "taken back", Map.of()));
        long afterCommit = REDIS.scriptCalls();

        assertThat(committed).isTrue();
        assertThat(afterUnassign - before).as("the unassign only reads the place").isEqualTo(1);
        assertThat(afterCommit - beforeCommit).as("the move is the commit alone").isEqualTo(1);
        assertThat(other.placement("c1")).contains(new Placement.Owned(chat("c1"), "ben"));
        assertThat(other.status("ana").load()).isZero();
        assertThat(other.status("ben").load()).isEqualTo(1);
        assertThat(live.status("ana").load()).as("this instance's near-cache saw both owners change").isZero();
        assertThat(live.status("ben").load()).isEqualTo(1);
    }

    @Test
    void aTransfer_movesTheConversationInTheAssignsScript() {
        live.unassign("c1");
        assertThat(other.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana"));
        long before = REDIS.scriptCalls();

        live.assign(chat("c1"), "cleo", T0);

        assertThat(REDIS.scriptCalls() - before).as("the owner's state read, then the commit that moves it")
                .isEqualTo(2);
        assertThat(other.placement("c1")).contains(new Placement.Owned(chat("c1"), "cleo"));
        assertThat(other.conversationsOf("ana")).isEmpty();
        assertThat(other.conversationsOf("cleo")).containsExactly(chat("c1"));
    }

    @Test
    void anUnassignFollowedByAnEnqueue_movesTheConversationStraightToItsQueue() {
        WaitingConversation entry = new WaitingConversation(chat("c1"), "general", "nobody free", T0,
                T0.plusSeconds(300));
        live.unassign("c1");

        live.enqueue(entry);

        assertThat(other.placement("c1")).contains(new Placement.Waiting(entry));
        assertThat(other.status("ana").load()).isZero();
    }

    @Test
    void aConversationMovedByAnotherInstanceMeanwhile_isRefused_withNothingChanged() {
        live.unassign("c1");
        other.unassign("c1");
        other.assign(chat("c1"), "cleo", T0);

        assertThatThrownBy(() -> live.assign(chat("c1"), "ben", T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer owned by 'ana'");

        assertThat(other.placement("c1")).contains(new Placement.Owned(chat("c1"), "cleo"));
        assertThat(other.status("ben").load()).isZero();
        assertThat(live.hasWaiting()).as("the dropped take is not made later either").isFalse();
        assertThat(other.placement("c1")).contains(new Placement.Owned(chat("c1"), "cleo"));
    }

    @Test
    void aTransferTheOwnerCannotTake_isRefusedWhole_andTheConversationStaysWithItsOwner() {
        live.setPresence("cleo", Presence.AWAY, T0);
        live.unassign("c1");

        assertThatThrownBy(() -> live.assign(chat("c1"), "cleo", T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OWNER_UNAVAILABLE");

        assertThat(live.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana"));
        assertThat(other.status("ana").load()).isEqualTo(1);
    }

    @Test
    void anUnassignFollowedByAnyOtherCall_isMadeFirst() {
        live.unassign("c1");

        assertThat(live.conversationsOf("ana")).isEmpty();
        assertThat(other.placement("c1")).isEmpty();
    }

    @Test
    void anInstanceThatDiesWithAnUnassignPending_leavesTheConversationWithItsOwner() throws InterruptedException {
        Thread dying = new Thread(() -> live.unassign("c1")); // gone before it placed the conversation
        dying.start();
        dying.join();

        assertThat(other.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana"));
        assertThat(live.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana"));
        assertThat(other.offlineSince()).containsKey("ana"); // so a later tick on any instance takes it back
    }
}
