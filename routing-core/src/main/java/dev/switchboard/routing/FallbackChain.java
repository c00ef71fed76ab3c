package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveView;
import java.util.ArrayList;
import java.util.Arrays;
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
        return run(conversation, view, null, 0, null);
    }

    /**
     * Runs the chain again after its decisive step in {@code trace} was found faulty (it assigned an owner who cannot
     * take the conversation): that step is recorded as skipped, for {@code fault}, and the steps after it decide.
     */
    Trace skipDecisive(Conversation conversation, LiveView view, Trace trace, String fault) {
        Trace.Step[] said = trace.steps().toArray(new Trace.Step[steps.size() + 1]);
        int before = trace.steps().size();
        said[before - 1] = skipped(said[before - 1].strategy(), fault);
        return run(conversation, view, said, before, said[before - 1].verdict().reason());
    }

    /**
     * Runs the steps after the first {@code before} of {@code said} (which holds a step for each of the chain's, and
     * one for the fallback; null when {@code before} is zero); {@code lastPass} is the reason of the last of them.
     */
    private Trace run(Conversation conversation, LiveView view, Trace.Step[] said, int before, String lastPass) {
        int count = before;
        for (int i = before; i < steps.size(); i++) {
            Strategy step = steps.get(i);
            Verdict verdict = verdictOf(step, conversation, view);
            Trace.Step spoke = new Trace.Step(step.name(), verdict);
            if (count == 0 && !(verdict instanceof Verdict.Pass)) {
                return new Trace(List.of(spoke));
            }
            if (said == null) {
                said = new Trace.Step[steps.size() + 1];
            }
            said[count++] = spoke;
            if (!(verdict instanceof Verdict.Pass)) {
                return new Trace(listOf(said, count));
            }
            lastPass = verdict.reason();
        }
        Trace.Step fallback = new Trace.Step(Rule.FALLBACK_STEP, Verdict.enqueue(fallbackQueue, lastPass == null
                ? "this rule picks no owner: the conversation waits here to be claimed or reviewed"
                : "no step could place the conversation (last: " + lastPass + ")" + heldBack(view)));
        if (count == 0) {
            return new Trace(List.of(fallback));
        }
        said[count++] = fallback;
        return new Trace(listOf(said, count));
    }

    /**
     * The first {@code count} steps said, as the immutable list a trace keeps (which it then need not copy): the short
     * lists of most decisions without an array of their own.
     */
    private static List<Trace.Step> listOf(Trace.Step[] said, int count) {
        return switch (count) {
            case 1 -> List.of(said[0]);
            case 2 -> List.of(said[0], said[1]);
            case 3 -> List.of(said[0], said[1], said[2]);
            default -> List.of(Arrays.copyOf(said, count));
        };
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
                LOG.warn("Chain step '{}' was passed over deciding conversation '{}': {}", step.strategy(),
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
