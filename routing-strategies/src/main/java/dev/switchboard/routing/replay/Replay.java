package dev.switchboard.routing.replay;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.event.RoutingEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A routing log played again through another router: the same calls, in the same order, each at its recorded
 * instant on a {@link ManualClock}. Under the configuration the log was recorded with, the events are the recorded
 * ones exactly; under another, they are what that configuration would have done with the same day.
 *
 * @param events every call made and event published by the replaying router, as a recorder sees them
 * @param refusals the calls the replaying router refused (it threw), each as "at: call: why"; a call the original
 *     router refused too is refused again
 */
public record Replay(List<RoutingEvent> events, List<String> refusals) {

    public Replay {
        events = List.copyOf(events);
        refusals = List.copyOf(refusals);
    }

    /**
     * Replays a log through a router from {@code builder}, which gets a manual clock starting at the log's first
     * instant and a recorder; the builder is left with them.
     */
    public static Replay run(RoutingLog log, Router.Builder builder) {
        List<RoutingEvent> events = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        if (log.events().isEmpty()) {
            return new Replay(events, refusals);
        }
        ManualClock clock = new ManualClock(log.events().get(0).at());
        Router router = builder.clock(clock).recorder(events::add).build();
        for (RoutingEvent event : log.events()) {
            if (event instanceof RoutingEvent.Input input) {
                clock.set(input.at());
                try {
                    input.input().applyTo(router);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    refusals.add(input.at() + ": " + input.input() + ": " + e.getMessage());
                }
            }
        }
        return new Replay(events, refusals);
    }
}
