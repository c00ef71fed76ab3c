package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.metrics.DurationSummary;
import dev.switchboard.routing.metrics.OfferFigures;
import java.util.List;

/**
 * What one chain did with the day: the figures the console table and the HTML report show, as measured by
 * {@link MetricsCollector} from the router's events, mostly through the library's
 * {@link dev.switchboard.routing.metrics.RoutingMetrics}.
 *
 * @param chain the chain
 * @param conversations conversations that arrived
 * @param timeToAssign from arrival to first assignment, for every conversation that was assigned
 * @param timeInQueue the total time each conversation that ever waited spent in queues (up to the close for those
 *     still waiting then)
 * @param slaBreaches waits that passed the queue's SLA
 * @param transfers hand-overs between agents, with a handoff note
 * @param reroutes conversations taken from an agent who went offline and routed again
 * @param manualReview conversations sent to a person for review ({@link Chain#sendsToReview}), each counted once
 * @param waitingAtClose conversations still waiting when the day ended
 * @param agents each agent's figures, in roster order
 * @param returning conversations from a customer whose earlier conversation that day had an owner
 * @param backToPreviousOwner of those, the ones first assigned to the customer's previous owner
 * @param queueByMinute the most conversations waiting at once in each minute of the day, from its start
 * @param queues the queues the chain's conversations wait in, with their SLAs ({@link Chain#queues})
 * @param breakdown the conversations by queue, channel and priority
 * @param offers what became of the offers made to agents (none unless a rule offers)
 * @param overflows conversations an overflow policy moved on, such as to another team (none unless a rule has one)
 */
record ChainReport(Chain chain, int conversations, DurationSummary timeToAssign, DurationSummary timeInQueue,
        int slaBreaches, int transfers, int reroutes, int manualReview, int waitingAtClose, List<AgentFigures> agents,
        int returning, int backToPreviousOwner, List<Integer> queueByMinute, List<QueueSpec> queues,
        Breakdown breakdown, OfferFigures offers, int overflows) {

    ChainReport {
        agents = List.copyOf(agents);
        queueByMinute = List.copyOf(queueByMinute);
        queues = List.copyOf(queues);
    }

    /**
     * One agent's day.
     *
     * @param id the agent
     * @param received conversations the agent worked on (by assignment or transfer), each counted once
     * @param utilisation open conversations over capacity, averaged over the time the agent was not offline
     */
    record AgentFigures(String id, int received, double utilisation) {}

    /** Transfers and re-routes per conversation. */
    double rerouteRate() {
        return conversations == 0 ? 0 : (double) (transfers + reroutes) / conversations;
    }

    List<Integer> loads() {
        return agents.stream().map(AgentFigures::received).toList();
    }

    double gini() {
        return Fairness.gini(loads());
    }

    double maxOverMin() {
        return Fairness.maxOverMin(loads());
    }

    /** The share of returning customers' conversations that went back to their previous owner. */
    double backToPreviousOwnerShare() {
        return returning == 0 ? 0 : (double) backToPreviousOwner / returning;
    }
}
