package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Priority;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a helpdesk day looks like, as read from a scenario file: opening hours, the queue's service level, how
 * conversations arrive, and the agents with their shifts. {@link DayGenerator} turns it into one concrete day.
 *
 * @param name a title for the reports
 * @param opens when the first conversations arrive
 * @param closes when the last conversations arrive
 * @param queueSla how long a conversation may wait in a queue before its wait is a breach
 * @param arrivals how many conversations arrive, when, and of what kind
 * @param agents the roster, in roster order
 */
record Scenario(String name, LocalTime opens, LocalTime closes, Duration queueSla, Arrivals arrivals,
        List<AgentSpec> agents) {

    Scenario {
        agents = List.copyOf(agents);
    }

    /** This scenario with another number of conversations. */
    Scenario withConversations(int conversations) {
        return new Scenario(name, opens, closes, queueSla, arrivals.withConversations(conversations), agents);
    }

    /**
     * This scenario with {@code count} agents: the first {@code count} of the roster, or, for more than it lists,
     * the roster repeated with the ids of the copies suffixed {@code -2}, {@code -3} and so on.
     */
    Scenario withAgents(int count) {
        List<AgentSpec> roster = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            AgentSpec template = agents.get(i % agents.size());
            int copy = i / agents.size() + 1;
            roster.add(copy == 1 ? template : template.withId(template.id() + "-" + copy));
        }
        return new Scenario(name, opens, closes, queueSla, arrivals, roster);
    }

    /**
     * How conversations arrive. Arrival times follow a daily shape: each peak draws its share of the conversations
     * around its time, and the rest arrive evenly between opening and closing.
     *
     * @param conversations how many conversations arrive in the day
     * @param peaks the busy times of day
     * @param returningShare the share of conversations written by a customer who wrote earlier that day
     * @param vipShare the share of customers who are VIPs
     * @param specialists the conversations that turn out to need a specialist
     * @param channels channel name to relative weight
     * @param languages language to relative weight
     * @param priorities priority to relative weight
     * @param types the kinds of conversation, each with its weight
     */
    record Arrivals(int conversations, List<Peak> peaks, double returningShare, double vipShare,
            Specialists specialists, Map<String, Double> channels, Map<String, Double> languages,
            Map<Priority, Double> priorities, List<ConversationType> types) {

        Arrivals {
            peaks = List.copyOf(peaks);
            types = List.copyOf(types);
        }

        Arrivals withConversations(int count) {
            return new Arrivals(count, peaks, returningShare, vipShare, specialists, channels, languages, priorities,
                    types);
        }
    }

    /**
     * A busy time of day: arrivals spread around {@code at} like a bell curve.
     *
     * @param at the busiest moment
     * @param spread the standard deviation of the bell curve
     * @param share the share of all conversations that arrive in this peak
     */
    record Peak(LocalTime at, Duration spread, double share) {}

    /**
     * A kind of conversation.
     *
     * @param name its type, such as {@code billing}
     * @param weight its relative frequency
     * @param skill the skill an owner needs for it
     * @param handling how long an agent works on one, on average
     */
    record ConversationType(String name, double weight, String skill, Duration handling) {}

    /**
     * Conversations that turn out to need a specialist: the first owner, if not one, triages it and then transfers
     * it with a handoff note to a specialist who can take it, when there is one.
     *
     * @param share the share of conversations that need a specialist
     * @param level the proficiency in the conversation's skill that makes a specialist
     * @param triage how long the first owner works on it before transferring it
     */
    record Specialists(double share, int level, Duration triage) {}

    /**
     * One agent.
     *
     * @param id unique on the roster
     * @param skills skill to proficiency
     * @param languages the languages spoken
     * @param capacity how many open conversations the agent may hold
     * @param channelCapacity lower limits on some channels (for example one phone call at a time)
     * @param weight the agent's share in weighted distribution
     * @param shiftStart when the agent starts work
     * @param shiftEnd when the agent stops taking new work
     */
    record AgentSpec(String id, Map<String, Integer> skills, List<String> languages, int capacity,
            Map<String, Integer> channelCapacity, int weight, LocalTime shiftStart, LocalTime shiftEnd) {

        AgentSpec {
            languages = List.copyOf(languages);
        }

        AgentSpec withId(String newId) {
            return new AgentSpec(newId, skills, languages, capacity, channelCapacity, weight, shiftStart, shiftEnd);
        }
    }
}
