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
 * Reads a rule's or a queue's {@code overflow}: the policies that move a conversation waiting in the rule's queue (or
 * in that queue) on, each with one trigger ({@code after} a wait, {@code queueHolds} a number of conversations, or
 * {@code nobodyLoggedIn}) and one action ({@code moveTo} a rule, {@code moveToQueue}, {@code raisePriority},
 * {@code reclassify} one field, or {@code sendToReview} in a queue). The rules and queues a policy names may come later
 * in the document, so they are checked once every rule is read.
 */
final class OverflowReader {

    private final Problems problems;
    private final Declarations declared;
    /** The rule each {@code moveTo} names, by its path, checked by {@link #checkReferences}. */
    private final Map<String, String> moves = new LinkedHashMap<>();
    /** The queue each {@code moveToQueue} and {@code sendToReview} names, by its path, checked likewise. */
    private final Map<String, String> queues = new LinkedHashMap<>();

    OverflowReader(Problems problems, Declarations declared) {
        this.problems = problems;
        this.declared = declared;
    }

    /**
     * The policies of a rule's or queue's {@code overflow} array, in order, whose conversations wait in
     * {@code waitsIn} (when known); those with problems are left out.
     */
    List<Overflow> read(List<Item> items, Optional<String> waitsIn) {
        List<Overflow> policies = new ArrayList<>();
        for (Item item : items) {
            JsonFields.of(item, problems).flatMap(fields -> policy(fields, waitsIn)).ifPresent(policies::add);
        }
        return policies;
    }

    /** Adds a problem for each {@code moveTo} that names no rule, and each queue named that is not declared. */
    void checkReferences() {
        moves.forEach((path, rule) -> declared.knownRule(rule, path));
        queues.forEach((path, queue) -> declared.knownQueue(queue, path));
    }

    private Optional<Overflow> policy(JsonFields fields, Optional<String> waitsIn) {
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
        fields.text("moveToQueue", false).ifPresent(queue -> {
            if (waitsIn.filter(queue::equals).isPresent()) {
                problems.add(fields.path("moveToQueue"), "is the queue its conversations already wait in, was '"
                        + queue + "'");
            }
            queues.put(fields.path("moveToQueue"), queue);
            actions.add(trigger -> trigger.moveToQueue(queue));
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
            queues.put(fields.path("sendToReview"), queue);
            actions.add(trigger -> trigger.sendToReview(queue));
        });
        fields.rejectUnknown("field of an overflow policy");
        if (triggers.size() != 1) {
            problems.add(fields.path(), "needs exactly one trigger, 'after', 'queueHolds' or 'nobodyLoggedIn'; had "
                    + triggers.size());
        }
        if (actions.size() != 1) {
            problems.add(fields.path(), "needs exactly one action, 'moveTo', 'moveToQueue', 'raisePriority',"
                    + " 'reclassify' or 'sendToReview'; had " + actions.size());
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
