package dev.switchboard.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A named queue where conversations wait, with the service level promised for them: a conversation that is
 * still waiting {@code sla} after it entered is reported as breached. Its overflow policies move on every
 * conversation waiting in it, whichever rule or call put it there, after the policies of the conversation's rule.
 *
 * <pre>{@code
 * QueueSpec billing = new QueueSpec("billing", Duration.ofMinutes(10))
 *         .withOverflow(Overflow.after(Duration.ofMinutes(2)).moveToQueue("front-line"));
 * }</pre>
 *
 * @param name the queue's name, unique within a plan
 * @param sla how long a conversation may wait in it, positive and at most {@link Bounds#MAX_DURATION}
 * @param overflow what moves a conversation waiting in it on, tried in this order (see {@link Overflow}); empty for
 *     nothing
 */
public record QueueSpec(String name, Duration sla, List<Overflow> overflow) {

    public QueueSpec {
        Checks.id(name, "queue name");
        Checks.positive(sla, "sla of queue '" + name + "'");
        overflow = Checks.list(overflow, "overflow of queue '" + name + "'");
    }

    /** A queue without overflow policies. */
    public QueueSpec(String name, Duration sla) {
        this(name, sla, List.of());
    }

    /**
     * This queue with {@code policies} appended to its overflow policies, tried in the order given:
     * {@code withOverflow(a, b)} tries {@code a} first.
     */
    public QueueSpec withOverflow(Overflow... policies) {
        List<Overflow> all = new ArrayList<>(overflow);
        for (Overflow policy : Checks.notNull(policies, "overflow of queue '" + name + "'")) {
            all.add(Checks.notNull(policy, "overflow policy of queue '" + name + "'"));
        }
        return new QueueSpec(name, sla, all);
    }
}
