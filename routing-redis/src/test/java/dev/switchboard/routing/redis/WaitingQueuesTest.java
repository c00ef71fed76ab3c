package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static dev.switchboard.routing.redis.Fixtures.conversation;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The queue scripts: enqueue, dequeue, serve order (as routing-core's ServeOrder) and take-next. */
class WaitingQueuesTest extends StorePerTest {

    private static WaitingConversation waiting(Conversation conversation, String queue, Instant enqueuedAt) {
        return new WaitingConversation(conversation, queue, "nobody free", enqueuedAt, enqueuedAt.plusSeconds(900));
    }

    private static List<String> ids(List<WaitingConversation> entries) {
        return entries.stream().map(entry -> entry.conversation().id()).toList();
    }

    @Nested
    class EnqueueAndDequeue {

        @Test
        void aWaitingConversationIsPlacedInItsQueue_withItsSlaTimer() {
            WaitingConversation entry = waiting(chat("c1"), "front", T0);

            assertThat(store.enqueue(entry)).isTrue();

            assertThat(store.placement("c1")).contains(new Placement.Waiting(entry));
            assertThat(store.waiting("front")).containsExactly(entry);
            assertThat(store.claimDue(entry.slaDeadline(), 10))
                    .containsExactly(new DueTimer(TimerKind.SLA_BREACH, "c1", entry.slaDeadline()));
        }

        @Test
        void aPlacedConversationIsNotEnqueuedAgain() {
            store.enqueue(waiting(chat("c1"), "front", T0));

            assertThat(store.enqueue(waiting(chat("c1"), "review", T0))).isFalse();
            assertThat(store.waiting("review")).isEmpty();
            assertThat(store.waiting("")).hasSize(1);
        }

        @Test
        void dequeueTakesItOut_once() {
            WaitingConversation entry = waiting(chat("c1"), "front", T0);
            store.enqueue(entry);

            assertThat(store.dequeue("c1")).contains(entry);
            assertThat(store.dequeue("c1")).isEmpty();
            assertThat(store.placement("c1")).isEmpty();
            assertThat(store.waiting("")).isEmpty();
            assertThat(store.claimDue(entry.slaDeadline(), 10)).isEmpty();
        }
    }

    @Nested
    class ServeOrder {

        @Test
        void higherPriorityFirst_thenVips_thenOlder_thenEarlierInTheQueue_thenById() {
            store.enqueue(waiting(conversation("low", "chat", Priority.LOW, true, T0), "q", T0));
            store.enqueue(waiting(conversation("normal-late", "chat", Priority.NORMAL, false, T0.plusSeconds(5)),
                    "q", T0));
            store.enqueue(waiting(conversation("normal-b", "chat", Priority.NORMAL, false, T0), "q", T0));
            store.enqueue(waiting(conversation("normal-a", "chat", Priority.NORMAL, false, T0), "q", T0));
            store.enqueue(waiting(conversation("normal-first-in", "chat", Priority.NORMAL, false, T0), "q",
                    T0.minusSeconds(1)));
            store.enqueue(waiting(conversation("normal-vip", "chat", Priority.NORMAL, true, T0.plusSeconds(9)),
                    "q", T0));
            store.enqueue(waiting(conversation("urgent", "chat", Priority.URGENT, false, T0.plusSeconds(60)), "q",
                    T0));

            assertThat(ids(store.waiting("q"))).containsExactly("urgent", "normal-vip", "normal-first-in",
                    "normal-a", "normal-b", "normal-late", "low");
        }

        @Test
        void everyQueueTogether_inTheSameOrder() {
            store.enqueue(waiting(conversation("a-normal", "chat", Priority.NORMAL, false, T0), "a", T0));
            store.enqueue(waiting(conversation("b-high", "chat", Priority.HIGH, false, T0), "b", T0));
            store.enqueue(waiting(conversation("a-high", "chat", Priority.HIGH, false, T0.plusSeconds(1)), "a", T0));

            assertThat(ids(store.waiting(""))).containsExactly("b-high", "a-high", "a-normal");
            assertThat(ids(store.waiting("a"))).containsExactly("a-high", "a-normal");
        }

        @Test
        void withAnAgingStep_aPriorityLevelCountsAsThatMuchWaiting() {
            try (RedisRoutingStore aging = RedisRoutingStore.builder().uri(REDIS.uri()).tenant("aging")
                    .agingStep(Duration.ofMinutes(10)).build()) {
                // each level counts as 10 minutes of waiting, a VIP as 5 more: virtual arrivals T0 - 21, - 20, - 19
                // and - 18 minutes
                aging.enqueue(waiting(conversation("normal-old", "chat", Priority.NORMAL, false,
                        T0.minus(Duration.ofMinutes(11))), "q", T0));
                aging.enqueue(waiting(conversation("high-new", "chat", Priority.HIGH, false, T0), "q", T0));
                aging.enqueue(waiting(conversation("normal-older-than-high", "chat", Priority.NORMAL, false,
                        T0.minus(Duration.ofMinutes(9))), "q", T0));
                aging.enqueue(waiting(conversation("normal-vip", "chat", Priority.NORMAL, true,
                        T0.minus(Duration.ofMinutes(3))), "q", T0));

                assertThat(ids(aging.waiting("q"))).containsExactly("normal-old", "high-new",
                        "normal-older-than-high", "normal-vip");
            }
        }
    }

    @Nested
    class TakeNext {

        @BeforeEach
        void roster() {
            store.putOwner(Owner.agent("ana").capacity(new Capacity(2, Map.of("phone", 0))).build(),
                    Presence.ONLINE);
        }

        @Test
        void givesTheOwnerTheFirstConversationInServeOrder() {
            store.enqueue(waiting(conversation("normal", "chat", Priority.NORMAL, false, T0), "q", T0));
            store.enqueue(waiting(conversation("high", "chat", Priority.HIGH, false, T0), "q", T0));

            assertThat(store.takeNext("ana", "q", T0)).hasValueSatisfying(owned -> {
                assertThat(owned.conversation().id()).isEqualTo("high");
                assertThat(owned.ownerId()).isEqualTo("ana");
            });
            assertThat(ids(store.waiting("q"))).containsExactly("normal");
            assertThat(store.ownerLoad("ana").orElseThrow().conversationIds()).containsExactly("high");
            assertThat(store.previousOwner("customer-high")).contains("ana");
        }

        @Test
        void skipsConversationsOnAChannelTheOwnerHasNoRoomOn() {
            store.enqueue(waiting(conversation("call", "phone", Priority.URGENT, false, T0), "q", T0));
            store.enqueue(waiting(chat("chat"), "q", T0));

            assertThat(store.takeNext("ana", "", T0)).map(owned -> owned.conversation().id()).contains("chat");
            assertThat(ids(store.waiting(""))).containsExactly("call");
        }

        @Test
        void givesNothingToAnOwnerThatIsFull_away_orNotOnTheRoster() {
            store.enqueue(waiting(chat("c1"), "q", T0));
            store.putOwner(agent("full", 0), Presence.ONLINE);
            store.putOwner(agent("away", 3), Presence.AWAY);

            assertThat(store.takeNext("full", "q", T0)).isEmpty();
            assertThat(store.takeNext("away", "q", T0)).isEmpty();
            assertThat(store.takeNext("nobody", "q", T0)).isEmpty();
            assertThat(store.waiting("q")).hasSize(1);
        }

        @Test
        void countsTowardsTheOwnersFairnessCap_butIsNotHeldBackByIt() {
            AssignmentCap cap = new AssignmentCap(1, Duration.ofHours(1));
            store.putOwner(Owner.agent("ben").capacity(5).assignmentCap(cap.limit(), cap.window()).build(),
                    Presence.ONLINE);
            store.enqueue(waiting(chat("w1"), "q", T0));
            store.enqueue(waiting(chat("w2"), "q", T0));

            assertThat(store.takeNext("ben", "q", T0)).isPresent();
            assertThat(store.takeNext("ben", "q", T0)).isPresent();

            // the window keeps the latest assignments, as many as the cap counts (as the embedded roster does)
            assertThat(store.assignmentsInWindow("ben", cap, T0)).isEqualTo(cap.limit());
            assertThat(store.commit(Assignment.of(chat("c1"), "ben", T0))).isEqualTo(CommitResult.OWNER_AT_CAP);
        }

        @Test
        void givesNothingFromAnEmptyQueue() {
            assertThat(store.takeNext("ana", "q", T0)).isEmpty();
        }
    }
}
