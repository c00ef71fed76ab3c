package dev.switchboard.routing;

import java.util.List;
import java.util.Locale;

/**
 * Every step a decision went through, in order, with what each said. The last step is the one that decided;
 * the steps before it passed, each with its reason.
 */
public record Trace(List<Step> steps) {

    public Trace {
        steps = List.copyOf(Checks.notNull(steps, "steps"));
    }

    /** One step: which strategy (or router rule) spoke, and its verdict. */
    public record Step(String strategy, Verdict verdict) {
        public Step {
            Checks.id(strategy, "strategy");
            Checks.notNull(verdict, "verdict");
        }
    }

    /** A trace of one step. */
    public static Trace of(String strategy, Verdict verdict) {
        return new Trace(List.of(new Step(strategy, verdict)));
    }

    /**
     * The trace in words a support lead understands, one numbered line a step, for example:
     * {@code 1. sticky passed (not applicable): first conversation from customer c-9}.
     */
    public String explain() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (i > 0) {
                text.append('\n');
            }
            text.append(i + 1).append(". ").append(step.strategy()).append(' ').append(describe(step.verdict()));
        }
        return text.toString();
    }

    private static String describe(Verdict verdict) {
        if (verdict instanceof Verdict.Assign assign) {
            return "assigned " + assign.ownerId() + ": " + assign.reason();
        }
        if (verdict instanceof Verdict.Enqueue enqueue) {
            return "queued in " + enqueue.queue() + ": " + enqueue.reason();
        }
        if (verdict instanceof Verdict.Hold hold) {
            return "held the conversation: " + hold.reason();
        }
        if (verdict instanceof Verdict.Reject reject) {
            return "rejected the conversation: " + reject.reason();
        }
        Verdict.Pass pass = (Verdict.Pass) verdict;
        return "passed (" + pass.code().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + pass.reason();
    }
}
