package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of route, release, transfer, claim, accept, decline, presence, capacity, roster, identity-link,
 * plan-replacement and clock operations, on a router with one catch-all rule or with team rules, which may offer
 * instead of assigning (to one or two owners at once); after every step no owner is over capacity, every open
 * conversation is in exactly one place (an offered one reserved for exactly the owners it is offered to), no offer
 * stands past its expiry after a tick, and, when the router keeps one conversation per customer, no customer has two
 * open conversations.
 */
class RouterProperties {

    private static final List<String> OWNERS = List.of("o0", "o1", "o2", "o3");
    private static final List<String> CHANNELS = List.of("chat", "email", "phone");
    private static final List<String> CUSTOMERS = List.of("ana", "ben", "cy", "dee", "eve", "fay");
    private static final List<String> EMAILS = List.of("", "", "shared@example.com", "SHARED@example.com ",
            "other@example.com");

    /** The ids the test considers open, each the conversation's own or one that joined it. */
    record Model(Set<String> open) {
        /** The conversations the open ids stand for, as the router names them. */
        Set<String> placed(Router router) {
            Set<String> placed = new HashSet<>();
            for (String id : open) {
                placed.add(router.placement(id).orElseThrow(() -> new AssertionError(id + " was lost"))
                        .conversation().id());
            }
            return placed;
        }
    }

    sealed interface Op {
        void apply(Router router, ManualClock clock, Model model);
    }

    record Route(String id, String customer, String email, String channel, String type, Priority priority)
            implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            Conversation.Builder conversation = Conversation.builder(id).customer(customer).channel(channel).type(type)
                    .priority(priority).createdAt(clock.instant());
            if (!email.isEmpty()) {
                conversation.attribute("email", email);
            }
            router.route(conversation.build());
            model.open().add(id);
        }
    }

    record Release(String id) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            if (model.open().contains(id)) {
                String released = router.placement(id).orElseThrow().conversation().id();
                model.open().removeIf(other -> router.placement(other).orElseThrow().conversation().id()
                        .equals(released));
                router.release(id);
            }
        }
    }

    record Link(String customer, String other) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            router.link(customer, other);
        }
    }

    record Transfer(String id, String owner) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.transfer(id, owner, new Handoff("summary", "", "next step"));
            } catch (IllegalArgumentException | IllegalStateException refused) {
                // not open, waiting, same owner, unknown owner, or no room: refused without a change
            }
        }
    }

    record Claim(String owner, String id) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.claim(owner, id);
            } catch (IllegalArgumentException refused) {
                // unknown owner or conversation not open
            }
        }
    }

    record SetPresence(String owner, Presence presence) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.setPresence(owner, presence);
            } catch (IllegalArgumentException notOnRoster) {
                // the owner left
            }
        }
    }

    record SetCapacity(String owner, int total, int phone) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.setCapacity(owner, Capacity.of(total).withChannel("phone", phone));
            } catch (IllegalArgumentException notOnRoster) {
                // the owner left
            }
        }
    }

    record Leave(String owner) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.removeOwner(owner);
            } catch (IllegalArgumentException notOnRoster) {
                // already gone
            }
        }
    }

    record Join(String owner, int total) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.addOwner(Owner.agent(owner).capacity(total).build());
            } catch (IllegalArgumentException alreadyThere) {
                // already on the roster
            }
        }
    }

    record Accept(String owner, String id) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.accept(owner, id);
            } catch (IllegalArgumentException | IllegalStateException refused) {
                // unknown owner, conversation not open, or not offered to this owner
            }
        }
    }

    record Decline(String owner, String id) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.decline(owner, id, "busy");
            } catch (IllegalArgumentException | IllegalStateException refused) {
                // unknown owner, conversation not open, or not offered to this owner
            }
        }
    }

    record ReplacePlan(boolean teams, boolean offers) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.replacePlan(teams ? teamPlan(offers) : oneRulePlan(offers));
            } catch (IllegalArgumentException ownerLeft) {
                assertThat(ownerLeft).hasMessageContaining("names unknown owner"); // the plan in force stays
            }
        }
    }

    record Tick(int minutes) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            clock.advance(Duration.ofMinutes(minutes));
            router.tick();
        }
    }

    private static final List<QueueSpec> QUEUES = List.of(new QueueSpec("review", Duration.ofMinutes(30)),
            new QueueSpec("waiting", Duration.ofMinutes(10)), new QueueSpec("complaints", Duration.ofMinutes(20)));

    /** Offers to two owners at once, for two minutes, and to review after three declines or expiries. */
    private static final OfferPolicy OFFER = OfferPolicy.builder(Duration.ofMinutes(2)).ring(2)
            .reviewAfter(3, "review").build();

    /** What {@code chain(typeToQueue("complaint", "review"), firstAvailable())} with those queues stands for. */
    static RoutingPlan oneRulePlan() {
        return oneRulePlan(false);
    }

    private static RoutingPlan oneRulePlan(boolean offers) {
        Rule.Builder everything = Rule.builder("everything")
                .chain(TestStrategies.typeToQueue("complaint", "review"), TestStrategies.firstAvailable())
                .queue("waiting");
        return new RoutingPlan(QUEUES, List.of((offers ? everything.offer(OFFER) : everything).build()));
    }

    /** Complaints to o0 and o1, urgent work to anyone, low priority to review (no owner), the rest to o2 and o3. */
    static RoutingPlan teamPlan() {
        return teamPlan(false);
    }

    /** The team plan, whose complaints are offered when {@code offers}. */
    private static RoutingPlan teamPlan(boolean offers) {
        Rule.Builder complaints = Rule.builder("complaints").when(new Condition.Is("type", "complaint"))
                .owners("o0", "o1").chain(TestStrategies.firstAvailable()).queue("complaints");
        return new RoutingPlan(QUEUES, List.of(
                (offers ? complaints.offer(OFFER) : complaints).build(),
                Rule.builder("urgent").when(new Condition.Is("priority", "urgent"))
                        .chain(TestStrategies.firstAvailable()).queue("waiting").build(),
                Rule.builder("low").when(new Condition.Is("priority", "low")).queue("review").build(),
                Rule.builder("rest").owners("o2", "o3").chain(TestStrategies.firstAvailable()).queue("waiting")
                        .build()));
    }

    @Property(tries = 300)
    void capacityHoldsNothingIsLost_andEachCustomerHasOnePlaceWhenAsked_afterEveryStep(
            @ForAll("operations") List<Op> operations, @ForAll boolean graceOnOffline, @ForAll boolean teams,
            @ForAll boolean linkByEmail, @ForAll boolean oneConversationPerCustomer, @ForAll boolean offers) {
        ManualClock clock = new ManualClock(START);
        Router.Builder builder = Router.builder().clock(clock).plan(teams ? teamPlan(offers) : oneRulePlan(offers))
                .oneConversationPerCustomer(oneConversationPerCustomer)
                .offlinePolicy(graceOnOffline ? OfflinePolicy.keepFor(Duration.ofMinutes(3)) : OfflinePolicy.reassignNow());
        if (linkByEmail) {
            builder.linkIdentitiesBy(IdentityKey.EMAIL);
        }
        for (int i = 0; i < OWNERS.size(); i++) {
            builder.owner(Owner.agent(OWNERS.get(i)).capacity(i).channelCapacity("phone", 1).build());
        }
        Router router = builder.build();
        Model model = new Model(new HashSet<>());

        for (Op operation : operations) {
            List<OwnerStatus> before = router.roster();
            operation.apply(router, clock, model);
            List<OwnerStatus> after = router.roster();
            List<WaitingConversation> waiting = router.waiting();
            Invariants.capacityIsNeverExceeded(before, after);
            Invariants.everyOpenConversationIsInExactlyOnePlace(after, waiting, model.placed(router),
                    router::placement);
            if (operation instanceof Tick) {
                noOfferStandsPastItsExpiry(router, model, clock);
            }
            if (oneConversationPerCustomer) {
                everyCustomerHasAtMostOneOpenConversation(router, after, waiting);
            }
        }
    }

    private static void noOfferStandsPastItsExpiry(Router router, Model model, ManualClock clock) {
        for (String id : model.open()) {
            if (router.placement(id).orElseThrow() instanceof Placement.Offered offer) {
                assertThat(offer.expiresAt()).as("expiry of the offer of %s", id).isAfter(clock.instant());
            }
        }
    }

    private static void everyCustomerHasAtMostOneOpenConversation(Router router, List<OwnerStatus> roster,
            List<WaitingConversation> waiting) {
        Map<String, String> byCustomer = new HashMap<>();
        for (OwnerStatus status : roster) {
            for (String id : status.conversationIds()) {
                String customer = router.customerOf(router.placement(id).orElseThrow().conversation().customerId());
                assertThat(byCustomer.put(customer, id)).as("customer %s has two open conversations", customer)
                        .isIn(null, id); // an offer rung to several owners is listed by each
            }
        }
        for (WaitingConversation entry : waiting) {
            String customer = router.customerOf(entry.conversation().customerId());
            assertThat(byCustomer.put(customer, entry.conversation().id()))
                    .as("customer %s has two open conversations", customer).isNull();
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> ids = Arbitraries.integers().between(0, 15).map(i -> "c" + i);
        Arbitrary<String> owners = Arbitraries.of(OWNERS);
        Arbitrary<String> customers = Arbitraries.of(CUSTOMERS);
        Arbitrary<Op> route = Combinators.combine(ids, customers, Arbitraries.of(EMAILS), Arbitraries.of(CHANNELS),
                Arbitraries.of("general", "general", "complaint"), Arbitraries.of(Priority.class)).as(Route::new);
        Arbitrary<Op> release = ids.map(Release::new);
        Arbitrary<Op> link = Combinators.combine(customers, customers).as(Link::new);
        Arbitrary<Op> transfer = Combinators.combine(ids, owners).as(Transfer::new);
        Arbitrary<Op> claim = Combinators.combine(owners, ids).as(Claim::new);
        Arbitrary<Op> presence = Combinators.combine(owners, Arbitraries.of(Presence.class)).as(SetPresence::new);
        Arbitrary<Op> capacity = Combinators.combine(owners, Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 2)).as(SetCapacity::new);
        Arbitrary<Op> leave = owners.map(Leave::new);
        Arbitrary<Op> join = Combinators.combine(owners, Arbitraries.integers().between(0, 3)).as(Join::new);
        Arbitrary<Op> replace = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(ReplacePlan::new);
        Arbitrary<Op> accept = Combinators.combine(owners, ids).as(Accept::new);
        Arbitrary<Op> decline = Combinators.combine(owners, ids).as(Decline::new);
        Arbitrary<Op> tick = Arbitraries.integers().between(1, 12).map(Tick::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(6, route), Tuple.of(4, release), Tuple.of(2, link), Tuple.of(2, transfer),
                        Tuple.of(1, claim), Tuple.of(3, presence), Tuple.of(2, capacity), Tuple.of(1, leave),
                        Tuple.of(1, join), Tuple.of(1, replace), Tuple.of(2, tick), Tuple.of(3, accept),
                        Tuple.of(2, decline))
                .list().ofMinSize(1).ofMaxSize(80);
    }
}
