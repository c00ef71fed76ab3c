package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.AssignmentCap;
import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.WaitingConversation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The commit script's contract: what it places, and every refusal, each of which changes nothing. */
class CommitScriptTest extends StorePerTest {

    @BeforeEach
    void anaIsOnlineWithRoomForTwo() {
        store.putOwner(agent("ana", 2), Presence.ONLINE);
    }

    @Nested
    class Commits {

        @Test
        void placesTheConversation_takesCapacity_andRemembersTheOwnerForTheCustomer() {
            Conversation conversation = Conversation.builder("c1").customer("maria").channel("WhatsApp")
                    .priority(Priority.HIGH).vip(true).language("es").requires("billing", 2)
                    .attribute("offer", "gold").createdAt(T0).build();

            assertThat(store.commit(Assignment.of(conversation, "ana", T0))).isEqualTo(CommitResult.COMMITTED);

            assertThat(store.placement("c1")).contains(new Placement.Owned(conversation, "ana"));
            OwnerLoad load = store.ownerLoad("ana").orElseThrow();
            assertThat(load.load()).isEqualTo(1);
            assertThat(load.loadByChannel()).isEqualTo(Map.of("whatsapp", 1));
            assertThat(load.maxSeenLoad()).isEqualTo(1);
            assertThat(load.conversationIds()).containsExactly("c1");
            assertThat(store.previousOwner("maria")).contains("ana");
        }

        @Test
        void keepsTheOwnersConversationsInAssignmentOrder_andItsHighestLoad() {
            store.commit(Assignment.of(chat("c2"), "ana", T0));
            store.commit(Assignment.of(chat("c1"), "ana", T0));
            store.release("c2", "ana");

            OwnerLoad load = store.ownerLoad("ana").orElseThrow();
            assertThat(load.conversationIds()).containsExactly("c1");
            assertThat(load.load()).isEqualTo(1);
            assertThat(load.maxSeenLoad()).isEqualTo(2);
        }

        @Test
        void movesTheCursors_andRaisesTheirVersions() {
            Assignment first = Assignment.of(chat("c1"), "ana", T0)
                    .withCursors("rule-1", Map.of("rr", 0L), Map.of("rr", 5L));

            assertThat(store.commit(first)).isEqualTo(CommitResult.COMMITTED);
            assertThat(store.cursors("rule-1")).isEqualTo(Map.of("rr", new Cursor(5, 1)));
            assertThat(store.cursors("rule-2")).isEmpty();
        }

        @Test
        void takesAConversationOutOfTheQueueTheDecisionFoundItIn() {
            WaitingConversation entry = new WaitingConversation(chat("c1"), "front", "nobody free", T0,
                    T0.plusSeconds(60));
            store.enqueue(entry);

            assertThat(store.commit(Assignment.of(chat("c1"), "ana", T0).fromQueue("front")))
                    .isEqualTo(CommitResult.COMMITTED);

            assertThat(store.waiting("front")).isEmpty();
            assertThat(store.waiting("")).isEmpty();
            assertThat(store.claimDue(T0.plusSeconds(3600), 10)).isEmpty(); // its SLA timer stopped with its wait
            assertThat(store.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana"));
        }

        @Test
        void writesTheMemoryOfTheLinkedCustomer() {
            store.link("maria@example.com", "customer-c1");

            store.commit(Assignment.of(chat("c1"), "ana", T0));

            assertThat(store.previousOwner("maria@example.com")).contains("ana");
        }
    }

    @Nested
    class Refuses {

        @Test
        void anOwnerNotOnTheRoster() {
            assertRefused(Assignment.of(chat("c1"), "ben", T0), CommitResult.OWNER_GONE);
        }

        @Test
        void anOwnerThatMayNotReceiveWork() {
            store.setPresence("ana", Presence.AWAY, T0);

            assertRefused(Assignment.of(chat("c1"), "ana", T0), CommitResult.OWNER_UNAVAILABLE);
        }

        @Test
        void anOwnerAtItsTotalCapacity() {
            store.commit(Assignment.of(chat("c1"), "ana", T0));
            store.commit(Assignment.of(chat("c2"), "ana", T0));

            assertRefused(Assignment.of(chat("c3"), "ana", T0), CommitResult.OWNER_FULL);
        }

        @Test
        void anOwnerAtItsLimitOnTheChannel_whileOtherChannelsHaveRoom() {
            store.putOwner(Owner.agent("ben").capacity(new Capacity(3, Map.of("phone", 1))).build(), Presence.ONLINE);
            Conversation call = Fixtures.conversation("p1", "phone", Priority.NORMAL, false, T0);
            store.commit(Assignment.of(call, "ben", T0));

            assertRefused(Assignment.of(Fixtures.conversation("p2", "phone", Priority.NORMAL, false, T0), "ben", T0),
                    CommitResult.OWNER_FULL);
            assertThat(store.commit(Assignment.of(chat("c1"), "ben", T0))).isEqualTo(CommitResult.COMMITTED);
        }

        @Test
        void anOwnerAtItsFairnessCap_untilTheWindowHasPassed() {
            AssignmentCap cap = new AssignmentCap(1, Duration.ofMinutes(10));
            store.putOwner(Owner.agent("ben").capacity(5).assignmentCap(cap.limit(), cap.window()).build(),
                    Presence.ONLINE);
            store.commit(Assignment.of(chat("c1"), "ben", T0));

            assertRefused(Assignment.of(chat("c2"), "ben", T0.plusSeconds(599)), CommitResult.OWNER_AT_CAP);
            assertThat(store.assignmentsInWindow("ben", cap, T0.plusSeconds(599))).isEqualTo(1);
            assertThat(store.commit(Assignment.of(chat("c2"), "ben", T0.plusSeconds(600))))
                    .isEqualTo(CommitResult.COMMITTED);
        }

        @Test
        void aCursorThatMovedSinceTheDecisionReadIt() {
            store.commit(Assignment.of(chat("c1"), "ana", T0).withCursors("rule", Map.of(), Map.of("rr", 1L)));

            assertRefused(Assignment.of(chat("c2"), "ana", T0).withCursors("rule", Map.of("rr", 0L),
                    Map.of("rr", 2L)), CommitResult.CURSOR_MOVED);
            assertThat(store.cursors("rule")).isEqualTo(Map.of("rr", new Cursor(1, 1)));
        }

        @Test
        void aCursorMovedBackToThePositionTheDecisionRead() {
            store.commit(Assignment.of(chat("c1"), "ana", T0).withCursors("rule", Map.of(), Map.of("rr", 0L)));

            assertRefused(Assignment.of(chat("c2"), "ana", T0).withCursors("rule", Map.of("rr", 0L),
                    Map.of("rr", 1L)), CommitResult.CURSOR_MOVED);
        }

        @Test
        void aConversationOwnedAlready() {
            store.putOwner(agent("ben", 2), Presence.ONLINE);
            store.commit(Assignment.of(chat("c1"), "ben", T0));

            assertRefused(Assignment.of(chat("c1"), "ana", T0), CommitResult.ALREADY_PLACED);
            assertThat(store.placement("c1")).contains(new Placement.Owned(chat("c1"), "ben"));
        }

        @Test
        void aConversationThatWaitsWhenTheDecisionFoundItInNoPlace() {
            store.enqueue(new WaitingConversation(chat("c1"), "front", "wait", T0, T0.plusSeconds(60)));

            assertRefused(Assignment.of(chat("c1"), "ana", T0), CommitResult.ALREADY_PLACED);
            assertThat(store.waiting("front")).hasSize(1);
        }

        @Test
        void aConversationNoLongerWaitingWhereTheDecisionFoundIt() {
            store.enqueue(new WaitingConversation(chat("c1"), "front", "wait", T0, T0.plusSeconds(60)));

            assertRefused(Assignment.of(chat("c1"), "ana", T0).fromQueue("review"), CommitResult.ALREADY_PLACED);
            store.dequeue("c1");
            assertRefused(Assignment.of(chat("c1"), "ana", T0).fromQueue("front"), CommitResult.ALREADY_PLACED);
        }

        private void assertRefused(Assignment assignment, CommitResult expected) {
            List<OwnerLoad> before = loads();
            Map<String, Cursor> cursors = store.cursors(assignment.cursorScope());
            String id = assignment.conversation().id();
            Optional<Placement> placement = store.placement(id);

            assertThat(store.commit(assignment)).isEqualTo(expected);

            assertThat(loads()).isEqualTo(before);
            assertThat(store.cursors(assignment.cursorScope())).isEqualTo(cursors);
            assertThat(store.placement(id)).isEqualTo(placement);
        }

        private List<OwnerLoad> loads() {
            return store.ownerIds().stream().map(id -> store.ownerLoad(id).orElseThrow()).toList();
        }
    }
}
