package dev.switchboard.routing.examples.simulator;

import java.util.List;
import java.util.OptionalLong;

/**
 * The outcome of a run: the day that was simulated, the seed it came from (none for a day read from a routing log),
 * and each chain's figures in the order the chains were compared.
 */
record SimulationReport(Day day, OptionalLong seed, List<ChainReport> chains) {

    SimulationReport {
        chains = List.copyOf(chains);
    }
}
