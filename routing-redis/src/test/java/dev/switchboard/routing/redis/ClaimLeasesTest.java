package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a caller claims that is due (timers, response deadlines, expiring offers) is leased to it: no other caller
 * gets it while the lease runs, and when the claimer dies before it settles it, the next caller after the lease does.
 */
class ClaimLeasesTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final String tenant = REDIS.newTenant();
    private final RedisRoutingStore dying = REDIS.builder(tenant).claimLease(LEASE).build();
    private final RedisRoutingStore surviving = REDIS.builder(tenant).claimLease(LEASE).build();

    @AfterEach
    void close() {
        dying.close();
        surviving.close();
    }

    @Nested
    class Timers {
        @Test
        void aTimerClaimedButNotCancelled_isHandedOutAgainOnceTheLeaseRunsOut_withItsDueTime() {
            dying.schedule(TimerKind.SLA_BREACH, "c1", T0);
            assertThat(dying.claimDue(T0, 10)).containsExactly(new DueTimer(TimerKind.SLA_BREACH, "c1", T0));

            assertThat(surviving.claimDue(T0.plus(LEASE).minusMillis(1), 10)).isEmpty();
            assertThat(surviving.claimDue(T0.plus(LEASE), 10))
                    .containsExactly(new DueTimer(TimerKind.SLA_BREACH, "c1", T0));
        }

        @Test
        void aCancelledTimer_isNotHandedOutAgain() {
            dying.schedule(TimerKind.SLA_BREACH, "c1", T0);
            assertThat(dying.claimDue(T0, 10)).hasSize(1);
            assertThat(dying.cancel(TimerKind.SLA_BREACH, "c1")).isTrue();

            assertThat(surviving.claimDue(T0.plus(LEASE).plus(LEASE), 10)).isEmpty();
        }

        @Test
        void aTimerScheduledAgainWhileLeased_isDueAtItsNewTime_notAfterTheLease() {
            dying.schedule(TimerKind.OFFLINE_GRACE, "ana", T0);
            assertThat(dying.claimDue(T0, 10)).hasSize(1);
            dying.schedule(TimerKind.OFFLINE_GRACE, "ana", T0.plusSeconds(5));

            assertThat(surviving.claimDue(T0.plusSeconds(5), 10))
                    .containsExactly(new DueTimer(TimerKind.OFFLINE_GRACE, "ana", T0.plusSeconds(5)));
        }

        @Test
        void leasedTimers_doNotTakeTheLimitOfTheNextClaim() {
            for (int i = 0; i < 5; i++) {
                dying.schedule(TimerKind.SLA_BREACH, "c" + i, T0.plusMillis(i));
            }
            assertThat(dying.claimDue(T0.plusSeconds(1), 3)).extracting(DueTimer::subject)
                    .containsExactly("c0", "c1", "c2");

            assertThat(surviving.claimDue(T0.plusSeconds(1), 3)).extracting(DueTimer::subject)
                    .containsExactly("c3", "c4");
        }

        @Test
        void aLeaseMustBePositive() {
            assertThatThrownBy(() -> RedisRoutingStore.builder().claimLease(Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claimLease");
        }
    }

    @Nested
    class Routers {
        private final ManualClock clock = new ManualClock(T0);

        @Test
        void anOfferClaimedByAnInstanceThatDied_expiresOnTheOtherInstance_afterTheLease() {
            OfferPolicy policy = OfferPolicy.builder(Duration.ofMinutes(1)).build();
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("front-line", Duration.ofHours(1))),
                    List.of(Rule.builder("front-line").chain(new RoundRobin()).offer(policy).queue("front-line")
                            .build()));
            Router first = router(dying, "offersDue", plan);
            Router second = router(surviving, "", plan);
            first.addOwner(agent("ana", 1));
            first.addOwner(agent("ben", 1));
            first.route(chat("c1"));
            String offeredTo = ((Placement.Offered) second.placement("c1").orElseThrow()).ownerIds().get(0);

            clock.advance(Duration.ofMinutes(1));
            assertThatThrownBy(first::tick).hasMessage("the instance died after offersDue");
            second.tick();
            assertThat(second.placement("c1")).containsInstanceOf(Placement.Offered.class); // still leased

            clock.advance(LEASE);
            second.tick();
            Placement.Offered again = (Placement.Offered) second.placement("c1").orElseThrow();
            assertThat(again.ownerIds()).doesNotContain(offeredTo).hasSize(1);
        }

        /**
         * The instance dies right after the store handed it the due deadline, or midway through the lapse (after
         * recording it, before the conversation moved): either way the conversation stays with its owner, and the
         * other instance lapses it once the lease ran out.
         */
        @ParameterizedTest
        @ValueSource(strings = {"responseDeadlinesDue", "recordLapse"})
        void aLapseWhoseInstanceDied_isMadeByTheOtherInstance_afterTheLease(String diesAfter) {
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("front-line", Duration.ofHours(1)),
                    new QueueSpec("review", Duration.ofHours(1))),
                    List.of(Rule.builder("front-line").chain(new RoundRobin()).queue("front-line").build()));
            Router first = router(dying, diesAfter, plan, true);
            Router second = router(surviving, "", plan, true);
            first.addOwner(agent("ana", 1));
            first.addOwner(agent("ben", 1));
            first.route(chat("c1"));
            String owner = ((Placement.Owned) second.placement("c1").orElseThrow()).ownerId();

            clock.advance(Duration.ofMinutes(5));
            assertThatThrownBy(first::tick).hasMessage("the instance died after " + diesAfter);
            second.tick();
            assertThat(second.placement("c1")).contains(new Placement.Owned(chat("c1"), owner)); // still leased

            clock.advance(LEASE);
            second.tick();
            Placement.Owned now = (Placement.Owned) second.placement("c1").orElseThrow();
            assertThat(now.ownerId()).isNotEqualTo(owner);
        }

        private Router router(RedisRoutingStore store, String diesAfter, RoutingPlan plan) {
            return router(store, diesAfter, plan, false);
        }

        /** A router on the store whose instance dies (its call throws) just after the store answered {@code diesAfter}. */
        private Router router(RedisRoutingStore store, String diesAfter, RoutingPlan plan, boolean deadlines) {
            Router.Builder builder = Router.builder().clock(clock).plan(plan).liveState(settings ->
                    LiveStateHooks.around(store.liveState().open(settings), method -> {}, method -> {
                        if (method.equals(diesAfter)) {
                            throw new IllegalStateException("the instance died after " + diesAfter);
                        }
                    }));
            if (deadlines) {
                builder.responseDeadline(Priority.NORMAL, Duration.ofMinutes(5)).responseReview(3, "review");
            }
            return builder.build();
        }
    }
}
