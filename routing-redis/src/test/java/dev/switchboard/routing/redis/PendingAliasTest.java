package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer merge on Redis takes each joining conversation from its place and makes it a name of the kept one in
 * one script: the take is held pending and made by the alias script, which first checks the conversation is still
 * where it was taken from; so no other instance ever sees it in no place. Two instances on one tenant.
 */
class PendingAliasTest extends TwoInstancesPerTest {

    @BeforeEach
    void putOwnersAndConversations() {
        live.addOwner(agent("ana", 2), Presence.ONLINE);
        live.addOwner(agent("ben", 2), Presence.ONLINE);
        live.assign(chat("c1"), "ana", T0);
        live.assign(chat("c2"), "ben", T0);
    }

    @Test
    void anOwnedConversationJoiningAnother_leavesItsOwnerAndBecomesItsName_inOneScript() {
        assertThat(live.unassign("c2")).isEqualTo(chat("c2"));
        assertThat(other.placement("c2")).contains(new Placement.Owned(chat("c2"), "ben")); // still ben's meanwhile

        long before = REDIS.scriptCalls();
        live.addAlias("c2", "c1");
        assertThat(REDIS.scriptCalls() - before).isEqualTo(1);

        assertThat(other.placement("c2")).contains(new Placement.Owned(chat("c1"), "ana"));
        assertThat(other.status("ben").load()).isZero();
        assertThat(other.status("ana").load()).isEqualTo(1);
    }

    @Test
    void aWaitingConversationJoiningAnother_leavesItsQueueAndBecomesItsName_inOneScript() {
        WaitingConversation waiting = new WaitingConversation(chat("c3"), "general", "nobody free", T0,
                T0.plus(Duration.ofHours(1)));
        live.enqueue(waiting);
        assertThat(live.dequeue("c3")).isEqualTo(waiting);
        assertThat(other.waiting()).containsExactly(waiting); // still waiting meanwhile

        long before = REDIS.scriptCalls();
        live.addAlias("c3", "c1");
        assertThat(REDIS.scriptCalls() - before).isEqualTo(1);

        assertThat(other.waiting()).isEmpty();
        assertThat(other.placement("c3")).contains(new Placement.Owned(chat("c1"), "ana"));
    }

    @Test
    void aConversationAnotherInstanceMovedMeanwhile_isRefused_andNothingChanges() {
        assertThat(live.unassign("c2")).isEqualTo(chat("c2"));
        other.release("c2", T0);

        assertThatThrownBy(() -> live.addAlias("c2", "c1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("conversation 'c2' is no longer owned by 'ben' (another instance moved it); nothing changed");
        assertThat(other.placement("c2")).isEmpty();
        assertThat(other.status("ana").load()).isEqualTo(1);
    }
}
