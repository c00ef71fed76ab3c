package dev.switchboard.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every step a decision went through, in order, with what each said. The last step is the one that decided;
 * the steps before it passed, each with its reason. When the router's plan has several rules, the trace also says
 * which rule chose the chain, and why.
 *
 * @param rule the rule whose chain ran; empty for a plan of one rule (such as a router built with
 *     {@code Router.Builder.chain}) and for transfers, claims and joins
 * @param steps the steps, the decisive one last
 */
public record Trace(Optional<RuleMatch> rule, List<Step> steps) {

    public Trace {
        Checks.notNull(rule, "rule");
        steps = List.copyOf(Checks.notNull(steps, "steps"));
    }

    /** A trace that no rule chose. */
    public Trace(List<Step> steps) {
        this(Optional.empty(), steps);
    }

    /** One step: which strategy (or router rule) spoke, and its verdict. */
    public record Step(String strategy, Verdict verdict) {
        public Step {
            Checks.id(strategy, "strategy");
            Checks.notNull(verdict, "verdict");
        }
    }

    /**
     * The rule that matched a conversation.
     *
     * @param name the rule's name
     * @param reason which of its conditions held (with the conversation's values), or why it caught everything
     */
    public record RuleMatch(String name, String reason) {
        public RuleMatch {
            Checks.id(name, "name");
            Checks.notNull(reason, "reason");
        }
    }

    /** The last step, the one that decided; every trace the router builds has one. */
    Step decisive() {
        return steps.get(steps.size() - 1);
    }

    /** A trace of one step. */
    public static Trace of(String strategy, Verdict verdict) {
        return new Trace(List.of(new Step(strategy, verdict)));
    }

    /**
     * The trace in words a support lead understands, one numbered line a step, for example:
     * {@code 1. sticky passed (not applicable): first conversation from customer c-9}. The rule, when there is one,
     * comes first: {@code 1. rule bookings matched: type = scheduling}.
     */
    public String explain() {
        StringBuilder text = new StringBuilder();
        int number = 0;
        if (rule.isPresent()) {
            text.append(++number).append(". rule ").append(rule.get().name()).append(" matched: ")
                    .append(rule.get().reason());
        }
        for (Step step : steps) {
            if (number > 0) {
                text.append('\n');
            }
            text.append(++number).append(". ").append(step.strategy()).append(' ').append(describe(step.verdict()));
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
