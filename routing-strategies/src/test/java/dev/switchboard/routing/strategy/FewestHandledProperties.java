package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Strategy;
import java.time.Duration;

/** Fewest handled keeps the promises of every strategy (see {@link StrategyContract}). */
class FewestHandledProperties extends StrategyContract {

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return FewestHandled.inLast(Duration.ofHours(1)).busyPolicy(busyPolicy).build();
    }
}
