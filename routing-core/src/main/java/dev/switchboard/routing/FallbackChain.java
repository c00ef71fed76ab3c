package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    Trace run(Conversation conversation, LiveView view) {
        List<Trace.Step> trace = null;
        String lastPass = null;
        for (Strategy step : steps) {
            Verdict verdict = step.decide(conversation, view);
            if (verdict == null) {
                throw new IllegalStateException("chain step '" + step.name() + "' returned no verdict");
            }
            check(step, verdict);
            Trace.Step said = new Trace.Step(step.name(), verdict);
            if (trace == null && !(verdict instanceof Verdict.Pass)) {
                return new Trace(List.of(said));
            }
            if (trace == null) {
                trace = new ArrayList<>(steps.size() + 1);
            }
            trace.add(said);
            if (!(verdict instanceof Verdict.Pass)) {
                return new Trace(trace);
            }
            lastPass = verdict.reason();
        }
        Trace.Step fallback = new Trace.Step(Rule.FALLBACK_STEP, Verdict.enqueue(fallbackQueue, lastPass == null
                ? "this rule picks no owner: the conversation waits here to be claimed or reviewed"
                : "no step could place the conversation (last: " + lastPass + ")" + heldBack(view)));
        if (trace == null) {
            return new Trace(List.of(fallback));
        }
        trace.add(fallback);
        return new Trace(trace);
    }

    /** Which owners the router left out of the decision, and why, when it can say. */
    private static String heldBack(LiveView view) {
        Map<String, String> heldBack = view.heldBack();
        if (heldBack.isEmpty()) {
            return "";
        }
        List<String> owners = new ArrayList<>();
        heldBack.forEach((ownerId, reason) -> owners.add(ownerId + " " + reason));
        return "; held back from automatic assignment: " + String.join(", ", owners);
    }

    /**
     * A strategy that names a queue the plan does not declare is a programming error. (One that assigns an owner who
     * cannot take the conversation is caught when the router commits the assignment.)
     */
    private void check(Strategy step, Verdict verdict) {
        if (verdict instanceof Verdict.Enqueue enqueue && !queues.contains(enqueue.queue())) {
            throw new IllegalStateException("chain step '" + step.name() + "' sent the conversation to queue '"
                    + enqueue.queue() + "', which the router's plan does not declare");
        }
    }
}
