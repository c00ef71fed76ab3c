package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.state.LiveStateFactory;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One seeded sequence of host calls run through two routers of the same setting and clock, one on the embedded
 * store and one on the store under test: after every call both must have answered alike (the same decision, or the
 * same kind of refusal) and hold the same state (every conversation's place, every owner's presence, load and
 * conversations in order, the waiting conversations in serve order, the router's snapshot), and the store's router must keep the
 * invariants (no owner given work beyond its capacity, no conversation owned twice; every conversation owned,
 * waiting or released follows from the places being the embedded store's).
 * A failure tells the story of the calls that led to it.
 */
final class ContractRun {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> CHANNELS = List.of("chat", "chat", "email", "whatsapp");

    private final ContractSetting setting;
    private final Random random;
    private final ManualClock clock = new ManualClock(START);
    private Router embedded;
    private Router store;
    private final List<String> story = new ArrayList<>();
    private final List<String> routed = new ArrayList<>();
    private final Set<String> open = new LinkedHashSet<>();
    private final Map<String, Integer> loads = new HashMap<>();
    private int next;

    ContractRun(ContractSetting setting, LiveStateFactory storeUnderTest, long seed) {
        this.setting = setting;
        this.random = new Random(seed);
        this.embedded = setting.router().clock(clock).build();
        this.store = setting.router().clock(clock).liveState(storeUnderTest).build();
        story.add(setting + ", seed " + seed);
    }

    /** Runs {@code operations} calls, checking both routers after each; throws an AssertionError on a difference. */
    void run(int operations) {
        for (int i = 0; i < operations; i++) {
            step();
            open.removeIf(id -> embedded.placement(id).isEmpty());
            compare();
            checkInvariants();
        }
    }

    /**
     * Restarts both routers from each other's snapshot: the store's router is restored, on {@code emptyStore}, from
     * the embedded router's snapshot, and the embedded router from the store's. The next calls check that both carry
     * on alike.
     */
    void restoreEachFromTheOther(LiveStateFactory emptyStore) {
        StateSnapshot ofEmbedded = embedded.snapshot();
        StateSnapshot ofStore = store.snapshot();
        store = setting.settings().clock(clock).liveState(emptyStore).restoreFrom(ofEmbedded).build();
        embedded = setting.settings().clock(clock).restoreFrom(ofStore).build();
        story.add("restore the store's router from the embedded one's snapshot, and the embedded from the store's");
        compare();
    }

    /**
     * Makes one scripted call on both routers, then checks them as after every generated call; returns the answer
     * both gave.
     */
    String call(String description, Function<Router, String> host) {
        String answer = both(description, host);
        open.removeIf(id -> embedded.placement(id).isEmpty());
        compare();
        checkInvariants();
        return answer;
    }

    /** Routes a scripted conversation on both routers, as {@link #call} does; returns the decision both made. */
    String route(Conversation conversation) {
        routed.add(conversation.id());
        open.add(conversation.id());
        return call("route " + conversation.id(), router -> describe(router.route(conversation)));
    }

    /** Moves the clock on, for both routers, and ticks both. */
    String tickAfter(Duration by) {
        clock.advance(by);
        return call("tick after " + by, router -> {
            router.tick();
            return "ticked";
        });
    }

    /** The run's clock time. */
    Instant now() {
        return clock.instant();
    }

    /** Where a conversation is on the embedded store (and so on the store, which {@link #call} checked). */
    Optional<Placement> placement(String conversationId) {
        return embedded.placement(conversationId);
    }

    /** Fails, telling the calls so far, unless {@code holds}: what a scripted case expects of the answers. */
    void expect(boolean holds, String expected) {
        if (!holds) {
            fail("expected " + expected);
        }
    }

    private void step() {
        int roll = random.nextInt(100);
        String owner = ContractSetting.OWNERS.get(random.nextInt(ContractSetting.OWNERS.size()));
        if (roll < 25) {
            Conversation conversation = conversation();
            both("route " + conversation.id() + " (" + conversation.channel() + ", "
                    + conversation.priority() + (conversation.vip() ? ", vip" : "") + ", " + conversation.customerId()
                    + ")", router -> describe(router.route(conversation)));
            routed.add(conversation.id());
            open.add(conversation.id());
        } else if (roll < 48) {
            pick().ifPresent(id -> both("release " + id, router -> {
                router.release(id);
                return "released";
            }));
        } else if (roll < 57) {
            String to = roomy().orElse(owner);
            pick(Placement.Owned.class).ifPresent(id -> both("transfer " + id + " to " + to,
                    router -> describe(router.transfer(id, to, new Handoff("handed over", "", "")))));
        } else if (roll < 62) {
            pick(Placement.Waiting.class).ifPresent(id -> both("claim " + id + " by " + owner, router -> describe(router.claim(owner, id))));
        } else if (roll < 66) {
            pick(Placement.Owned.class).ifPresent(id -> both("acknowledge " + id, router -> {
                router.acknowledge(id);
                return "acknowledged";
            }));
        } else if (roll < 74) {
            offered().ifPresent(offer -> {
                String by = random.nextInt(5) == 0 ? owner : offer.ownerIds().get(random.nextInt(
                        offer.ownerIds().size()));
                String id = offer.conversation().id();
                if (random.nextBoolean()) {
                    both("accept " + id + " by " + by, router -> describe(router.accept(by, id)));
                } else {
                    both("decline " + id + " by " + by, router -> describe(router.decline(by, id, "busy")));
                }
            });
        } else if (roll < 83) {
            Presence presence = Presence.values()[random.nextInt(Presence.values().length)];
            both("presence of " + owner + " " + presence, router -> {
                router.setPresence(owner, presence);
                return "set";
            });
        } else if (roll < 87) {
            int total = random.nextInt(4);
            both("capacity of " + owner + " " + total, router -> {
                router.setCapacity(owner, total);
                return "set";
            });
        } else if (roll < 90) {
            String one = customer();
            String other = customer();
            both("link " + one + " and " + other, router -> {
                router.link(one, other);
                return "linked";
            });
        } else {
            Duration by = Duration.ofMillis(1 + random.nextInt(90_000));
            clock.advance(by);
            both("tick after " + by, router -> {
                router.tick();
                return "ticked";
            });
        }
    }

    private Conversation conversation() {
        Conversation.Builder builder = Conversation.builder("c" + ++next).customer(customer())
                .channel(CHANNELS.get(random.nextInt(CHANNELS.size())))
                .priority(Priority.values()[random.nextInt(Priority.values().length)])
                .vip(random.nextInt(7) == 0).createdAt(clock.instant());
        if (random.nextBoolean()) {
            builder.attribute("email", "person" + random.nextInt(4) + "@example.com");
        }
        return builder.build();
    }

    private String customer() {
        return "customer-" + random.nextInt(6);
    }

    /** An open conversation, or now and then one that is no longer open. */
    private Optional<String> pick() {
        List<String> ids = random.nextInt(8) == 0 ? routed : List.copyOf(open);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(random.nextInt(ids.size())));
    }

    /** An owner that may receive work and has room, on the embedded store. */
    private Optional<String> roomy() {
        List<String> ids = embedded.roster().stream().filter(status -> status.presence().mayReceiveWork()
                && status.load() < status.owner().capacity().total()).map(status -> status.owner().id()).toList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(random.nextInt(ids.size())));
    }

    /** An open conversation placed as {@code kind}, or now and then any open one. */
    private Optional<String> pick(Class<? extends Placement> kind) {
        if (random.nextInt(8) == 0) {
            return pick();
        }
        List<String> ids = open.stream().filter(id -> embedded.placement(id).filter(kind::isInstance).isPresent())
                .toList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(random.nextInt(ids.size())));
    }

    private Optional<Placement.Offered> offered() {
        List<Placement.Offered> offers = new ArrayList<>();
        for (String id : open) {
            embedded.placement(id).filter(Placement.Offered.class::isInstance).map(Placement.Offered.class::cast)
                    .filter(offer -> offer.conversation().id().equals(id)).ifPresent(offers::add);
        }
        return offers.isEmpty() ? Optional.empty() : Optional.of(offers.get(random.nextInt(offers.size())));
    }

    /** Makes the same call on both routers; their answers (or the kind of exception) must be the same. */
    private String both(String call, Function<Router, String> host) {
        story.add(call);
        String expected = outcome(embedded, host);
        String actual = outcome(store, host);
        if (!expected.equals(actual)) {
            fail("answered " + actual + ", the embedded store " + expected);
        }
        story.set(story.size() - 1, call + ": " + expected);
        return expected;
    }

    private static String outcome(Router router, Function<Router, String> host) {
        try {
            return host.apply(router);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "refused (" + e.getClass().getSimpleName() + ")";
        }
    }

    static String describe(Decision decision) {
        if (decision instanceof Decision.Assigned assigned) {
            return "Assigned to " + assigned.ownerId() + " by " + assigned.strategy();
        }
        if (decision instanceof Decision.Queued queued) {
            return "Queued in " + queued.queue() + ": " + queued.reason();
        }
        if (decision instanceof Decision.Offered offered) {
            return "Offered to " + offered.ownerIds() + " until " + offered.expiresAt();
        }
        if (decision instanceof Decision.Joined joined) {
            return "Joined " + joined.joinedConversationId() + " at " + place(Optional.of(joined.placement()));
        }
        return "Rejected: " + ((Decision.Rejected) decision).reason();
    }

    private static String place(Optional<Placement> placement) {
        if (placement.isEmpty()) {
            return "nowhere";
        }
        Placement place = placement.get();
        String id = place.conversation().id();
        if (place instanceof Placement.Owned owned) {
            return id + " owned by " + owned.ownerId();
        }
        if (place instanceof Placement.Offered offer) {
            return id + " offered to " + offer.ownerIds() + " until " + offer.expiresAt();
        }
        WaitingConversation entry = ((Placement.Waiting) place).entry();
        return id + " waiting in " + entry.queue() + " since " + entry.enqueuedAt() + " until " + entry.slaDeadline()
                + ": " + entry.reason();
    }

    private void compare() {
        for (String id : routed) {
            same("place of " + id, place(embedded.placement(id)), place(store.placement(id)));
        }
        same("roster", roster(embedded), roster(store));
        same("waiting", waiting(embedded), waiting(store));
        same("snapshot", snapshot(embedded), snapshot(store));
    }

    /**
     * The router's snapshot, but for when each customer was last served (a shared store may keep customer memory by a
     * TTL on its own clock, not the router's, and tell when it was served only as nearly as that TTL does) and for the
     * order of aliases and of owners passed over (sets, whose order no decision reads).
     */
    private static StateSnapshot snapshot(Router router) {
        StateSnapshot snapshot = router.snapshot();
        StateSnapshot.Customers customers = snapshot.customers();
        List<StateSnapshot.CustomerMemory> memory = customers.memory().stream().map(kept ->
                new StateSnapshot.CustomerMemory(kept.customer(), kept.primaryOwner(), kept.lastOwner(),
                        kept.streak(), Instant.EPOCH)).toList();
        StateSnapshot.Timers timers = snapshot.timers();
        return new StateSnapshot(snapshot.takenAt(), snapshot.roster(), snapshot.nextRosterPosition(),
                snapshot.owned(), snapshot.offers(), snapshot.waiting(), snapshot.cursors(),
                new StateSnapshot.Customers(memory, customers.links(), sorted(customers.aliases())),
                new StateSnapshot.Timers(timers.offlineSince(), timers.responseDeadlines(), timers.lapsedBy(),
                        sorted(timers.passedOver())));
    }

    private static Map<String, List<String>> sorted(Map<String, List<String>> sets) {
        Map<String, List<String>> sorted = new HashMap<>();
        sets.forEach((key, values) -> sorted.put(key, values.stream().sorted().toList()));
        return sorted;
    }

    private static List<String> roster(Router router) {
        List<String> roster = new ArrayList<>();
        for (OwnerStatus status : router.roster()) {
            roster.add(status.owner().id() + " " + status.presence() + " capacity " + status.owner().capacity()
                    + " load " + status.load() + " " + new TreeMap<>(status.loadByChannel()) + " "
                    + status.conversationIds() + " last assigned " + status.lastAssignedAt());
        }
        return roster;
    }

    private static List<String> waiting(Router router) {
        List<String> waiting = new ArrayList<>();
        router.waiting().forEach(entry -> waiting.add(entry.conversation().id() + " in " + entry.queue()));
        return waiting;
    }

    private void same(String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            fail(what + " is " + actual + " on the store, " + expected + " on the embedded store");
        }
    }

    private void checkInvariants() {
        Map<String, Integer> owners = new HashMap<>();
        for (OwnerStatus status : store.roster()) {
            String id = status.owner().id();
            int before = loads.getOrDefault(id, 0);
            if (status.load() > before && status.load() > status.owner().capacity().total()) {
                fail("owner " + id + " was given work beyond its capacity: load " + status.load() + " of "
                        + status.owner().capacity().total());
            }
            loads.put(id, status.load());
            status.conversationIds().forEach(conversation -> owners.merge(conversation, 1, Integer::sum));
        }
        owners.forEach((id, count) -> {
            if (count > 1 && !(store.placement(id).orElse(null) instanceof Placement.Offered)) {
                fail("conversation " + id + " is owned " + count + " times");
            }
        });
    }

    private void fail(String problem) {
        throw new AssertionError(problem + "\nafter:\n  " + String.join("\n  ", story));
    }
}
