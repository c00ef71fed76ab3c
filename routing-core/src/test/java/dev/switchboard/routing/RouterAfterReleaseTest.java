package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a router does once a conversation is released, accepted or declined: capacity that frees up goes at once to
 * the conversations waiting (not at the next tick), and a conversation that left the router leaves nothing behind,
 * so a new conversation that reuses its id starts afresh.
 */
class RouterAfterReleaseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(START);
    private final List<RoutingEvent> events = new ArrayList<>();

    private Router offering(OfferPolicy policy, Owner... owners) {
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("front-line", Duration.ofMinutes(10))), List.of(
                Rule.builder("front-line").chain(firstAvailable()).offer(policy).queue("front-line").build()));
        Router.Builder builder = Router.builder().clock(clock).plan(plan).listener(events::add);
        for (Owner owner : owners) {
            builder.owner(owner);
        }
        return builder.build();
    }

    private static OfferPolicy oneAtATime() {
        return OfferPolicy.builder(TIMEOUT).build();
    }

    private static void assertOfferedTo(Router router, String conversationId, String... ownerIds) {
        assertThat(router.placement(conversationId)).get().isInstanceOfSatisfying(Placement.Offered.class,
                offer -> assertThat(offer.ownerIds()).containsExactly(ownerIds));
    }

    @Nested
    class FreedCapacity {

        @Test
        void acceptingARingAllOffer_givesTheOwnersNotChosenTheNextWaitingConversation() {
            Router router = offering(OfferPolicy.builder(TIMEOUT).ringAll().build(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());

            router.accept("ana", "c1");

            assertOfferedTo(router, "c2", "ben");
        }

        @Test
        void declining_givesTheOwnerTheNextWaitingConversationItDidNotDecline() {
            Router router = offering(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build()); // offered to ana
            router.route(conversation("c2").build()); // offered to ben
            router.route(conversation("c3").build()); // waits

            Decision declined = router.decline("ana", "c1", "on a call");

            assertThat(declined).isInstanceOf(Decision.Queued.class);
            assertOfferedTo(router, "c3", "ana");
            assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("c1");
        }

        @Test
        void releasingAnOfferedConversation_withdrawsTheOffer_andTheOwnerIsOfferedTheNextWaiting() {
            Router router = offering(oneAtATime(), agent("ana", 1));
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());

            router.release("c1");

            assertThat(router.placement("c1")).isEmpty();
            assertOfferedTo(router, "c2", "ana");
            assertThat(router.stats().released()).isEqualTo(1);
            assertThat(events).filteredOn(RoutingEvent.OfferWithdrawn.class::isInstance).singleElement()
                    .satisfies(event -> assertThat(((RoutingEvent.OfferWithdrawn) event).ownerId()).isEqualTo("ana"));
        }

        /** A step that rejects what has waited five minutes or more, and otherwise passes to the next. */
        private final Strategy expiresAfterFiveMinutes = TestStrategies.strategy("expiry", (conversation, view) ->
                view.now().isBefore(conversation.createdAt().plus(Duration.ofMinutes(5)))
                        ? Verdict.pass(PassReason.NOT_APPLICABLE, "still fresh")
                        : new Verdict.Reject("waited too long"));

        @Test
        void aWaitingConversationRejectedWhenDecidedAgain_leavesItsQueue() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 1))
                    .chain(expiresAfterFiveMinutes, firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(15))
                    .build();
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());
            clock.advance(Duration.ofMinutes(6));

            router.release("c1");

            assertThat(router.placement("c2")).isEmpty();
            assertThat(router.waiting()).isEmpty();
            assertThat(router.ownerStatus("ana").load()).isZero();
            assertThat(router.stats().rejected()).isEqualTo(1);
        }

        @Test
        void aWaitingConversationDecidedAgainIntoItsOwnQueue_waitsForTheNewReason() {
            Strategy holdUntilMinuteTen = TestStrategies.strategy("hold", (conversation, view) -> {
                long minute = Duration.between(START, view.now()).toMinutes();
                return conversation.type().equals("direct") ? Verdict.pass(PassReason.NOT_APPLICABLE, "direct")
                        : Verdict.enqueue("waiting", "held at minute " + minute);
            });
            Router router = Router.builder().clock(clock).owner(agent("ana", 1))
                    .chain(holdUntilMinuteTen, firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(15))
                    .build();
            router.route(conversation("c0").type("direct").build());
            router.route(conversation("c1").build());
            clock.advance(Duration.ofMinutes(3));

            router.release("c0");

            assertThat(router.waiting()).singleElement().satisfies(entry -> {
                assertThat(entry.conversation().id()).isEqualTo("c1");
                assertThat(entry.reason()).isEqualTo("held at minute 3");
                assertThat(entry.enqueuedAt()).as("it kept its place").isEqualTo(START);
            });
        }
    }

    @Nested
    class AReusedConversationId {

        private Router.Builder onePerCustomer(Owner... owners) {
            Router.Builder builder = Router.builder().clock(clock).chain(firstAvailable())
                    .fallbackQueue("waiting", Duration.ofMinutes(15)).oneConversationPerCustomer(true)
                    .listener(events::add);
            for (Owner owner : owners) {
                builder.owner(owner);
            }
            return builder;
        }

        private Conversation from(String id, String customer) {
            return Conversation.builder(id).customer(customer).channel("chat").createdAt(clock.instant()).build();
        }

        @Test
        void ofAConversationThatJoinedAReleasedOne_isRoutedAsItsOwn() {
            Router router = onePerCustomer(agent("ana", 1), agent("ben", 1)).build();
            router.route(from("c1", "maria"));
            assertThat(router.route(from("c2", "maria"))).isInstanceOf(Decision.Joined.class);
            router.release("c1");

            Decision again = router.route(from("c2", "bob"));

            assertThat(again).isInstanceOf(Decision.Assigned.class);
            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(owned.conversation().customerId()).isEqualTo("bob"));
        }

        @Test
        void ofAConversationThatJoinedAWaitingOneReleasedSince_isRoutedAsItsOwn() {
            Router router = onePerCustomer(agent("ana", 0)).build();
            router.route(from("c1", "maria"));
            assertThat(router.route(from("c2", "maria"))).isInstanceOf(Decision.Joined.class);
            router.release("c1");

            router.route(from("c2", "bob"));

            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Waiting.class,
                    waiting -> assertThat(waiting.conversation().customerId()).isEqualTo("bob"));
        }

        @Test
        void mayGoToTheOwnerThatLetTheEarlierConversationsResponseDeadlineLapse() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 1)).owner(agent("ben", 1))
                    .chain(firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(15))
                    .responseDeadline(Priority.NORMAL, Duration.ofMinutes(5))
                    .queue("review", Duration.ofMinutes(30)).responseReview(2, "review").build();
            router.route(conversation("c1").build());
            clock.advance(Duration.ofMinutes(5));
            router.tick();
            assertThat(router.ownerStatus("ben").conversationIds()).as("ana let it lapse").containsExactly("c1");
            router.release("c1");

            Decision again = router.route(conversation("c1").createdAt(clock.instant()).build());

            assertThat(again).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ana"));
        }

        @Test
        void isOfferedAgainToTheOwnerThatDeclinedTheEarlierConversation() {
            Router router = offering(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());
            router.decline("ana", "c1", "");
            assertOfferedTo(router, "c1", "ben");
            router.release("c1");

            router.route(conversation("c1").build());

            assertOfferedTo(router, "c1", "ana");
        }
    }
}
