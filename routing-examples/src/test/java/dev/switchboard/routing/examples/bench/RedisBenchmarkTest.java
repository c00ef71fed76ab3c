package dev.switchboard.routing.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.ThreadParams;

/** RedisBenchmark's bodies, run a few times outside JMH against the redis-server its set-up starts; nothing timed. */
class RedisBenchmarkTest {

    private final BenchmarkClock clock = new BenchmarkClock();
    private final RedisBenchmark benchmark = new RedisBenchmark();

    private static ThreadParams thread(int index, int count) {
        return new ThreadParams(index, count, 0, 1, 0, 1, index, count, 0, 1);
    }

    private ThreadConversations conversations(int index, int count) {
        ThreadConversations conversations = new ThreadConversations();
        conversations.build(clock, thread(index, count));
        return conversations;
    }

    private void start(int instances) {
        benchmark.redis = "";
        benchmark.owners = 3;
        benchmark.instances = instances;
        benchmark.start(clock);
    }

    @AfterEach
    void stop() {
        benchmark.stop();
    }

    @Test
    void ping_isAnsweredByTheServerTheTrialStarted() {
        start(1);

        assertThat(benchmark.ping()).isEqualTo("PONG");
    }

    @Test
    void routeAndRelease_assignsInRotation_andFreesTheOwnerAgain() {
        start(1);
        ThreadConversations conversations = conversations(0, 1);

        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            owners.add(assigned(benchmark.routeAndRelease(conversations, thread(0, 1))));
        }

        assertThat(owners.subList(0, 3)).doesNotHaveDuplicates();
        assertThat(owners.subList(3, 6)).as("round again").isEqualTo(owners.subList(0, 3));
        assertThat(benchmark.router(0).roster()).as("every conversation released").allSatisfy(status ->
                assertThat(status.load()).isZero());
    }

    @Test
    void twoInstances_shareOneRotation_throughRedis() {
        start(2);
        ThreadConversations first = conversations(0, 2);
        ThreadConversations second = conversations(1, 2);

        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            owners.add(assigned(benchmark.routeAndRelease(i % 2 == 0 ? first : second, thread(i % 2, 2))));
        }

        assertThat(benchmark.router(0)).isNotSameAs(benchmark.router(1));
        assertThat(owners).as("each instance picks the owner after the other's pick").doesNotHaveDuplicates();
    }

    private static String assigned(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        return ((Decision.Assigned) decision).ownerId();
    }
}
