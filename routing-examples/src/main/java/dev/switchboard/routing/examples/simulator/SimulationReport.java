package dev.switchboard.routing.examples.simulator;

import java.util.List;

/**
 * The outcome of a run: the day that was simulated, the seed it came from, and each chain's figures in the order
 * the chains were compared.
 */
record SimulationReport(Day day, long seed, List<ChainReport> chains) {

    SimulationReport {
        chains = List.copyOf(chains);
    }
}
