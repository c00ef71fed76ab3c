package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs one rule's strategies in order: the first step that does not pass decides. When every step passes, the
 * conversation goes to the rule's queue. The trace records every step, so the last step is always the decisive one.
 */
final class FallbackChain {

    private final List<Strategy> steps;
    private final String fallbackQueue;
    private final Set<String> queues;

    /** The steps' names were checked by {@link Rule}, and the queues by {@link RoutingPlan}. */
    FallbackChain(List<Strategy> steps, String fallbackQueue, Set<String> queues) {
        this.steps = List.copyOf(steps);
        this.fallbackQueue = fallbackQueue;
        this.queues = Set.copyOf(queues);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    Trace run(Conversation conversation, RoutingView view) {
        List<Trace.Step> trace = new ArrayList<>(steps.size() + 1);
        String lastPass = null;
        for (Strategy step : steps) {
            Verdict verdict = step.decide(conversation, view);
            if (verdict == null) {
                throw new IllegalStateException("chain step '" + step.name() + "' returned no verdict");
            }
            check(step, verdict, view);
            Trace.Step said = new Trace.Step(step.name(), verdict);
            if (!(verdict instanceof Verdict.Pass)) {
                if (trace.isEmpty()) {
                    return new Trace(List.of(said));
                }
                trace.add(said);
                return new Trace(trace);
            }
            trace.add(said);
            lastPass = verdict.reason();
        }
        trace.add(new Trace.Step(Rule.FALLBACK_STEP, Verdict.enqueue(fallbackQueue, lastPass == null
                ? "this rule picks no owner: the conversation waits here to be claimed or reviewed"
                : "no step could place the conversation (last: " + lastPass + ")" + heldBack(view))));
        return new Trace(trace);
    }

    /** Which owners the router left out of the decision, and why, when it can say. */
    private static String heldBack(RoutingView view) {
        if (!(view instanceof HoldsBack holds) || holds.heldBack().isEmpty()) {
            return "";
        }
        List<String> owners = new ArrayList<>();
        holds.heldBack().forEach((ownerId, reason) -> owners.add(ownerId + " " + reason));
        return "; held back from automatic assignment: " + String.join(", ", owners);
    }

    /** A strategy that picks someone who cannot take the conversation, or an unknown queue, is a programming error. */
    private void check(Strategy step, Verdict verdict, RoutingView view) {
        if (verdict instanceof Verdict.Assign assign) {
            Candidate chosen = view.candidate(assign.ownerId()).orElseThrow(() -> new IllegalStateException(
                    "chain step '" + step.name() + "' assigned owner '" + assign.ownerId()
                            + "', who is not on the roster or not among the rule's owners"));
            if (!chosen.presence().mayReceiveWork() || chosen.freeCapacity() == 0) {
                throw new IllegalStateException("chain step '" + step.name() + "' assigned owner '"
                        + assign.ownerId() + "', who cannot take it (" + chosen.presence() + ", free capacity "
                        + chosen.freeCapacity() + ")");
            }
        } else if (verdict instanceof Verdict.Enqueue enqueue && !queues.contains(enqueue.queue())) {
            throw new IllegalStateException("chain step '" + step.name() + "' sent the conversation to queue '"
                    + enqueue.queue() + "', which the router's plan does not declare");
        }
    }
}
