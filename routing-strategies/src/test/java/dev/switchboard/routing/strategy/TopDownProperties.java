package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Strategy;
import java.util.List;

/** Top-down keeps the promises of every strategy (see {@link StrategyContract}). */
class TopDownProperties extends StrategyContract {

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return new TopDown("top-down", busyPolicy, List.of("owner-2", "owner-0"));
    }
}
