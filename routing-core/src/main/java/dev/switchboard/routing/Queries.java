package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The router's queries: answered under the shared lock, so that they neither wait for nor hold up routes and releases
 * on the shared path; each owner and each conversation they report is whole. The statistics are read from their
 * adders without a lock, and a snapshot under the exclusive lock, as it must show one moment.
 */
final class Queries {

    private final RouterLock lock;
    private final RouterClock clock;
    private final LiveState state;
    private final Settler settler;
    private final Counters counters;

    Queries(RouterLock lock, RouterClock clock, LiveState state, Settler settler, Counters counters) {
        this.lock = lock;
        this.clock = clock;
        this.state = state;
        this.settler = settler;
        this.counters = counters;
    }

    Optional<Placement> placement(String conversationId) {
        return lock.read(() -> state.placement(conversationId));
    }

    OwnerStatus ownerStatus(String ownerId) {
        return lock.read(() -> StateChecks.requireOwner(state, ownerId, "ownerId"));
    }

    List<OwnerStatus> roster() {
        return lock.read(state::statuses);
    }

    List<WaitingConversation> waiting() {
        return lock.read(state::waiting);
    }

    /** See {@link Router#atRisk}; {@code within} is not negative. */
    List<WaitingConversation> atRisk(Duration within) {
        return lock.read(() -> {
            Instant now = clock.instantChecked();
            Instant horizon = within.compareTo(Duration.between(now, Instant.MAX)) < 0
                    ? now.plus(within) : Instant.MAX;
            return state.waiting().stream().filter(entry -> !entry.slaDeadline().isAfter(horizon))
                    .sorted(Comparator.comparing(WaitingConversation::slaDeadline)).toList();
        });
    }

    RoutingPlan plan() {
        return lock.read(() -> settler.plan().plan());
    }

    StateSnapshot snapshot() {
        return lock.readExclusively(state::snapshot);
    }

    RouterStats stats() {
        return counters.stats();
    }
}
