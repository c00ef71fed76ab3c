package dev.switchboard.routing.replay;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A routing log played again through a router: the same calls, in the same order, each at its recorded instant on a
 * {@link ManualClock}. Under the router the log was recorded from ({@link #recorded}), the events are the recorded
 * ones exactly; under a proposed configuration ({@link #under}), they are what it would have done with the same day.
 *
 * @param events every call made and event published by the replaying router, as a recorder sees them
 * @param refusals the calls the replaying router refused (it threw), in order; a call the original router refused
 *     is refused again
 * @param divergence where the replay's events differ from the recorded ones
 */
public record Replay(List<RoutingEvent> events, List<Refusal> refusals, Divergence divergence) {

    public Replay {
        events = List.copyOf(events);
        refusals = List.copyOf(refusals);
    }

    /**
     * A recorded call the replaying router refused.
     *
     * @param line the log line of the call
     * @param at its instant
     * @param call the call
     * @param reason the router's message
     */
    public record Refusal(int line, Instant at, RouterInput call, String reason) {
        @Override
        public String toString() {
            return "line " + line + ", " + at + ": " + call + ": " + reason;
        }
    }

    /**
     * Replays the log through the router it was recorded from, rebuilt from its header: the configuration, the
     * {@link RouterSettings} and the roster's presences.
     *
     * @throws IllegalArgumentException when the log's header names no configuration (schema 1, or a recorder not
     *     given one)
     * @throws LogException naming the line, when the router fails on a call in a way other than refusing it
     */
    public static Replay recorded(RoutingLog log) {
        RoutingConfig config = log.configuration().orElseThrow(() -> new IllegalArgumentException(log.source()
                + ": the header names no configuration, so the router cannot be rebuilt from the log; replay it"
                + " under a configuration (Replay.under) or a builder (Replay.run)"));
        return under(log, config);
    }

    /**
     * Replays the log through a router built as the recorded one was, with {@code proposed} instead of the recorded
     * configuration: its roster at the recorded presences, its plan, and the log's {@link RouterSettings}. Plan
     * replacements the log recorded are made as recorded.
     *
     * @throws IllegalArgumentException when an owner of the recorded roster is not in {@code proposed}
     * @throws LogException naming the line, when the router fails on a call in a way other than refusing it
     */
    public static Replay under(RoutingLog log, RoutingConfig proposed) {
        List<String> owners = proposed.owners().stream().map(Owner::id).toList();
        log.roster().keySet().stream().filter(id -> !owners.contains(id)).sorted().findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("owner '" + id + "' of the log's roster is not in the configuration");
        });
        return run(log, log.settings().routerBuilder(proposed, log.roster()));
    }

    /**
     * Replays a log through a router from {@code builder}, which gets a manual clock starting at the log's first
     * instant and a recorder; the builder is left with them. The recorded roster is applied as the first call.
     *
     * @throws LogException naming the line, when the router fails on a call in a way other than refusing it
     */
    public static Replay run(RoutingLog log, Router.Builder builder) {
        List<RoutingEvent> events = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        Divergence.Finder divergence = new Divergence.Finder(log);
        if (log.events().isEmpty()) {
            return new Replay(events, refusals, divergence.result());
        }
        ManualClock clock = new ManualClock(log.events().get(0).at());
        Router router = builder.clock(clock).recorder(events::add).build();
        List<RoutingEvent> recorded = log.events();
        for (int i = 0; i < recorded.size(); i++) {
            if (!(recorded.get(i) instanceof RoutingEvent.Input input)) {
                continue;
            }
            int start = events.size();
            clock.set(input.at());
            try {
                input.input().applyTo(router);
            } catch (IllegalArgumentException | IllegalStateException e) {
                refusals.add(new Refusal(log.line(i), input.at(), input.input(), e.getMessage()));
            } catch (RuntimeException e) {
                throw new LogException(log.source(), log.line(i), "the router failed on this call: " + e);
            }
            divergence.compare(i, events.subList(start, events.size()));
        }
        return new Replay(events, refusals, divergence.result());
    }
}
