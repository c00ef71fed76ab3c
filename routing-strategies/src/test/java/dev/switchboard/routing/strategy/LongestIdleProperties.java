package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Strategy;

/** Longest idle keeps the promises of every strategy (see {@link StrategyContract}). */
class LongestIdleProperties extends StrategyContract {

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return new LongestIdle("longest-idle", busyPolicy);
    }
}
