package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.rotation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Offers instead of assignments, as TaskRouter reservations, Omni-Channel push timeouts and Asterisk's ringall
 * behave: reserved for the owners rung, accepted by one, declined or expired and decided again without those owners.
 */
class RouterOffersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(START);
    private final List<RoutingEvent> events = new ArrayList<>();

    private Router router(OfferPolicy policy, Owner... owners) {
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("front-line", Duration.ofMinutes(10)),
                new QueueSpec("review", Duration.ofHours(1))), List.of(
                Rule.builder("front-line").chain(rotation()).offer(policy).queue("front-line").build()));
        Router.Builder builder = Router.builder().clock(clock).plan(plan).listener(events::add);
        for (Owner owner : owners) {
            builder.owner(owner);
        }
        return builder.build();
    }

    private static OfferPolicy oneAtATime() {
        return OfferPolicy.builder(TIMEOUT).reviewAfter(3, "review").build();
    }

    private <T extends RoutingEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Nested
    class OneOwnerAtATime {
        @Test
        void anOfferReservesTheOwnersCapacity_andTheConversationIsOfferedNotOwned() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1));

            Decision decision = router.route(conversation("c1").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Offered.class, offered -> {
                assertThat(offered.ownerIds()).containsExactly("ana");
                assertThat(offered.expiresAt()).isEqualTo(START.plus(TIMEOUT));
            });
            assertThat(router.placement("c1")).get().isInstanceOfSatisfying(Placement.Offered.class,
                    offer -> assertThat(offer.ownerIds()).containsExactly("ana"));
            assertThat(router.ownerStatus("ana").load()).isEqualTo(1);
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
            assertThat(eventsOf(RoutingEvent.Offered.class)).extracting(RoutingEvent.Offered::ownerId)
                    .containsExactly("ana");
            assertThat(eventsOf(RoutingEvent.Assigned.class)).isEmpty();
        }

        @Test
        void aReservationCountsAgainstCapacity_soTheNextConversationGoesToTheNextOwner() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            Decision second = router.route(conversation("c2").build());
            Decision third = router.route(conversation("c3").build());

            assertThat(((Decision.Offered) second).ownerIds()).containsExactly("ben");
            assertThat(third).isInstanceOf(Decision.Queued.class);
        }

        @Test
        void acceptingMakesItAnAssignment() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            Decision.Assigned accepted = router.accept("ana", "c1");

            assertThat(accepted.ownerId()).isEqualTo("ana");
            assertThat(router.placement("c1")).contains(new Placement.Owned(conversation("c1").build(), "ana"));
            assertThat(router.ownerStatus("ana").load()).isEqualTo(1);
            assertThat(eventsOf(RoutingEvent.Assigned.class)).extracting(RoutingEvent.Assigned::ownerId)
                    .containsExactly("ana");
            assertThat(router.stats().assigned()).isEqualTo(1);
        }

        @Test
        void decliningDecidesAgainWithoutThatOwner_andTheTraceSaysWhoDeclined() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            Decision next = router.decline("ana", "c1", "on a call");

            assertThat(next).isInstanceOfSatisfying(Decision.Offered.class,
                    offered -> assertThat(offered.ownerIds()).containsExactly("ben"));
            assertThat(next.trace().explain())
                    .startsWith("1. offer passed (none available): declined by ana: on a call");
            assertThat(router.ownerStatus("ana").load()).isZero();
            assertThat(eventsOf(RoutingEvent.OfferDeclined.class)).singleElement()
                    .satisfies(declined -> assertThat(declined.reason()).isEqualTo("on a call"));
        }

        @Test
        void anOwnerWhoDeclinedIsNotOfferedTheConversationAgain_itWaitsInTheRulesQueue() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());
            router.decline("ana", "c1", "");

            Decision last = router.decline("ben", "c1", "");

            assertThat(last).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo("front-line"));
            assertThat(last.trace().explain()).contains("declined this conversation or let its offer expire");
        }

        @Test
        void anOfferExpiresOnTheFirstTickAfterItsTimeout_andGoesToTheNextOwner() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            clock.advance(TIMEOUT.minusSeconds(1));
            router.tick();
            assertThat(router.placement("c1")).get().isInstanceOf(Placement.Offered.class);
            clock.advance(Duration.ofSeconds(1));
            router.tick();

            assertThat(router.placement("c1")).get().isInstanceOfSatisfying(Placement.Offered.class,
                    offer -> assertThat(offer.ownerIds()).containsExactly("ben"));
            assertThat(eventsOf(RoutingEvent.OfferExpired.class)).extracting(RoutingEvent.OfferExpired::ownerId)
                    .containsExactly("ana");
            assertThat(eventsOf(RoutingEvent.Offered.class).get(1).trace().explain())
                    .startsWith("1. offer passed (none available): offer to ana expired after 30s");
        }

        @Test
        void afterTheConfiguredDeclinesAndExpiries_itGoesToReview_andStaysThere() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1), agent("cy", 1), agent("dee", 1));
            router.route(conversation("c1").build());
            router.decline("ana", "c1", "");
            clock.advance(TIMEOUT);
            router.tick();

            Decision third = router.decline("cy", "c1", "");
            router.tick();

            assertThat(third).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo("review"));
            assertThat(third.trace().explain()).contains("3 offers declined or expired (review after 3)");
            assertThat(router.placement("c1")).get().isInstanceOfSatisfying(Placement.Waiting.class,
                    waiting -> assertThat(waiting.entry().queue()).isEqualTo("review"));
            assertThat(router.ownerStatus("dee").load()).isZero();
        }

        @Test
        void anOwnerGoingOfflineLosesItsOffer_andTheConversationIsDecidedAgain() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            router.setPresence("ana", Presence.OFFLINE);

            assertThat(router.placement("c1")).get().isInstanceOfSatisfying(Placement.Offered.class,
                    offer -> assertThat(offer.ownerIds()).containsExactly("ben"));
            assertThat(eventsOf(RoutingEvent.OfferWithdrawn.class)).singleElement()
                    .satisfies(withdrawn -> assertThat(withdrawn.reason()).isEqualTo("owner ana went offline"));
            assertThat(router.ownerStatus("ana").load()).isZero();
        }

        @Test
        void releasingAnOfferedConversationWithdrawsItsOffer() {
            Router router = router(oneAtATime(), agent("ana", 1));
            router.route(conversation("c1").build());

            router.release("c1");

            assertThat(router.placement("c1")).isEmpty();
            assertThat(router.ownerStatus("ana").load()).isZero();
            assertThat(eventsOf(RoutingEvent.OfferWithdrawn.class)).hasSize(1);
        }
    }

    @Nested
    class RingAll {
        @Test
        void ringAllOffersEveryOwnerWhoCanTakeIt_reservingEachOnesCapacity() {
            Router router = router(OfferPolicy.builder(TIMEOUT).ringAll().build(), agent("ana", 1), agent("ben", 1),
                    agent("cy", 0));

            Decision decision = router.route(conversation("c1").build());

            assertThat(((Decision.Offered) decision).ownerIds()).containsExactly("ana", "ben");
            assertThat(router.ownerStatus("ana").load()).isEqualTo(1);
            assertThat(router.ownerStatus("ben").load()).isEqualTo(1);
            assertThat(eventsOf(RoutingEvent.Offered.class)).extracting(RoutingEvent.Offered::ownerId)
                    .containsExactly("ana", "ben");
        }

        @Test
        void ringingNOffersTheNextNInTheChainsOrder() {
            Router router = router(OfferPolicy.builder(TIMEOUT).ring(2).build(), agent("ana", 2), agent("ben", 2),
                    agent("cy", 2));
            router.accept("ana", ((Decision.Offered) router.route(conversation("c0").build())).conversationId());

            Decision decision = router.route(conversation("c1").build());

            assertThat(((Decision.Offered) decision).ownerIds()).containsExactly("ben", "cy");
        }

        @Test
        void theFirstAcceptWins_andTheOthersOffersAreWithdrawn() {
            Router router = router(OfferPolicy.builder(TIMEOUT).ringAll().build(), agent("ana", 1), agent("ben", 1),
                    agent("cy", 1));
            router.route(conversation("c1").build());

            router.accept("ben", "c1");

            assertThat(router.ownerStatus("ben").load()).isEqualTo(1);
            assertThat(router.ownerStatus("ana").load()).isZero();
            assertThat(router.ownerStatus("cy").load()).isZero();
            assertThat(eventsOf(RoutingEvent.OfferWithdrawn.class)).extracting(RoutingEvent.OfferWithdrawn::ownerId,
                    RoutingEvent.OfferWithdrawn::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("ana", "accepted by ben"),
                    org.assertj.core.groups.Tuple.tuple("cy", "accepted by ben"));
            assertThatThrownBy(() -> router.accept("ana", "c1")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("conversation 'c1' is not offered to 'ana': it was already accepted by ben");
        }

        @Test
        void aDeclineLeavesTheOthersRinging_andDeclinesByAllDecideAgain() {
            Router router = router(OfferPolicy.builder(TIMEOUT).ringAll().build(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            Decision first = router.decline("ana", "c1", "");
            Decision second = router.decline("ben", "c1", "");

            assertThat(((Decision.Offered) first).ownerIds()).containsExactly("ben");
            assertThat(second).isInstanceOf(Decision.Queued.class);
            assertThat(router.roster()).allSatisfy(status -> assertThat(status.load()).isZero());
        }

        @Test
        void anExpiredRingAllTakesBackEveryOffer() {
            Router router = router(OfferPolicy.builder(TIMEOUT).ringAll().build(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            clock.advance(TIMEOUT);
            router.tick();

            assertThat(eventsOf(RoutingEvent.OfferExpired.class)).hasSize(2);
            assertThat(router.placement("c1")).get().isInstanceOf(Placement.Waiting.class);
        }
    }

    @Nested
    class WithTheRestOfTheRouter {
        @Test
        void aRouterWithoutListenersOffersToo() {
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("desk", Duration.ofMinutes(10))), List.of(
                    Rule.builder("desk").chain(rotation()).offer(OfferPolicy.builder(TIMEOUT).build()).queue("desk")
                            .build()));
            Router router = Router.builder().clock(clock).plan(plan).owner(agent("ana", 1)).build();

            assertThat(router.route(conversation("c1").build())).isInstanceOf(Decision.Offered.class);
            assertThat(router.accept("ana", "c1").ownerId()).isEqualTo("ana");
        }

        @Test
        void theResponseDeadlineStartsWhenTheOfferIsAccepted() {
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("desk", Duration.ofMinutes(10))), List.of(
                    Rule.builder("desk").chain(rotation()).offer(OfferPolicy.builder(TIMEOUT).build()).queue("desk")
                            .build()));
            Router router = Router.builder().clock(clock).plan(plan).owner(agent("ana", 1)).owner(agent("ben", 1))
                    .responseDeadline(Priority.NORMAL, Duration.ofMinutes(5)).responseReview(2, "desk").build();
            router.route(conversation("c1").build());
            clock.advance(Duration.ofSeconds(20));
            router.accept("ana", "c1");

            clock.advance(Duration.ofMinutes(5).minusSeconds(1));
            router.tick();
            assertThat(router.placement("c1")).get().isInstanceOf(Placement.Owned.class);
            clock.advance(Duration.ofSeconds(1));
            router.tick();

            assertThat(router.placement("c1")).get().isInstanceOfSatisfying(Placement.Offered.class,
                    offer -> assertThat(offer.ownerIds()).containsExactly("ben"));
        }

        @Test
        void anOwnerLeavingTheRosterLosesItsOffers() {
            Router router = router(OfferPolicy.builder(TIMEOUT).ringAll().build(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            router.removeOwner("ana");

            assertThat(router.placement("c1")).get().isInstanceOfSatisfying(Placement.Offered.class,
                    offer -> assertThat(offer.ownerIds()).containsExactly("ben"));
        }

        @Test
        void anOfferedConversationIsNeitherTransferredNorClaimed() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            assertThatThrownBy(() -> router.transfer("c1", "ben", new Handoff("s", "", "n")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conversationId 'c1' is offered to ana, not owned; accept it instead of transferring"
                            + " it");
            assertThat(router.claim("ben", "c1")).isInstanceOfSatisfying(Decision.Rejected.class,
                    rejected -> assertThat(rejected.reason()).isEqualTo("offered to ana"));
            assertThat(router.route(conversation("c1").build())).isInstanceOfSatisfying(Decision.Offered.class,
                    offered -> assertThat(offered.ownerIds()).containsExactly("ana"));
        }
    }

    @Nested
    class Refusals {
        @Test
        void anUnknownConversation_isRefusedNamingIt() {
            Router router = router(oneAtATime(), agent("ana", 1));

            assertThatThrownBy(() -> router.accept("ana", "nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("conversationId 'nope' is not open");
            assertThatThrownBy(() -> router.decline("ana", "nope", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("conversationId 'nope' is not open");
        }

        @Test
        void aConversationOfferedToSomeoneElse_isRefusedAndNothingChanges() {
            Router router = router(oneAtATime(), agent("ana", 1), agent("ben", 1));
            router.route(conversation("c1").build());

            assertThatThrownBy(() -> router.decline("ben", "c1", "")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("conversation 'c1' is not offered to 'ben': it is offered to ana");
            assertThat(router.placement("c1")).get().isInstanceOf(Placement.Offered.class);
            assertThat(router.ownerStatus("ana").load()).isEqualTo(1);
        }

        @Test
        void acceptingTwice_isRefused() {
            Router router = router(oneAtATime(), agent("ana", 1));
            router.route(conversation("c1").build());
            router.accept("ana", "c1");

            assertThatThrownBy(() -> router.accept("ana", "c1")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("conversation 'c1' is not offered to 'ana': it was already accepted by ana");
        }

        @Test
        void anUnknownOwner_isRefused() {
            Router router = router(oneAtATime(), agent("ana", 1));
            router.route(conversation("c1").build());

            assertThatThrownBy(() -> router.accept("zed", "c1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ownerId 'zed' is not on the roster");
        }

        @Test
        void aPolicysReviewQueueMustBeDeclared() {
            assertThatThrownBy(() -> new RoutingPlan(List.of(new QueueSpec("q", Duration.ofMinutes(1))), List.of(
                    Rule.builder("r").chain(rotation()).offer(OfferPolicy.builder(TIMEOUT).reviewAfter(1, "nowhere")
                            .build()).queue("q").build())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("offer review queue 'nowhere' of rule 'r' is not declared");
        }

        @Test
        void aPolicyIsCheckedWhenSet() {
            assertThatThrownBy(() -> OfferPolicy.builder(Duration.ZERO))
                    .hasMessage("offer timeout must be positive, was PT0S");
            assertThatThrownBy(() -> OfferPolicy.builder(TIMEOUT).ring(0))
                    .hasMessage("offer ring must be at least 1, was 0");
            assertThatThrownBy(() -> OfferPolicy.builder(TIMEOUT).reviewAfter(0, "review"))
                    .hasMessage("offer reviewAfter must be at least 1, was 0");
        }
    }
}
