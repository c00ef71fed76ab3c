package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.firstAvailable;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;

/**
 * What router tests share: a manual clock, a record of every event, a log cleared before each test, and a one-step
 * router over given owners.
 */
abstract class RouterScenario {

    final ManualClock clock = new ManualClock(START);
    final List<RoutingEvent> events = new CopyOnWriteArrayList<>();

    /** Each test sees only what it logged. */
    @BeforeEach
    void forgetEarlierLogs() {
        CapturedLogs.clear();
    }

    /** A router on the manual clock, with a first-available chain and a 15-minute fallback queue, recording events. */
    Router.Builder routerWith(Owner... owners) {
        Router.Builder builder = Router.builder().clock(clock).chain(firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(15)).listener(events::add);
        for (Owner owner : owners) {
            builder.owner(owner);
        }
        return builder;
    }

    @SuppressWarnings("unchecked")
    <T extends RoutingEvent> List<T> eventsOf(Class<T> type) {
        return (List<T>) events.stream().filter(type::isInstance).toList();
    }
}
