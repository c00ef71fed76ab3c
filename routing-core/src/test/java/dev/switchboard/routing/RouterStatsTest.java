package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The router's counters count each outcome once, on the path that routes on several threads and on the exclusive one. */
class RouterStatsTest {

    private final ManualClock clock = new ManualClock(START);

    private Router.Builder router() {
        return Router.builder().clock(clock).chain(TestStrategies.firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(15)).owner(agent("ana", 1)).owner(agent("ben", 1));
    }

    @Test
    void routesAssignmentsQueuesAndReleases_areCountedOnce_whenRoutesRunOnSeveralThreads() {
        Router router = router().build();

        router.route(conversation("c1").build());
        router.route(conversation("c2").build());
        router.route(conversation("c3").build());
        router.route(conversation("c1").build()); // already open: not routed again
        router.release("c1"); // c3 takes ana's place
        router.route(conversation("c4").build());
        router.release("c4"); // released while waiting

        assertThat(router.stats()).isEqualTo(new RouterStats(4, 3, 2, 0, 0, 0, 2, 0, 0, 0, 0));
    }

    @Test
    void everyOutcome_isCountedOnce_onTheExclusivePath() {
        Router router = TestStrategies.onTheExclusiveLock(router()).build();

        router.route(conversation("c1").build());
        router.route(conversation("c2").build());
        router.route(conversation("c3").build());
        clock.advance(Duration.ofMinutes(15));
        router.tick(); // c3 passes its SLA
        router.tick(); // reported once
        router.setCapacity("ben", 3); // c3 to ben
        router.transfer("c1", "ben", new Handoff("moved", "nothing yet", "answer"));
        router.setPresence("ben", Presence.OFFLINE); // c2, c3 and c1 rerouted: c2 to ana, c3 and c1 wait
        router.release("c2"); // c3 to ana

        RouterStats stats = router.stats();
        assertThat(stats).isEqualTo(new RouterStats(3, 5, 3, 0, 1, 3, 1, 1, 0, 0, 0));
        assertThat(stats.rerouteRate()).as("(1 transfer + 3 re-routes) / 3 routed").isEqualTo(4.0 / 3);
    }

    @Test
    void rejectionsAndJoins_areCounted_andANewRouterHasNoReroutes() {
        Router router = Router.builder().clock(clock)
                .chain(TestStrategies.strategy("refuse-spam", (c, view) -> c.type().equals("spam")
                        ? Verdict.reject("spam") : Verdict.pass(PassReason.NOT_APPLICABLE, "not spam")),
                        TestStrategies.firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(15)).owner(agent("ana", 2))
                .oneConversationPerCustomer(true).build();
        assertThat(router.stats().rerouteRate()).isZero();

        router.route(conversation("spam").type("spam").build());
        router.route(conversation("c1").customer("pat").build());
        router.route(conversation("c2").customer("pat").build());

        assertThat(router.stats()).isEqualTo(new RouterStats(2, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0));
    }
}
