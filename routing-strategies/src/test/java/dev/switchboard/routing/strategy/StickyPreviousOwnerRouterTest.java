package dev.switchboard.routing.strategy;

import static dev.switchboard.routing.strategy.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Sticky routing inside a real router: customer memory, its expiry and bound, and the wait window over time. */
class StickyPreviousOwnerRouterTest {

    private static final Duration TTL = Duration.ofDays(1);
    private static final Duration WINDOW = Duration.ofMinutes(2);

    private final ManualClock clock = new ManualClock(NOW);
    private final List<RoutingEvent> events = new ArrayList<>();
    private int conversations;

    /** ana (capacity 1) and bob (capacity 2), sticky first, then round-robin. */
    private Router router(Duration waitWindow, long maxCustomers) {
        return Router.builder()
                .clock(clock)
                .owner(Owner.agent("ana").capacity(1).build())
                .owner(Owner.agent("bob").capacity(2).build())
                .chain(new StickyPreviousOwner(waitWindow), new RoundRobin())
                .fallbackQueue("waiting", Duration.ofMinutes(15))
                .customerMemory(maxCustomers, TTL)
                .listener(events::add)
                .build();
    }

    /** A new conversation from a customer, created now. */
    private Conversation from(String customer) {
        return Fixtures.conversationBuilder("c" + ++conversations).customer(customer).createdAt(clock.instant())
                .build();
    }

    private static Decision.Assigned assigned(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        return (Decision.Assigned) decision;
    }

    private static Verdict stickyVerdict(Decision decision) {
        return decision.trace().steps().get(0).verdict();
    }

    private static void assertOwnedBy(Router router, String conversationId, String ownerId) {
        assertThat(router.placement(conversationId)).get().isInstanceOfSatisfying(Placement.Owned.class,
                owned -> assertThat(owned.ownerId()).isEqualTo(ownerId));
    }

    @Nested
    class CustomerMemory {

        @Test
        void returningCustomer_reachesThePreviousOwner_afterRelease() {
            Router router = router(Duration.ZERO, 100);
            Decision.Assigned first = assigned(router.route(from("alice")));
            router.release(first.conversationId());

            Decision.Assigned again = assigned(router.route(from("alice")));
            Decision.Assigned newcomer = assigned(router.route(from("carol")));

            assertThat(first.ownerId()).isEqualTo("ana");
            assertThat(again.ownerId()).as("round-robin alone would pick bob").isEqualTo("ana");
            assertThat(again.strategy()).isEqualTo("sticky");
            assertThat(newcomer.ownerId()).isEqualTo("bob");
            assertThat(newcomer.strategy()).isEqualTo("round-robin");
            assertThat(newcomer.trace().explain()).startsWith("1. sticky passed (not applicable): customer carol");
        }

        @Test
        void remembersTheCustomer_untilTheTtlHasPassed_sinceTheLastAssignment() {
            Router router = router(Duration.ZERO, 100);
            router.release(assigned(router.route(from("alice"))).conversationId());

            clock.advance(TTL.minusSeconds(1));
            Decision.Assigned beforeTtl = assigned(router.route(from("alice")));
            router.release(beforeTtl.conversationId());
            clock.advance(TTL.plusSeconds(1));
            Decision.Assigned afterTtl = assigned(router.route(from("alice")));

            assertThat(beforeTtl.strategy()).isEqualTo("sticky");
            assertThat(afterTtl.strategy()).isEqualTo("round-robin");
            assertThat(stickyVerdict(afterTtl)).isInstanceOfSatisfying(Verdict.Pass.class,
                    pass -> assertThat(pass.code()).isEqualTo(PassReason.NOT_APPLICABLE));
        }

        @Test
        void remembersNoMoreCustomersThanItsBound() {
            int max = 5;
            Router router = router(Duration.ZERO, max);
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                customers.add("customer-" + i);
                router.release(assigned(router.route(from("customer-" + i))).conversationId());

                int remembered = remembered(router, customers);

                assertThat(remembered).as("remembered after %d customers", customers.size())
                        .isBetween(1, Math.min(max, customers.size()));
            }
        }

        /**
         * How many of the customers the router remembers, probed without writing to its memory: with every owner
         * away nothing is assigned, and sticky says NONE_AVAILABLE for a remembered customer (previous owner away)
         * and NOT_APPLICABLE for a forgotten one.
         */
        private int remembered(Router router, List<String> customers) {
            router.setPresence("ana", Presence.AWAY);
            router.setPresence("bob", Presence.AWAY);
            int remembered = 0;
            for (String customer : customers) {
                Decision probe = router.route(from(customer));
                router.release(probe.conversationId());
                Verdict.Pass pass = (Verdict.Pass) stickyVerdict(probe);
                if (pass.code() == PassReason.NONE_AVAILABLE) {
                    remembered++;
                }
            }
            router.setPresence("ana", Presence.ONLINE);
            router.setPresence("bob", Presence.ONLINE);
            return remembered;
        }
    }

    @Nested
    class WaitWindow {

        private final Router router = router(WINDOW, 100);
        private String anasOtherConversation;
        private Conversation returning;

        /** alice was served by ana, who is now full with erin's conversation; alice comes back. */
        private Decision aliceReturnsWhileAnaIsFull() {
            router.release(assigned(router.route(from("alice"))).conversationId());
            assertThat(assigned(router.route(from("dave"))).ownerId()).isEqualTo("bob");
            Decision.Assigned erin = assigned(router.route(from("erin")));
            assertThat(erin.ownerId()).isEqualTo("ana");
            anasOtherConversation = erin.conversationId();
            clock.advance(Duration.ofSeconds(30));
            returning = from("alice");
            return router.route(returning);
        }

        @Test
        void holdsTheConversationInTheWaitingQueue_whileThePreviousOwnerIsFull() {
            Decision decision = aliceReturnsWhileAnaIsFull();
            clock.advance(Duration.ofMinutes(1));
            router.tick();

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("waiting");
                assertThat(queued.reason()).isEqualTo("holding for previous owner ana, who is full, until 09:02 UTC");
            });
            assertThat(router.placement(returning.id())).get().isInstanceOf(Placement.Waiting.class);
        }

        @Test
        void assignsToThePreviousOwner_whenTheyReleaseWithinTheWindow() {
            aliceReturnsWhileAnaIsFull();
            clock.advance(Duration.ofMinutes(1));
            router.tick();

            router.release(anasOtherConversation);

            assertOwnedBy(router, returning.id(), "ana");
            assertThat(lastAssignment().strategy()).isEqualTo("sticky");
        }

        @Test
        void fallsThroughToTheNextStep_onTheFirstTickAfterTheWindow() {
            aliceReturnsWhileAnaIsFull();
            clock.advance(WINDOW.minusSeconds(1));
            router.tick();
            assertThat(router.placement(returning.id())).get().isInstanceOf(Placement.Waiting.class);

            clock.advance(Duration.ofSeconds(1));
            router.tick();

            assertOwnedBy(router, returning.id(), "bob");
            RoutingEvent.Assigned assignment = lastAssignment();
            assertThat(assignment.strategy()).isEqualTo("round-robin");
            assertThat(assignment.trace().steps().get(0).verdict()).isEqualTo(Verdict.pass(PassReason.EXPIRED,
                    "waited 2m for previous owner ana, who is still full"));
        }

        @Test
        void neverHolds_whenThePreviousOwnerIsAway() {
            router.release(assigned(router.route(from("alice"))).conversationId());
            router.setPresence("ana", Presence.AWAY);

            Decision.Assigned decision = assigned(router.route(from("alice")));

            assertThat(decision.ownerId()).isEqualTo("bob");
            assertThat(stickyVerdict(decision)).isInstanceOfSatisfying(Verdict.Pass.class,
                    pass -> assertThat(pass.code()).isEqualTo(PassReason.NONE_AVAILABLE));
        }

        private RoutingEvent.Assigned lastAssignment() {
            RoutingEvent.Assigned last = null;
            for (RoutingEvent event : events) {
                if (event instanceof RoutingEvent.Assigned assignedEvent) {
                    last = assignedEvent;
                }
            }
            assertThat(last).isNotNull();
            assertThat(last.conversation()).isEqualTo(returning);
            return last;
        }
    }
}
