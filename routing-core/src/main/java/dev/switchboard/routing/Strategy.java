package dev.switchboard.routing;

import java.time.Duration;

/**
 * One step of a fallback chain: given a conversation and a view of the candidates, it picks an owner, sends the
 * conversation to a queue, holds it, rejects it, or passes so that the next step can try, always with a reason.
 *
 * <p>A strategy is a pure function of its inputs and its own immutable configuration: it never changes live
 * state. State it needs between decisions (a round-robin cursor) travels in its {@link Verdict} and is stored by
 * the router, so strategies are easy to test in isolation and safe to call from many threads.
 */
public interface Strategy {

    /** A short name that identifies this step in decision traces, such as {@code round-robin}. */
    String name();

    /** Decides one conversation; never returns null. */
    Verdict decide(Conversation conversation, RoutingView view);

    /**
     * How far back this strategy reads owners' completed conversations ({@link Candidate#completedSince},
     * {@link Eligible#completedSince}): the router keeps each owner's releases for the longest window any step of its
     * plan asks for, and none when no step asks. Zero by default.
     */
    default Duration completionWindow() {
        return Duration.ZERO;
    }

    /**
     * What every owner this step assigns meets, for a conversation that states {@code stated} (see
     * {@link Requirements#of}), whatever else the conversation says and however long it waited: a promise the router
     * relies on when it drains the waiting queues for an owner who got room, skipping the conversations whose every
     * step asks what that owner lacks. {@link Requirements#NONE} by default: the step may assign any candidate. A step
     * that promises more than it keeps would leave conversations waiting that the owner could have taken.
     */
    default Requirements assigneeMeets(Requirements stated) {
        return Requirements.NONE;
    }

    /**
     * Whether this step chooses by who served the conversation's customer before ({@link RoutingView#previousOwner},
     * {@link RoutingView#primaryOwner}): its choice can change while the conversation waits, when another of the
     * customer's conversations is assigned, without any owner getting room. The router then decides the waiting
     * conversations of a rule with such a step again at every drain of its queues, rather than passing over those the
     * owner who got room could not take (see {@link #assigneeMeets}). False by default.
     */
    default boolean followsTheCustomer() {
        return false;
    }
}
