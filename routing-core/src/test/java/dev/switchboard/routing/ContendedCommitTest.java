package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.state.LiveView;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A store that keeps refusing a decision's commit although its view allows the owner, as one does while other routers
 * sharing it keep moving what the decision read: the router decides again a bounded number of times, then lets the
 * chain go on past the step, saying why, and nothing is lost.
 */
class ContendedCommitTest {

    @Test
    void aCommitRefusedAgainAndAgain_passesTheStepWithTheReason_andTheConversationWaits() {
        Router router = Router.builder().clock(new ManualClock(START)).chain(TestStrategies.rotation())
                .fallbackQueue("waiting", Duration.ofMinutes(10)).owner(agent("ana", 2))
                .liveState(StoreProxy.of((store, method, args) -> {
                    Object answer = StoreProxy.pass(store, method, args);
                    if (!method.getName().equals("view")) {
                        return answer;
                    }
                    LiveView view = (LiveView) answer; // whose every commit is refused, as another router moved on
                    return Proxy.newProxyInstance(LiveView.class.getClassLoader(), new Class<?>[] {LiveView.class},
                            (proxy, viewMethod, viewArgs) -> viewMethod.getName().equals("commit") ? Boolean.FALSE
                                    : StoreProxy.pass(view, viewMethod, viewArgs));
                }))
                .build();

        Decision decision = router.route(conversation("c1").build());

        assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
            assertThat(queued.queue()).isEqualTo("waiting");
            assertThat(queued.trace().explain()).contains("assigned owner 'ana', whose commit the store refused 9"
                    + " times in a row (other routers sharing it kept changing what the decision read)");
        });
        assertThat(router.stats().retried()).isEqualTo(12);
        assertThat(router.ownerStatus("ana").load()).isZero();
    }
}
