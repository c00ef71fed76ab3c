package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Strategy;
import java.time.Duration;

/** Preferred owners keeps the promises of every strategy (see {@link StrategyContract}). */
class PreferredOwnersProperties extends StrategyContract {

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return new PreferredOwners("preferred", busyPolicy, Duration.ofMinutes(30));
    }
}
