package dev.switchboard.routing.testkit;

import dev.switchboard.routing.InMemoryLiveState;
import dev.switchboard.routing.state.LiveStateFactory;

/** The embedded store passes the store contract: the contract's own baseline, so a failure there is the kit's. */
class InMemoryLiveStateContractTest extends LiveStateContract {

    @Override
    protected LiveStateFactory store() {
        return InMemoryLiveState::new;
    }
}
