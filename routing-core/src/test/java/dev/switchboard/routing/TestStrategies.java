package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Minimal strategies and builders for exercising the router without routing-strategies. The two that tests in other
 * packages (events, metrics) use too are public.
 */
public final class TestStrategies {
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private TestStrategies() {}

    /** A strategy made of a name and a decision function. */
    public static Strategy strategy(String name, BiFunction<Conversation, RoutingView, Verdict> decide) {
        return new Strategy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict decide(Conversation conversation, RoutingView view) {
                return decide.apply(conversation, view);
            }
        };
    }

    /** Picks the first owner, in roster order, that is online with free capacity. */
    public static Strategy firstAvailable() {
        return strategy("first-available", (conversation, view) -> {
            for (Candidate candidate : view.candidates()) {
                if (candidate.canTake(BusyPolicy.EXCLUDE)) {
                    return Verdict.assign(candidate, "first owner with room");
                }
            }
            return Verdict.pass(PassReason.NO_CAPACITY, "nobody has room");
        });
    }

    /** Sends conversations of one type to a queue, passes on the others. */
    static Strategy typeToQueue(String type, String queue) {
        return strategy("review-" + type, (conversation, view) -> conversation.type().equals(type)
                ? Verdict.enqueue(queue, type + " conversations are reviewed by a person")
                : Verdict.pass(PassReason.NOT_APPLICABLE, "not a " + type));
    }

    /** Takes turns in roster order among owners with room, keeping its place in its cursor. */
    static Strategy rotation() {
        return strategy("rotation", (conversation, view) -> {
            long next = view.cursor("rotation");
            Candidate chosen = null;
            for (Candidate candidate : view.candidates()) {
                if (candidate.canTake(BusyPolicy.EXCLUDE) && (chosen == null
                        || (chosen.rosterPosition() < next && candidate.rosterPosition() >= next))) {
                    chosen = candidate;
                }
            }
            return chosen == null ? Verdict.pass(PassReason.NO_CAPACITY, "nobody has room")
                    : Verdict.assign(chosen, "next in turn", "rotation", chosen.rosterPosition() + 1);
        });
    }

    /**
     * Passes on every conversation, but first, for the one whose id is {@code heldId}, opens {@code deciding} and
     * waits until {@code letGo} opens: a decision held in the middle, for tests of what other threads may do then.
     */
    static Strategy holdingDecisionOf(String heldId, CountDownLatch deciding, CountDownLatch letGo) {
        return strategy("held", (conversation, view) -> {
            if (conversation.id().equals(heldId)) {
                deciding.countDown();
                await(letGo);
            }
            return Verdict.pass(PassReason.NOT_APPLICABLE, "only holds one decision");
        });
    }

    /**
     * Routes "held" on another thread, whose decision {@link #holdingDecisionOf} holds, and, while it decides, routes
     * and releases "quick" to their end; then lets the held decision go and releases "held". Both must be assigned,
     * and the quick route and release must not have waited for the held decision.
     */
    static void aRouteAndAReleaseWhileAnotherRouteDecides(Router router, CountDownLatch deciding,
            CountDownLatch letGo) throws Exception {
        CompletableFuture<Decision> held = CompletableFuture.supplyAsync(() -> router.route(conversation("held")
                .build()));
        deciding.await();

        Decision quick = router.route(conversation("quick").build());
        router.release("quick");
        assertThat(quick).isInstanceOf(Decision.Assigned.class);
        assertThat(held).as("still deciding while the other route and release ran").isNotDone();

        letGo.countDown();
        assertThat(held.get()).isInstanceOf(Decision.Assigned.class);
        router.release("held");
    }

    /** Waits for the latch; an interrupt is restored and reported as an IllegalStateException. */
    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Holds every conversation where it waits. */
    static Strategy holdAll() {
        return strategy("hold", (conversation, view) -> Verdict.hold("waiting for a person"));
    }

    /**
     * Gives a returning customer to the owner who last served them, when that owner has room: a step that follows
     * the customer (see {@link Strategy#followsTheCustomer}).
     */
    static Strategy previousOwner() {
        return new Strategy() {
            @Override
            public String name() {
                return "previous-owner";
            }

            @Override
            public Verdict decide(Conversation conversation, RoutingView view) {
                return view.previousOwner(conversation.customerId()).flatMap(view::candidate)
                        .filter(candidate -> candidate.canTake(BusyPolicy.EXCLUDE))
                        .<Verdict>map(candidate -> Verdict.assign(candidate, "served this customer before"))
                        .orElse(Verdict.pass(PassReason.NOT_APPLICABLE, "no previous owner with room"));
            }

            @Override
            public boolean followsTheCustomer() {
                return true;
            }
        };
    }

    /**
     * Gives the conversation to the first owner, in roster order, that meets what the conversation states
     * ({@link Requirements#of}, optional skills dropped when {@code dropOptional}) and can take it now, and promises
     * the drains no more (see {@link Strategy#assigneeMeets}).
     */
    static Strategy skillMatch(boolean dropOptional) {
        return new Strategy() {
            @Override
            public String name() {
                return dropOptional ? "skill-match-relaxed" : "skill-match";
            }

            @Override
            public Verdict decide(Conversation conversation, RoutingView view) {
                Eligible eligible = view.eligible(assigneeMeets(Requirements.of(conversation)), BusyPolicy.EXCLUDE);
                return eligible.next() ? Verdict.assign(eligible.candidate(), "meets what it asks")
                        : Verdict.pass(PassReason.NO_MATCH, "nobody who meets what it asks has room");
            }

            @Override
            public Requirements assigneeMeets(Requirements stated) {
                return stated.relaxed(dropOptional, 0);
            }
        };
    }

    /** {@code step}, telling {@code decided} of each conversation it decides, with the same promise to the drains. */
    static Strategy watched(Strategy step, Consumer<Conversation> decided) {
        return new Strategy() {
            @Override
            public String name() {
                return step.name();
            }

            @Override
            public Verdict decide(Conversation conversation, RoutingView view) {
                decided.accept(conversation);
                return step.decide(conversation, view);
            }

            @Override
            public Requirements assigneeMeets(Requirements stated) {
                return step.assigneeMeets(stated);
            }

            @Override
            public boolean followsTheCustomer() {
                return step.followsTheCustomer();
            }
        };
    }

    static Conversation.Builder conversation(String id) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").createdAt(START);
    }

    /**
     * Keeps every call of the router on the exclusive lock: linking customers' identities needs every decision
     * serialised. They are linked by email, which the conversations of the tests using this do not carry.
     */
    static Router.Builder onTheExclusiveLock(Router.Builder builder) {
        return builder.linkIdentitiesBy(IdentityKey.EMAIL);
    }

    static Owner agent(String id, int capacity) {
        return Owner.agent(id).capacity(capacity).build();
    }
}
