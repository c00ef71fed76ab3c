package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterRecorderTest extends RouterScenario {

    private final List<RoutingEvent> recorded = new ArrayList<>();

    @Test
    void recorderSeesTheRosterThenEachCallBeforeTheEventsItCaused() {
        Router router = routerWith(agent("ana", 1)).recorder(recorded::add).build();

        router.route(conversation("c1").build());
        clock.advance(Duration.ofMinutes(1));
        router.release("c1");

        assertThat(recorded).extracting(RoutingEvent::getClass).map(Class::getSimpleName)
                .containsExactly("Input", "Input", "Assigned", "Input", "Released");
        assertThat(((RoutingEvent.Input) recorded.get(0)).input())
                .isEqualTo(new RouterInput.Roster(Map.of("ana", Presence.ONLINE)));
        assertThat(recorded.get(3)).isEqualTo(
                new RoutingEvent.Input(START.plus(Duration.ofMinutes(1)), new RouterInput.Release("c1")));
    }

    @Test
    void listenersDoNotSeeInputs() {
        Router router = routerWith(agent("ana", 1)).recorder(recorded::add).build();

        router.route(conversation("c1").build());
        router.tick();

        assertThat(events).noneMatch(RoutingEvent.Input.class::isInstance).hasSize(1);
    }

    @Test
    void refusedCallIsRecorded_soThatAReplayIsRefusedToo() {
        Router router = routerWith(agent("ana", 1)).recorder(recorded::add).build();

        assertThatThrownBy(() -> router.release("nope")).isInstanceOf(IllegalArgumentException.class);

        assertThat(recorded).last().isEqualTo(new RoutingEvent.Input(START, new RouterInput.Release("nope")));
    }

    @Test
    void recorderThatThrowsNeverBreaksRouting() {
        Router router = routerWith(agent("ana", 1)).recorder(event -> {
            throw new IllegalStateException("disk full");
        }).build();

        Decision decision = router.route(conversation("c1").build());

        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        assertThat(events).hasSize(1);
    }

    @Test
    void replayingTheInputsOnAFreshRouterMakesTheSameDecisions() {
        Router router = routerWith(agent("ana", 1), agent("ben", 1)).recorder(recorded::add).build();
        router.route(conversation("c1").build());
        router.route(conversation("c2").build());
        router.route(conversation("c3").build());
        clock.advance(Duration.ofMinutes(20));
        router.setPresence("ana", Presence.OFFLINE);
        router.tick();
        router.release("c2");
        List<RoutingEvent> original = List.copyOf(events);

        ManualClock replayClock = new ManualClock(START);
        List<RoutingEvent> replayed = new ArrayList<>();
        Router replay = Router.builder().clock(replayClock).chain(TestStrategies.firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(15)).listener(replayed::add)
                .owner(agent("ana", 1)).owner(agent("ben", 1)).build();
        for (RoutingEvent event : recorded) {
            if (event instanceof RoutingEvent.Input input) {
                replayClock.set(input.at());
                input.input().applyTo(replay);
            }
        }

        assertThat(replayed).isEqualTo(original);
    }
}
