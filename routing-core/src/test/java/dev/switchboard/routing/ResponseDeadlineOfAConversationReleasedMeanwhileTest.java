package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A store shared by several instances may hand a tick a response deadline whose conversation another instance
 * released (or took back) after the store listed it: the tick leaves that conversation alone and lapses the others.
 */
class ResponseDeadlineOfAConversationReleasedMeanwhileTest {

    @Test
    void theTickSkipsTheReleasedOne_andLapsesTheOthers() {
        ManualClock clock = new ManualClock(START);
        List<RoutingEvent> events = new ArrayList<>();
        Router router = Router.builder().clock(clock).owner(agent("ana", 2)).owner(agent("ben", 2))
                .chain(firstAvailable()).responseDeadline(Priority.NORMAL, Duration.ofMinutes(5))
                .fallbackQueue("waiting", Duration.ofMinutes(10)).queue("review", Duration.ofMinutes(30))
                .responseReview(1, "review")
                .listener(events::add).liveState(settings -> releasingOnceDue(new InMemoryLiveState(settings), "c1"))
                .build();
        router.route(conversation("c1").build());
        router.route(conversation("c2").build());
        events.clear();

        clock.advance(Duration.ofMinutes(5));
        router.tick();

        assertThat(router.placement("c1")).isEmpty();
        assertThat(events).filteredOn(RoutingEvent.ResponseDeadlineMissed.class::isInstance)
                .extracting(event -> ((RoutingEvent.ResponseDeadlineMissed) event).conversation().id())
                .containsExactly("c2");
        assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c2");
        assertThat(router.ownerStatus("ana").conversationIds()).isEmpty();
    }

    /** The store, but conversation {@code released} is released (as by another instance) just after it is listed due. */
    private static LiveState releasingOnceDue(LiveState store, String released) {
        return (LiveState) Proxy.newProxyInstance(LiveState.class.getClassLoader(), new Class<?>[] {LiveState.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("responseDeadlinesDue") && ((Map<?, ?>) result).containsKey(released)) {
                        store.release(released, (Instant) args[0]);
                        store.forget(released);
                    }
                    return result;
                });
    }
}
