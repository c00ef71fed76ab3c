package dev.switchboard.routing;

import java.time.Duration;
import java.util.Locale;

/**
 * An overflow (or exception) policy of a {@link Rule} or of a {@link QueueSpec queue}: when its {@link Trigger} holds
 * for a conversation waiting in the rule's queue (or in that queue, whichever rule or call put it there), its
 * {@link Action} moves the conversation on (Azure Job Router exception policies, TaskRouter targets with timeouts).
 * The policies of the conversation's rule are tried first, in the order listed, then those of the queue it waits in;
 * the first whose trigger holds acts, one move per conversation at a time, and each policy acts at most once on a
 * conversation, so that rules and queues that overflow into each other never loop. Triggers are looked at when a
 * conversation is routed into a queue and on every {@code Router.tick()}; each move is the first step of the
 * conversation's next trace and a {@code RoutingEvent.Overflowed}.
 *
 * <pre>{@code
 * Rule billing = Rule.builder("billing").owners("ana", "ben").chain(new LeastLoaded()).queue("billing")
 *         .overflow(Overflow.after(Duration.ofMinutes(2)).moveTo("front-line"),
 *                 Overflow.whenNobodyLoggedIn().sendToReview("manual-review"))
 *         .build();
 * QueueSpec frontLine = new QueueSpec("front-line", Duration.ofMinutes(10))
 *         .withOverflow(Overflow.after(Duration.ofMinutes(5)).moveToQueue("escalations"));
 * }</pre>
 *
 * @param trigger when the policy acts
 * @param action what it does to the conversation
 */
public record Overflow(Trigger trigger, Action action) {

    public Overflow {
        Checks.notNull(trigger, "overflow trigger");
        Checks.notNull(action, "overflow action");
    }

    /** A policy that acts once a conversation has waited {@code wait} (positive) in its queue. */
    public static Trigger after(Duration wait) {
        return new Trigger.AfterWaiting(wait);
    }

    /** A policy that acts while the queue holds at least {@code conversations} (positive), this one included. */
    public static Trigger whenQueueHolds(int conversations) {
        return new Trigger.QueueHolds(conversations);
    }

    /**
     * A policy that acts while none of the owners who could take the conversation is logged in: the rule's owners (the
     * whole roster for a rule without owners); for a queue's policy, the owners of the rules whose queue it is.
     */
    public static Trigger whenNobodyLoggedIn() {
        return new Trigger.NobodyLoggedIn();
    }

    /** When a policy acts on a conversation waiting in its rule's queue, or in its queue. */
    public sealed interface Trigger {

        /** Moves the conversation to another rule of the plan: that rule's owners, chain and queue take it. */
        default Overflow moveTo(String rule) {
            return new Overflow(this, new Action.MoveTo(rule));
        }

        /**
         * Moves the conversation to {@code queue}, where it waits with that queue's SLA and is decided by the rule that
         * drains it (the first rule whose queue it is that the conversation matches, else the first whose queue it
         * is); in a queue no rule drains, it waits to be claimed.
         */
        default Overflow moveToQueue(String queue) {
            return new Overflow(this, new Action.MoveToQueue(queue));
        }

        /** Raises the conversation's priority by one level (up to urgent), keeping its place and time in the queue. */
        default Overflow raisePriority() {
            return new Overflow(this, new Action.RaisePriority());
        }

        /**
         * Sets the conversation's {@code type} or one of its attributes to {@code value}, and matches it against the
         * plan's rules again.
         */
        default Overflow reclassify(String field, String value) {
            return new Overflow(this, new Action.Reclassify(field, value));
        }

        /** Sends the conversation to {@code queue} for review: it waits there to be claimed, not routed again. */
        default Overflow sendToReview(String queue) {
            return new Overflow(this, new Action.SendToReview(queue));
        }

        /** The trigger in words, for traces: {@code after 2m}. */
        String describe();

        /**
         * Once the conversation has waited {@code limit} in its queue.
         *
         * @param limit positive, at most {@link Bounds#MAX_DURATION}
         */
        record AfterWaiting(Duration limit) implements Trigger {
            public AfterWaiting {
                Checks.positive(limit, "overflow wait");
            }

            @Override
            public String describe() {
                return "after " + words(limit);
            }
        }

        /**
         * While the conversation's queue holds at least this many conversations.
         *
         * @param conversations positive
         */
        record QueueHolds(int conversations) implements Trigger {
            public QueueHolds {
                if (conversations < 1) {
                    throw new IllegalArgumentException("overflow queue length must be at least 1, was "
                            + conversations);
                }
            }

            @Override
            public String describe() {
                return "as its queue holds " + conversations + " or more";
            }
        }

        /**
         * While none of the owners who could take the conversation is logged in (every one offline, or off the
         * roster): the rule's, or for a queue's policy those of the rules whose queue it is.
         */
        record NobodyLoggedIn() implements Trigger {
            @Override
            public String describe() {
                return "as nobody who could take it is logged in";
            }
        }
    }

    /** What a policy does to a conversation. */
    public sealed interface Action {

        /**
         * Routes the conversation by another rule of the plan from now on.
         *
         * @param rule a rule of the plan
         */
        record MoveTo(String rule) implements Action {
            public MoveTo {
                Checks.id(rule, "overflow rule");
            }
        }

        /**
         * Moves the conversation to a queue, where the rule that drains it decides it (see
         * {@link Trigger#moveToQueue}).
         *
         * @param queue a queue the plan declares, not the one the conversation already waits in
         */
        record MoveToQueue(String queue) implements Action {
            public MoveToQueue {
                Checks.id(queue, "overflow queue");
            }
        }

        /** Raises the conversation's priority by one level, up to {@link Priority#URGENT}. */
        record RaisePriority() implements Action {}

        /**
         * Sets the conversation's {@code type} or a free attribute, then matches it against the plan's rules again.
         *
         * @param field {@code type} or an attribute name
         * @param value its new value
         */
        record Reclassify(String field, String value) implements Action {
            public Reclassify {
                Checks.id(field, "overflow reclassify field");
                Checks.notNull(value, "overflow reclassify value");
                String name = field.toLowerCase(Locale.ROOT);
                if (Condition.CONVERSATION_FIELDS.contains(name) && !name.equals("type") && !name.equals("tags")) {
                    throw new IllegalArgumentException("overflow reclassify sets 'type' or an attribute, was '"
                            + field + "'");
                }
            }
        }

        /**
         * Sends the conversation to a queue for review, where it waits to be claimed.
         *
         * @param queue a queue the plan declares
         */
        record SendToReview(String queue) implements Action {
            public SendToReview {
                Checks.id(queue, "overflow review queue");
            }
        }
    }

    /** A duration as people read it: {@code 30s}, {@code 2m}, {@code 1h30m}. */
    static String words(Duration duration) {
        return Offers.words(duration);
    }
}
