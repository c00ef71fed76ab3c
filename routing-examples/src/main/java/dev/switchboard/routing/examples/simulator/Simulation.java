package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import dev.switchboard.routing.examples.simulator.Day.Arrival;
import dev.switchboard.routing.examples.simulator.Day.PresenceChange;
import dev.switchboard.routing.replay.RouterSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Plays one {@link Day} through one {@link Chain}: a discrete-event loop over an agenda of timed actions that
 * moves a {@link ManualClock} and calls the router exactly as a host app would: {@code route} when a conversation
 * arrives, {@code release} when its work is done, {@code transfer} when it needs a specialist, {@code setPresence}
 * as agents come and go, {@code accept} or {@code decline} when a rule offers a conversation to an agent, and
 * {@code tick} every {@link #TICK}. The router's events tell it when work starts,
 * moves or stops, and a {@link MetricsCollector} listening alongside measures the day.
 *
 * <p>Work is conserved: a conversation needs its handling time from whoever holds it, so when it is re-routed or
 * transferred the next owner does what is left. Actions at the same instant run in the order they were scheduled.
 * Single-threaded and deterministic.
 */
final class Simulation {

    /** How often the host calls {@code Router.tick()}: SLA breaches are noticed this late at most. */
    static final Duration TICK = Duration.ofSeconds(30);

    /** Waiting conversations are served by priority with this much aging per level, so low priority never starves. */
    static final Duration PRIORITY_AGING = Duration.ofMinutes(10);

    /** The share of offers an agent declines, and the share it misses (never answers, so that the offer expires). */
    static final double DECLINES = 0.10;
    static final double MISSES = 0.05;

    /** An agent answers an offer it does not miss within this many seconds, at least one. */
    private static final int ANSWER_SECONDS = 20;

    /** The seed of the agents' answers to offers: the same day gets the same answers. */
    private static final long ANSWERS_SEED = 14;

    private final Day day;
    private final ManualClock clock;
    private final Router router;
    private final MetricsCollector metrics;
    private final Map<String, Owner> owners = new HashMap<>();
    private final Map<String, Work> work = new HashMap<>();
    private final Random answers = new Random(ANSWERS_SEED);
    private final PriorityQueue<Scheduled> agenda = new PriorityQueue<>(
            Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::sequence));
    private long scheduled;

    private Simulation(Day day, Chain chain, List<RoutingListener> recorders, LiveStore store) {
        this.day = day;
        this.clock = new ManualClock(day.start());
        this.metrics = new MetricsCollector(day, chain);
        Router.Builder builder = store.placeIn(routerBuilder(day, chain), chain).clock(clock).listener(metrics)
                .listener(this::follow);
        recorders.forEach(builder::recorder);
        day.owners().forEach(owner -> owners.put(owner.id(), owner));
        this.router = builder.build();
    }

    /** Plays the day through the chain and returns what the chain did. */
    static ChainReport run(Day day, Chain chain) {
        return run(day, chain, List.of(), LiveStore.embedded());
    }

    /** Plays the day through the chain with recorders ({@code Router.Builder.recorder}) and returns what it did. */
    static ChainReport run(Day day, Chain chain, List<RoutingListener> recorders) {
        return run(day, chain, recorders, LiveStore.embedded());
    }

    /** As {@link #run(Day, Chain, List)}, on a router whose live state is kept in {@code store}. */
    static ChainReport run(Day day, Chain chain, List<RoutingListener> recorders, LiveStore store) {
        return new Simulation(day, chain, recorders, store).play();
    }

    /**
     * The router options every chain shares, beyond its routing: priority aging, and each conversation routed on
     * its own. A log recorded from a {@link Chain.Document document} chain carries them in its header.
     */
    static final RouterSettings SETTINGS = RouterSettings.builder().priorityAging(PRIORITY_AGING)
            .oneConversationPerCustomer(false).build();

    /**
     * The router a day is played on, without its clock and listeners: the chain with {@link #SETTINGS}, and every
     * agent offline. A document's router is built from the document, as a host builds one.
     */
    static Router.Builder routerBuilder(Day day, Chain chain) {
        if (chain.routing() instanceof Chain.Document document) {
            Map<String, Presence> offline = new HashMap<>();
            document.config().owners().forEach(owner -> offline.put(owner.id(), Presence.OFFLINE));
            return SETTINGS.routerBuilder(document.config(), offline);
        }
        Router.Builder builder = SETTINGS.applyTo(chain.configure(Router.builder(), day.queueSla()));
        day.owners().forEach(owner -> builder.owner(owner, Presence.OFFLINE));
        return builder;
    }

    private ChainReport play() {
        for (PresenceChange change : day.presenceChanges()) {
            schedule(change.at(), () -> router.setPresence(change.ownerId(), change.presence()));
        }
        for (Arrival arrival : day.arrivals()) {
            schedule(arrival.conversation().createdAt(), () -> arrive(arrival));
        }
        schedule(day.start(), this::tick);
        while (!agenda.isEmpty() && !agenda.peek().at().isAfter(day.end())) {
            Scheduled next = agenda.poll();
            clock.set(next.at());
            next.action().run();
        }
        clock.set(day.end());
        return metrics.finish(day.end());
    }

    /** An action due at an instant; the sequence number keeps actions at the same instant in scheduling order. */
    private record Scheduled(Instant at, long sequence, Runnable action) {}

    private void schedule(Instant at, Runnable action) {
        agenda.add(new Scheduled(at, scheduled++, action));
    }

    private void tick() {
        router.tick();
        schedule(clock.instant().plus(TICK), this::tick);
    }

    private void arrive(Arrival arrival) {
        work.put(arrival.conversation().id(), new Work(arrival));
        router.route(arrival.conversation());
    }

    // ------------------------------------------------------------------------------------------- the work

    /**
     * A conversation's outstanding work. Each time it gets an owner its version changes, so that actions scheduled
     * for an earlier owner (finishing, transferring) are recognised as stale and skipped.
     */
    private static final class Work {
        final Arrival arrival;
        Duration left;
        Instant since;
        int version;
        boolean transferTried;

        Work(Arrival arrival) {
            this.arrival = arrival;
            this.left = arrival.handling();
        }

        /** Stops the clock on the current owner's work, if someone was working on it. */
        void pause(Instant at) {
            if (since != null) {
                left = left.minus(Duration.between(since, at));
                since = null;
            }
            version++;
        }
    }

    /** Follows the router's events: work starts with an owner, moves with a transfer or re-route, ends on release. */
    private void follow(RoutingEvent event) {
        if (event instanceof RoutingEvent.Assigned assigned) {
            startWork(assigned.conversation().id(), assigned.ownerId(), assigned.at());
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            Work moved = work.get(transferred.conversation().id());
            moved.transferTried = true;
            startWork(transferred.conversation().id(), transferred.toOwnerId(), transferred.at());
        } else if (event instanceof RoutingEvent.Offered offered) {
            answer(offered);
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            work.get(rerouted.conversation().id()).pause(rerouted.at());
        } else if (event instanceof RoutingEvent.Released released) {
            work.remove(released.conversation().id());
        } else if (event instanceof RoutingEvent.Rejected rejected) {
            work.remove(rejected.conversation().id());
        }
    }

    /**
     * The agent answers an offer as people do: it declines {@link #DECLINES} of them, misses {@link #MISSES} (the offer
     * expires), and accepts the rest, each within {@link #ANSWER_SECONDS} seconds; an offer taken back meanwhile is
     * not answered.
     */
    private void answer(RoutingEvent.Offered offered) {
        double draw = answers.nextDouble();
        Instant at = offered.at().plusSeconds(1 + answers.nextInt(ANSWER_SECONDS));
        String id = offered.conversation().id();
        String ownerId = offered.ownerId();
        if (draw < MISSES) {
            return;
        }
        boolean declines = draw < MISSES + DECLINES;
        schedule(at, () -> {
            if (router.placement(id).orElse(null) instanceof Placement.Offered offer
                    && offer.ownerIds().contains(ownerId) && offer.offeredAt().equals(offered.at())) {
                if (declines) {
                    router.decline(ownerId, id, "busy with another customer");
                } else {
                    router.accept(ownerId, id);
                }
            }
        });
    }

    private void startWork(String conversationId, String ownerId, Instant at) {
        Work current = work.get(conversationId);
        current.pause(at);
        current.since = at;
        int version = current.version;
        schedule(at.plus(current.left), () -> finish(conversationId, version));
        Arrival arrival = current.arrival;
        if (arrival.needsSpecialist() && !current.transferTried
                && owners.get(ownerId).proficiency(arrival.skill()) < day.specialistLevel()) {
            Duration triage = day.triage().compareTo(current.left) < 0 ? day.triage() : current.left.dividedBy(2);
            schedule(at.plus(triage), () -> transferToSpecialist(conversationId, ownerId, version));
        }
    }

    private void finish(String conversationId, int version) {
        Work current = work.get(conversationId);
        if (current != null && current.version == version) {
            router.release(conversationId);
        }
    }

    /**
     * The owner hands the conversation to a specialist with a note, as a host app would: the least loaded online
     * specialist in its skill who speaks the customer's language and has room on its channel. With none free, the
     * owner keeps it and does the work.
     */
    private void transferToSpecialist(String conversationId, String ownerId, int version) {
        Work current = work.get(conversationId);
        if (current == null || current.version != version) {
            return;
        }
        current.transferTried = true;
        Arrival arrival = current.arrival;
        specialistFor(arrival, ownerId).ifPresent(specialist -> router.transfer(conversationId, specialist,
                new Handoff("Customer " + arrival.conversation().customerId() + " needs a " + arrival.skill()
                        + " specialist", "Triaged and told a specialist will take over",
                        "Resolve the " + arrival.conversation().type() + " question")));
    }

    private Optional<String> specialistFor(Arrival arrival, String currentOwner) {
        String language = arrival.conversation().language();
        String channel = arrival.conversation().channel();
        return router.roster().stream()
                .filter(status -> status.presence() == Presence.ONLINE
                        && !status.owner().id().equals(currentOwner)
                        && status.owner().proficiency(arrival.skill()) >= day.specialistLevel()
                        && (language.isEmpty() || status.owner().languages().contains(language))
                        && status.freeCapacityOn(channel) > 0)
                .min(Comparator.comparingDouble(Simulation::utilisation))
                .map(status -> status.owner().id());
    }

    private static double utilisation(OwnerStatus status) {
        return (double) status.load() / status.owner().capacity().total();
    }
}
