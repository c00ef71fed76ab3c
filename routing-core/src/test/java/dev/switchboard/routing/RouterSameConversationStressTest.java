package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two threads route the same new conversation at once, in lockstep, round after round, on the shared-lock path (no
 * listeners). Exactly one route places it; the other answers where it went; and the loser takes nothing: no phantom
 * load, no phantom assignment counted by a fairness cap. (The loser used to take the owner's room first and give it
 * back after losing the place, removing the winner's conversation from the owner's list and leaving its cap's count.)
 */
class RouterSameConversationStressTest {

    private static final int ROUNDS = 4_000;
    private static final String LEAST_LOADED = "least-loaded";

    /** The candidate with the lowest load that can take the conversation, the first in roster order on a tie. */
    private static final Strategy leastLoaded = TestStrategies.strategy(LEAST_LOADED, (conversation, view) -> {
        Candidate chosen = null;
        for (Candidate candidate : view.candidates()) {
            if (candidate.canTake(BusyPolicy.EXCLUDE) && (chosen == null || candidate.load() < chosen.load())) {
                chosen = candidate;
            }
        }
        return chosen == null ? Verdict.pass(PassReason.NO_CAPACITY, "nobody has room")
                : Verdict.assign(chosen, "least loaded");
    });

    private static Router router(Owner... owners) {
        Router.Builder builder = Router.builder().clock(new ManualClock(TestStrategies.START)).chain(leastLoaded)
                .fallbackQueue("waiting", Duration.ofMinutes(10));
        for (Owner owner : owners) {
            builder.owner(owner);
        }
        return builder.build();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void routingTheSameNewConversationTwiceAtOnce_placesItOnce_andLeavesNoPhantomLoad() throws Exception {
        Owner[] owners = new Owner[200];
        for (int i = 0; i < owners.length; i++) {
            owners[i] = TestStrategies.agent("p" + i, 25);
        }
        Router router = router(owners);

        Decision[][] decisions = inLockstep(router);

        Set<String> open = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            placedOnce(decisions[round], round);
            open.add(id(round));
        }
        Invariants.everyOpenConversationIsInExactlyOnePlace(router.roster(), router.waiting(), open);
        open.forEach(router::release);
        for (Owner owner : owners) {
            assertThat(router.ownerStatus(owner.id()).load()).as("load of %s", owner.id()).isZero();
            router.removeOwner(owner.id());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void routingTheSameNewConversationTwiceAtOnce_countsOneAssignmentAgainstTheCap() throws Exception {
        Router router = router(Owner.agent("ana").capacity(ROUNDS).assignmentCap(ROUNDS, Duration.ofHours(1))
                .build());

        Decision[][] decisions = inLockstep(router);

        for (int round = 0; round < ROUNDS; round++) {
            placedOnce(decisions[round], round);
        }
        assertThat(router.ownerStatus("ana").load()).isEqualTo(ROUNDS);
        assertThat(router.route(TestStrategies.conversation("one-more").build()))
                .as("the cap is full after exactly %d assignments", ROUNDS)
                .isInstanceOfSatisfying(Decision.Queued.class, queued -> assertThat(queued.reason())
                        .contains("ana at its cap of " + ROUNDS + " new conversations per PT1H"));
    }

    /** Each round, both threads route conversation {@code c<round>} at once; their decisions, by round and thread. */
    private static Decision[][] inLockstep(Router router) throws Exception {
        Decision[][] decisions = new Decision[ROUNDS][2];
        CyclicBarrier bothReady = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    Conversation conversation = TestStrategies.conversation(id(round)).build();
                    bothReady.await();
                    decisions[round][thread] = router.route(conversation);
                }
                return null;
            }));
        }
        for (Future<?> thread : threads) {
            thread.get();
        }
        pool.shutdown();
        return decisions;
    }

    /** One decision assigned the conversation by the strategy, the other answered where it already was. */
    private static void placedOnce(Decision[] both, int round) {
        assertThat(both).as("round %d", round).allSatisfy(decision -> assertThat(decision)
                .isInstanceOf(Decision.Assigned.class));
        Decision.Assigned first = (Decision.Assigned) both[0];
        Decision.Assigned second = (Decision.Assigned) both[1];
        assertThat(List.of(first.strategy(), second.strategy())).as("round %d", round)
                .containsExactlyInAnyOrder(LEAST_LOADED, "already-open");
        assertThat(first.ownerId()).as("round %d", round).isEqualTo(second.ownerId());
    }

    private static String id(int round) {
        return "c" + round;
    }
}
