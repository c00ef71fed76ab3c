package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One concrete day to simulate, the same for every chain: the roster, when each agent's presence changes, and
 * every conversation with its handling time. Made by {@link DayGenerator}, or by hand in tests.
 *
 * @param title a title for the reports
 * @param start when the simulation starts; every agent is offline until its first presence change
 * @param end when the simulation stops; conversations still waiting then are counted as waiting at close
 * @param queueSla the service level of every chain's waiting queue
 * @param owners the roster, in roster order
 * @param presenceChanges every presence change, in time order
 * @param arrivals every conversation, in order of arrival ({@link Conversation#createdAt()})
 * @param specialistLevel the proficiency that makes an owner a specialist in a skill
 * @param triage how long an owner who is not a specialist works on a conversation that needs one before transferring
 */
record Day(String title, Instant start, Instant end, Duration queueSla, List<Owner> owners,
        List<PresenceChange> presenceChanges, List<Arrival> arrivals, int specialistLevel, Duration triage) {

    Day {
        owners = List.copyOf(owners);
        presenceChanges = List.copyOf(presenceChanges);
        arrivals = List.copyOf(arrivals);
    }

    /** An agent's presence changes at a moment of the day. */
    record PresenceChange(Instant at, String ownerId, Presence presence) {}

    /**
     * A conversation that arrives at its creation time.
     *
     * @param conversation what the host app routes
     * @param handling how long an owner works on it before it is resolved (a transfer or re-route carries the rest
     *     of the work over to the next owner)
     * @param needsSpecialist whether it needs an owner who is a specialist in its first required skill
     */
    record Arrival(Conversation conversation, Duration handling, boolean needsSpecialist) {

        /** The skill a specialist must have: the conversation's first required skill. */
        String skill() {
            return conversation.requiredSkills().get(0).skill();
        }
    }
}
