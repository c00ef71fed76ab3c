package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs strategies in order: the first step that does not pass decides. When every step passes, the conversation
 * goes to the fallback queue. The trace records every step, so the last step is always the decisive one.
 */
final class FallbackChain {

    static final String FALLBACK_STEP = "fallback";

    private final List<Strategy> steps;
    private final QueueSpec fallbackQueue;
    private final Map<String, QueueSpec> queues;

    FallbackChain(List<Strategy> steps, QueueSpec fallbackQueue, Map<String, QueueSpec> queues) {
        Set<String> names = new HashSet<>();
        for (Strategy step : steps) {
            Checks.notNull(step, "chain step");
            String name = Checks.id(step.name(), "name of chain step " + step.getClass().getName());
            if (!names.add(name) || name.equals(FALLBACK_STEP)) {
                throw new IllegalArgumentException("chain step name '" + name + "' is used twice in the chain");
            }
        }
        this.steps = List.copyOf(steps);
        this.fallbackQueue = fallbackQueue;
        this.queues = Map.copyOf(queues);
    }

    Trace run(Conversation conversation, RoutingView view) {
        List<Trace.Step> trace = new ArrayList<>(steps.size() + 1);
        String lastPass = "the chain has no steps";
        for (Strategy step : steps) {
            Verdict verdict = step.decide(conversation, view);
            if (verdict == null) {
                throw new IllegalStateException("chain step '" + step.name() + "' returned no verdict");
            }
            check(step, verdict, view);
            trace.add(new Trace.Step(step.name(), verdict));
            if (!(verdict instanceof Verdict.Pass)) {
                return new Trace(trace);
            }
            lastPass = verdict.reason();
        }
        trace.add(new Trace.Step(FALLBACK_STEP, Verdict.enqueue(fallbackQueue.name(),
                "no step could place the conversation (last: " + lastPass + ")")));
        return new Trace(trace);
    }

    /** A strategy that picks someone who cannot take the conversation, or an unknown queue, is a programming error. */
    private void check(Strategy step, Verdict verdict, RoutingView view) {
        if (verdict instanceof Verdict.Assign assign) {
            Candidate chosen = view.candidate(assign.ownerId()).orElseThrow(() -> new IllegalStateException(
                    "chain step '" + step.name() + "' assigned owner '" + assign.ownerId()
                            + "', who is not on the roster"));
            if (!chosen.presence().mayReceiveWork() || chosen.freeCapacity() == 0) {
                throw new IllegalStateException("chain step '" + step.name() + "' assigned owner '"
                        + assign.ownerId() + "', who cannot take it (" + chosen.presence() + ", free capacity "
                        + chosen.freeCapacity() + ")");
            }
        } else if (verdict instanceof Verdict.Enqueue enqueue && !queues.containsKey(enqueue.queue())) {
            throw new IllegalStateException("chain step '" + step.name() + "' sent the conversation to queue '"
                    + enqueue.queue() + "', which the router does not have; declare it with Router.Builder.queue");
        }
    }
}
