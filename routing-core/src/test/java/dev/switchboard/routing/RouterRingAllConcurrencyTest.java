package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ring-all under concurrent accepts, as Asterisk's {@code ringall} promises: every rung owner accepts at the same
 * moment on its own thread, exactly one wins, every other is refused and has its offer withdrawn, and only the winner's
 * capacity stays taken.
 */
class RouterRingAllConcurrencyTest {

    private static final int OWNERS = 4;
    private static final int ROUNDS = 50;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void exactlyOneOfTheOwnersAcceptingAtOnceWins() throws Exception {
        List<RoutingEvent> events = new CopyOnWriteArrayList<>();
        Router.Builder builder = Router.builder().clock(new ManualClock(TestStrategies.START))
                .plan(new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(10))), List.of(
                        Rule.builder("everyone").chain(TestStrategies.rotation())
                                .offer(OfferPolicy.builder(Duration.ofMinutes(1)).ringAll().build())
                                .queue("waiting").build())))
                .listener(events::add);
        for (int i = 0; i < OWNERS; i++) {
            builder.owner(Owner.agent("o" + i).capacity(ROUNDS).build());
        }
        Router router = builder.build();
        ExecutorService pool = Executors.newFixedThreadPool(OWNERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String id = "c" + round;
                Decision.Offered offered = (Decision.Offered) router.route(TestStrategies.conversation(id).build());
                assertThat(offered.ownerIds()).hasSize(OWNERS);
                CountDownLatch ready = new CountDownLatch(OWNERS);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> answers = new ArrayList<>();
                for (String ownerId : offered.ownerIds()) {
                    answers.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        try {
                            return router.accept(ownerId, id).ownerId();
                        } catch (IllegalStateException refused) {
                            return null;
                        }
                    }));
                }
                ready.await();
                go.countDown();
                List<String> winners = new ArrayList<>();
                for (Future<String> answer : answers) {
                    String winner = answer.get(30, TimeUnit.SECONDS);
                    if (winner != null) {
                        winners.add(winner);
                    }
                }

                assertThat(winners).as("winners of %s", id).hasSize(1);
                assertThat(router.placement(id)).get().isEqualTo(new Placement.Owned(
                        TestStrategies.conversation(id).build(), winners.get(0)));
                assertThat(events.stream().filter(RoutingEvent.OfferWithdrawn.class::isInstance)
                        .map(RoutingEvent.OfferWithdrawn.class::cast)
                        .filter(withdrawn -> withdrawn.conversation().id().equals(id)))
                        .extracting(RoutingEvent.OfferWithdrawn::ownerId)
                        .containsExactlyInAnyOrderElementsOf(offered.ownerIds().stream()
                                .filter(ownerId -> !ownerId.equals(winners.get(0))).toList());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(router.roster().stream().mapToInt(OwnerStatus::load).sum()).isEqualTo(ROUNDS);
    }
}
