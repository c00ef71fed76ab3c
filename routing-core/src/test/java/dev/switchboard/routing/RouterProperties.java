package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of route, release, transfer, claim, presence, capacity, roster, plan-replacement and clock
 * operations, on a router with one catch-all rule or with team rules; after every step no owner is over capacity and
 * every open conversation is in exactly one place.
 */
class RouterProperties {

    private static final List<String> OWNERS = List.of("o0", "o1", "o2", "o3");
    private static final List<String> CHANNELS = List.of("chat", "email", "phone");

    sealed interface Op {
        void apply(Router router, ManualClock clock, Set<String> open);
    }

    record Route(String id, String channel, String type, Priority priority) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            router.route(Conversation.builder(id).customer("customer-" + id).channel(channel).type(type)
                    .priority(priority).createdAt(clock.instant()).build());
            open.add(id);
        }
    }

    record Release(String id) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            if (open.contains(id)) {
                router.release(id);
                open.remove(id);
            }
        }
    }

    record Transfer(String id, String owner) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            try {
                router.transfer(id, owner, new Handoff("summary", "", "next step"));
            } catch (IllegalArgumentException | IllegalStateException refused) {
                // not open, waiting, same owner, unknown owner, or no room: refused without a change
            }
        }
    }

    record Claim(String owner, String id) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            try {
                router.claim(owner, id);
            } catch (IllegalArgumentException refused) {
                // unknown owner or conversation not open
            }
        }
    }

    record SetPresence(String owner, Presence presence) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            try {
                router.setPresence(owner, presence);
            } catch (IllegalArgumentException notOnRoster) {
                // the owner left
            }
        }
    }

    record SetCapacity(String owner, int total, int phone) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            try {
                router.setCapacity(owner, Capacity.of(total).withChannel("phone", phone));
            } catch (IllegalArgumentException notOnRoster) {
                // the owner left
            }
        }
    }

    record Leave(String owner) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            try {
                router.removeOwner(owner);
            } catch (IllegalArgumentException notOnRoster) {
                // already gone
            }
        }
    }

    record Join(String owner, int total) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            try {
                router.addOwner(Owner.agent(owner).capacity(total).build());
            } catch (IllegalArgumentException alreadyThere) {
                // already on the roster
            }
        }
    }

    record ReplacePlan(boolean teams) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            router.replacePlan(teams ? teamPlan() : oneRulePlan());
        }
    }

    record Tick(int minutes) implements Op {
        public void apply(Router router, ManualClock clock, Set<String> open) {
            clock.advance(Duration.ofMinutes(minutes));
            router.tick();
        }
    }

    private static final List<QueueSpec> QUEUES = List.of(new QueueSpec("review", Duration.ofMinutes(30)),
            new QueueSpec("waiting", Duration.ofMinutes(10)), new QueueSpec("complaints", Duration.ofMinutes(20)));

    /** What {@code chain(typeToQueue("complaint", "review"), firstAvailable())} with those queues stands for. */
    static RoutingPlan oneRulePlan() {
        return new RoutingPlan(QUEUES, List.of(Rule.builder("everything")
                .chain(TestStrategies.typeToQueue("complaint", "review"), TestStrategies.firstAvailable())
                .queue("waiting").build()));
    }

    /** Complaints to o0 and o1, urgent work to anyone, low priority to review (no owner), the rest to o2 and o3. */
    static RoutingPlan teamPlan() {
        return new RoutingPlan(QUEUES, List.of(
                Rule.builder("complaints").when(new Condition.Is("type", "complaint")).owners("o0", "o1")
                        .chain(TestStrategies.firstAvailable()).queue("complaints").build(),
                Rule.builder("urgent").when(new Condition.Is("priority", "urgent"))
                        .chain(TestStrategies.firstAvailable()).queue("waiting").build(),
                Rule.builder("low").when(new Condition.Is("priority", "low")).queue("review").build(),
                Rule.builder("rest").owners("o2", "o3").chain(TestStrategies.firstAvailable()).queue("waiting")
                        .build()));
    }

    @Property(tries = 300)
    void capacityHoldsAndNothingIsLost_afterEveryStep(
            @ForAll("operations") List<Op> operations, @ForAll boolean graceOnOffline, @ForAll boolean teams) {
        ManualClock clock = new ManualClock(START);
        Router.Builder builder = Router.builder().clock(clock).plan(teams ? teamPlan() : oneRulePlan())
                .offlinePolicy(graceOnOffline ? OfflinePolicy.keepFor(Duration.ofMinutes(3)) : OfflinePolicy.reassignNow());
        for (int i = 0; i < OWNERS.size(); i++) {
            builder.owner(Owner.agent(OWNERS.get(i)).capacity(i).channelCapacity("phone", 1).build());
        }
        Router router = builder.build();
        Set<String> open = new HashSet<>();

        for (Op operation : operations) {
            List<OwnerStatus> before = router.roster();
            operation.apply(router, clock, open);
            List<OwnerStatus> after = router.roster();
            Invariants.capacityIsNeverExceeded(before, after);
            Invariants.everyOpenConversationIsInExactlyOnePlace(after, router.waiting(), open);
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> ids = Arbitraries.integers().between(0, 15).map(i -> "c" + i);
        Arbitrary<String> owners = Arbitraries.of(OWNERS);
        Arbitrary<Op> route = Combinators.combine(ids, Arbitraries.of(CHANNELS),
                Arbitraries.of("general", "general", "complaint"), Arbitraries.of(Priority.class)).as(Route::new);
        Arbitrary<Op> release = ids.map(Release::new);
        Arbitrary<Op> transfer = Combinators.combine(ids, owners).as(Transfer::new);
        Arbitrary<Op> claim = Combinators.combine(owners, ids).as(Claim::new);
        Arbitrary<Op> presence = Combinators.combine(owners, Arbitraries.of(Presence.class)).as(SetPresence::new);
        Arbitrary<Op> capacity = Combinators.combine(owners, Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 2)).as(SetCapacity::new);
        Arbitrary<Op> leave = owners.map(Leave::new);
        Arbitrary<Op> join = Combinators.combine(owners, Arbitraries.integers().between(0, 3)).as(Join::new);
        Arbitrary<Op> replace = Arbitraries.of(true, false).map(ReplacePlan::new);
        Arbitrary<Op> tick = Arbitraries.integers().between(1, 12).map(Tick::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, route), net.jqwik.api.Tuple.of(4, release),
                        net.jqwik.api.Tuple.of(2, transfer), net.jqwik.api.Tuple.of(1, claim),
                        net.jqwik.api.Tuple.of(3, presence), net.jqwik.api.Tuple.of(2, capacity),
                        net.jqwik.api.Tuple.of(1, leave), net.jqwik.api.Tuple.of(1, join),
                        net.jqwik.api.Tuple.of(1, replace), net.jqwik.api.Tuple.of(2, tick))
                .list().ofMinSize(1).ofMaxSize(80);
    }
}
