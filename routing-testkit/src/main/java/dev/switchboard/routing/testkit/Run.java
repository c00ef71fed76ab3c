package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plays one scenario on a fresh router with a {@link ManualClock}: runs each operation, follows the events in a
 * {@link Shadow}, checks the invariants after each operation, and tells what happened as a {@link Story}. Stops at
 * the first violation.
 */
final class Run {

    /**
     * What every run of a check shares.
     *
     * @param routers gives a fresh builder for each run, to which the run adds its clock and listeners
     * @param holds per rule, how long its steps may hold a conversation in all
     * @param extraHold added to every rule's holds
     * @param checked the invariants checked
     */
    record Setup(Supplier<Router.Builder> routers, Map<String, Duration> holds, Duration extraHold,
            Set<Invariant> checked) {}

    /**
     * How a run went.
     *
     * @param violation the first invariant that broke, if one did
     * @param story the run told up to where it stopped
     * @param transcript per operation, what it did, to compare runs
     */
    record Outcome(Optional<Violation> violation, Story story, List<Step> transcript) {}

    /**
     * What one operation did: the call's result (a decision, or a word), the events it caused, and its story line.
     */
    record Step(Object result, List<RoutingEvent> events, String told) {}

    /** The result of a call that threw, comparable between runs. */
    private record Failed(String exception, String message) {}

    private static final Handoff HANDOFF = new Handoff("handed over by the test kit", "", "carry on");

    private final Router router;
    private final ManualClock clock;
    private final Shadow shadow;
    private final Story story;
    private final Starvation starvation;
    private final Set<Invariant> checked;
    private int routed;

    private Run(Router router, ManualClock clock, Shadow shadow, Story story, Starvation starvation,
            Set<Invariant> checked) {
        this.router = router;
        this.clock = clock;
        this.shadow = shadow;
        this.story = story;
        this.starvation = starvation;
        this.checked = checked;
    }

    /**
     * Plays a scenario.
     *
     * @param withFailingListener whether a listener that throws on every event is registered before the model's
     */
    static Outcome play(Scenario scenario, Setup setup, boolean withFailingListener) {
        ManualClock clock = new ManualClock(scenario.start());
        Shadow shadow = new Shadow(setup.checked());
        Router.Builder builder = setup.routers().get().clock(clock);
        if (withFailingListener) {
            builder.listener(new FailingListener());
        }
        Router router = builder.listener(shadow).build();
        shadow.start(router.roster(), new RotationSpread(router.plan()));
        Story story = new Story(scenario.start(), router.roster());
        Run run = new Run(router, clock, shadow, story,
                new Starvation(router.plan(), setup.holds(), setup.extraHold()), setup.checked());
        List<Step> transcript = new ArrayList<>();
        for (Operation operation : scenario.operations()) {
            Optional<Violation> violation = run.step(operation, transcript);
            if (violation.isPresent()) {
                return new Outcome(violation, story, transcript);
            }
        }
        return new Outcome(Optional.empty(), story, transcript);
    }

    private Optional<Violation> step(Operation operation, List<Step> transcript) {
        int before = shadow.events().size();
        Call call = prepare(operation);
        if (call == null) {
            transcript.add(new Step("skipped", List.of(), ""));
            return Optional.empty();
        }
        Object result;
        Violation refused = null;
        try {
            result = call.action().get();
        } catch (RuntimeException thrown) {
            result = new Failed(thrown.getClass().getName(), thrown.getMessage());
            refused = new Violation(Invariant.CALLS_ANSWERED, call.method() + " threw "
                    + thrown.getClass().getSimpleName() + ": " + thrown.getMessage());
        }
        List<RoutingEvent> events = List.copyOf(shadow.events().subList(before, shadow.events().size()));
        transcript.add(new Step(result, events, tell(call, result, events)));
        if (result instanceof Decision decision && operation instanceof Operation.Route) {
            shadow.decided(decision);
        }
        shadow.reconcile(router);
        Optional<Violation> violation = shadow.violation();
        if (violation.isEmpty() && refused != null && checked.contains(Invariant.CALLS_ANSWERED)) {
            violation = Optional.of(refused);
        }
        if (violation.isEmpty() && operation instanceof Operation.Tick && checked.contains(Invariant.NO_STARVATION)) {
            violation = starvation.check(shadow, clock.instant());
        }
        return violation;
    }

    /**
     * A call on the router an operation makes: the start of its line in the story, the conversation or owner it is
     * about, and the call itself, which returns a decision or a word.
     */
    private record Call(String method, String headline, String subject, Supplier<Object> action) {}

    /** The call an operation makes; null when it makes none, as time passing, or cannot apply now and is skipped. */
    private Call prepare(Operation operation) {
        if (operation instanceof Operation.Advance advance) {
            clock.advance(advance.by());
            return null;
        }
        if (operation instanceof Operation.Route route) {
            Conversation template = route.conversation();
            Conversation conversation = new Conversation("c" + (++routed), template.customerId(),
                    template.channel(), template.type(), template.priority(), template.vip(), template.language(),
                    template.region(), template.requiredSkills(), template.attributes(), clock.instant());
            return new Call("route(" + conversation.id() + ")", Words.of(conversation) + " arrives", conversation.id(),
                    () -> {
                Decision decision = router.route(conversation);
                shadow.routed(conversation);
                return decision;
            });
        }
        if (operation instanceof Operation.SetPresence presence) {
            return new Call("setPresence(" + presence.ownerId() + ")", presence.ownerId() + " "
                    + Words.of(presence.presence()), presence.ownerId(), () -> {
                router.setPresence(presence.ownerId(), presence.presence());
                return "done";
            });
        }
        if (operation instanceof Operation.SetCapacity capacity) {
            return new Call("setCapacity(" + capacity.ownerId() + ")", capacity.ownerId() + " "
                    + Words.of(capacity.capacity()), capacity.ownerId(), () -> {
                router.setCapacity(capacity.ownerId(), capacity.capacity());
                return "done";
            });
        }
        if (operation instanceof Operation.Tick) {
            return new Call("tick()", "tick", "", () -> {
                router.tick();
                return "done";
            });
        }
        if (operation instanceof Operation.Claim claim) {
            List<WaitingConversation> waiting = router.waiting();
            if (waiting.isEmpty()) {
                return null;
            }
            String id = waiting.get(claim.pick() % waiting.size()).conversation().id();
            return new Call("claim(" + id + ")", claim.ownerId() + " claims " + id, id,
                    () -> router.claim(claim.ownerId(), id));
        }
        return prepareOnOpen(operation);
    }

    /** The call of an operation on an open conversation: release, acknowledge, transfer. */
    private Call prepareOnOpen(Operation operation) {
        List<String> open = shadow.open(!(operation instanceof Operation.Release));
        if (open.isEmpty()) {
            return null;
        }
        if (operation instanceof Operation.Release release) {
            String id = open.get(release.pick() % open.size());
            return new Call("release(" + id + ")", "release " + id, id, () -> {
                router.release(id);
                return "done";
            });
        }
        if (operation instanceof Operation.Acknowledge acknowledge) {
            String id = open.get(acknowledge.pick() % open.size());
            String ownerId = ownerOf(id);
            return new Call("acknowledge(" + id + ")", ownerId + " replies to " + id, id, () -> {
                router.acknowledge(id);
                return "done";
            });
        }
        Operation.Transfer transfer = (Operation.Transfer) operation;
        String id = open.get(transfer.pick() % open.size());
        String from = ownerOf(id);
        OwnerState to = shadow.owner(transfer.toOwnerId());
        if (to == null || to.id().equals(from) || !to.presence().mayReceiveWork()
                || to.freeOn(shadow.conversation(id).channel()) == 0) {
            return null;
        }
        return new Call("transfer(" + id + ")", id + " handed from " + from + " to " + to.id(), id,
                () -> router.transfer(id, to.id(), HANDOFF));
    }

    private String ownerOf(String conversationId) {
        return ((Shadow.Owned) shadow.place(conversationId)).ownerId();
    }

    /** Adds the operation's line to the story, and returns it. */
    private String tell(Call call, Object result, List<RoutingEvent> events) {
        List<String> consequences = new ArrayList<>();
        if (result instanceof Decision.Rejected rejected && events.isEmpty()) {
            consequences.add("refused: " + rejected.reason());
        }
        for (RoutingEvent event : events) {
            String told = Narrator.tell(event, call.subject());
            if (told != null) {
                consequences.add(told);
            }
        }
        if (result instanceof Failed) {
            consequences.add("throws");
        }
        String line = call.headline() + (consequences.isEmpty() ? "" : " -> " + String.join("; ", consequences));
        story.line(clock.instant(), line);
        return line;
    }

    /** Throws on every event, without a stack trace, so that the router's warning for it stays one line. */
    private static final class FailingListener implements RoutingListener {
        @Override
        public void onEvent(RoutingEvent event) {
            throw new ListenerFailure();
        }

        @Override
        public String toString() {
            return "the test kit's failing listener";
        }
    }

    private static final class ListenerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailure() {
            super("deliberate failure of a listener, to check that routing goes on", null, false, false);
        }
    }
}
