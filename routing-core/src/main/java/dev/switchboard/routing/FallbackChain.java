package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one rule's strategies in order: the first step that does not pass decides. When every step passes, the
 * conversation goes to the rule's queue. The trace records every step, so the last step is always the decisive one.
 *
 * <p>A step that misbehaves (throws, returns no verdict, names a queue the plan does not declare, or, as the router
 * finds when it commits, assigns an owner who cannot take the conversation) is skipped: it is recorded in the trace as
 * a pass with {@link PassReason#FAULTY_STEP} and what it did, and the steps after it decide.
 */
final class FallbackChain {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

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
        return run(conversation, view, null, null);
    }

    /**
     * Runs the chain again after its decisive step in {@code trace} was found faulty (it assigned an owner who cannot
     * take the conversation): that step is recorded as skipped, for {@code fault}, and the steps after it decide.
     */
    Trace skipDecisive(Conversation conversation, LiveView view, Trace trace, String fault) {
        List<Trace.Step> before = new ArrayList<>(trace.steps());
        Trace.Step skipped = skipped(before.remove(before.size() - 1).strategy(), fault);
        before.add(skipped);
        return run(conversation, view, before, skipped.verdict().reason());
    }

    /**
     * Runs the steps after those in {@code before} (all of them when it is null); {@code lastPass} is the reason of
     * the last of {@code before}.
     */
    private Trace run(Conversation conversation, LiveView view, List<Trace.Step> before, String lastPass) {
        List<Trace.Step> trace = before;
        for (int i = before == null ? 0 : before.size(); i < steps.size(); i++) {
            Strategy step = steps.get(i);
            Verdict verdict = verdictOf(step, conversation, view);
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

    /** What a step said, or, when it misbehaved, a pass that records how. */
    private Verdict verdictOf(Strategy step, Conversation conversation, LiveView view) {
        Verdict verdict;
        try {
            verdict = step.decide(conversation, view);
        } catch (Throwable failure) { // whatever a strategy throws, the conversation must still find its place
            StackTraceElement[] where = failure.getStackTrace();
            return skipped("threw " + failure + (where.length == 0 ? "" : " at " + where[0]));
        }
        if (verdict == null) {
            return skipped("returned no verdict");
        }
        if (verdict instanceof Verdict.Enqueue enqueue && !queues.contains(enqueue.queue())) {
            return skipped("sent the conversation to queue '" + enqueue.queue() + "', which the plan does not declare");
        }
        return verdict;
    }

    private static Trace.Step skipped(String strategy, String fault) {
        return new Trace.Step(strategy, skipped(fault));
    }

    private static Verdict.Pass skipped(String fault) {
        return Verdict.pass(PassReason.FAULTY_STEP, "the step " + fault + "; skipped");
    }

    /**
     * Logs each faulty step of a decision the router acted on, once: a decision made again (because what it read
     * changed before it could be committed) is logged only when it is acted on.
     */
    static void logFaults(Conversation conversation, Trace trace) {
        if (trace.steps().size() < 2) {
            return; // a faulty step is followed by at least the fallback
        }
        List<Trace.Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) { // indexed: no iterator for each decision the router acts on
            Trace.Step step = steps.get(i);
            if (step.verdict() instanceof Verdict.Pass pass && pass.code() == PassReason.FAULTY_STEP) {
                LOG.warn("Chain step '{}' misbehaved deciding conversation '{}': {}", step.strategy(),
                        conversation.id(), pass.reason());
            }
        }
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
}
