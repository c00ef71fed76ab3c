package dev.switchboard.routing.config;

import dev.switchboard.routing.Overflow;
import dev.switchboard.routing.config.JsonFields.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a rule's {@code overflow}: the policies that move a conversation waiting in the rule's queue on, each with
 * one trigger ({@code after} a wait, {@code queueHolds} a number of conversations, or {@code nobodyLoggedIn}) and one
 * action ({@code moveTo} a rule, {@code raisePriority}, {@code reclassify} one field, or {@code sendToReview} in a
 * queue). The rules a policy moves to may come later in the document, so they are checked once every rule is read.
 */
final class OverflowReader {

    private final Problems problems;
    private final Declarations declared;
    /** The rule each {@code moveTo} names, by its path, checked by {@link #checkMoves}. */
    private final Map<String, String> moves = new LinkedHashMap<>();

    OverflowReader(Problems problems, Declarations declared) {
        this.problems = problems;
        this.declared = declared;
    }

    /** The policies of a rule's {@code overflow} array, in order; those with problems are left out. */
    List<Overflow> read(List<Item> items) {
        List<Overflow> policies = new ArrayList<>();
        for (Item item : items) {
            JsonFields.of(item, problems).flatMap(this::policy).ifPresent(policies::add);
        }
        return policies;
    }

    /** Adds a problem for each {@code moveTo} that names no rule of the document. */
    void checkMoves() {
        moves.forEach((path, rule) -> declared.knownRule(rule, path));
    }

    private Optional<Overflow> policy(JsonFields fields) {
        int before = problems.count();
        List<Overflow.Trigger> triggers = new ArrayList<>();
        fields.duration("after", false, false).ifPresent(wait -> triggers.add(Overflow.after(wait)));
        fields.integer("queueHolds").flatMap(length -> problems.attempt(fields.path("queueHolds"),
                () -> Overflow.whenQueueHolds(length))).ifPresent(triggers::add);
        flag(fields, "nobodyLoggedIn").ifPresent(set -> triggers.add(Overflow.whenNobodyLoggedIn()));
        List<Function<Overflow.Trigger, Overflow>> actions = new ArrayList<>();
        fields.text("moveTo", false).ifPresent(rule -> {
            moves.put(fields.path("moveTo"), rule);
            actions.add(trigger -> trigger.moveTo(rule));
        });
        flag(fields, "raisePriority").ifPresent(set -> actions.add(Overflow.Trigger::raisePriority));
        fields.object("reclassify", false).ifPresent(reclassify -> {
            var entries = reclassify.entries();
            if (entries.size() != 1) {
                problems.add(reclassify.path(), "sets one field, such as {\"type\": \"refund\"}, had "
                        + entries.size());
            } else {
                String field = entries.get(0).getKey();
                JsonFields.text(entries.get(0).getValue(), problems).ifPresent(value -> actions.add(
                        trigger -> trigger.reclassify(field, value)));
            }
        });
        fields.text("sendToReview", false).ifPresent(queue -> {
            declared.knownQueue(queue, fields.path("sendToReview"));
            actions.add(trigger -> trigger.sendToReview(queue));
        });
        fields.rejectUnknown("field of an overflow policy");
        if (triggers.size() != 1) {
            problems.add(fields.path(), "needs exactly one trigger, 'after', 'queueHolds' or 'nobodyLoggedIn'; had "
                    + triggers.size());
        }
        if (actions.size() != 1) {
            problems.add(fields.path(), "needs exactly one action, 'moveTo', 'raisePriority', 'reclassify' or"
                    + " 'sendToReview'; had " + actions.size());
        }
        if (problems.count() != before) {
            return Optional.empty();
        }
        return problems.attempt(fields.path(), () -> actions.get(0).apply(triggers.get(0)));
    }

    /** A field that is only ever {@code true}: present when it is, with a problem when it is {@code false}. */
    private Optional<Boolean> flag(JsonFields fields, String field) {
        return fields.bool(field).filter(set -> {
            if (!set) {
                problems.add(fields.path(field), "must be true, or left out");
            }
            return set;
        });
    }
}
