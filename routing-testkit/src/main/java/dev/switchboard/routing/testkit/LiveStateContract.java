package dev.switchboard.routing.testkit;

import dev.switchboard.routing.state.LiveStateFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every live-state store passes (see {@code dev.switchboard.routing.state.LiveState}): seeded
 * sequences of host calls (routing, releases, transfers, claims, replies, offers accepted and declined, presence
 * churn through offline and back, capacity changes, identity links, time passing and ticks, over settings with
 * offers, targets and overflow policies), and scripted ones that surely reach each kind of offer and overflow, run
 * through a router on the store and, side by side on the same clock, a router on the embedded store. After every
 * call both routers must have answered alike and hold the same state: every conversation's place, every owner's
 * presence, load and conversations in order, the waiting conversations in serve order, and the router's whole
 * snapshot (but for when each customer was last served, and the order of sets); and on the store no owner is ever
 * given work beyond its capacity and no conversation is owned twice. A failure tells the calls that led to it.
 *
 * <p>Subclass it in a store's tests (JUnit 5) and say how to make an empty store:
 *
 * <pre>{@code
 * class RedisLiveStateContractTest extends LiveStateContract {
 *     protected LiveStateFactory store() {
 *         return newStoreOnAFreshTenant().liveState();
 *     }
 * }
 * }</pre>
 *
 * Times in the sequences are whole milliseconds, the precision a shared store keeps.
 */
public abstract class LiveStateContract {

    /** How many seeds each setting runs. */
    private static final int SEEDS = 6;
    /** How many calls each seed makes. */
    private static final int CALLS = 150;

    /** A factory for an empty store, called once per test sequence: each sequence starts from nothing. */
    protected abstract LiveStateFactory store();

    /** Every setting, each with its seeds: the same answers and state as the embedded store after every call. */
    @TestFactory
    List<DynamicTest> answersAndHoldsStateAsTheEmbeddedStore() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ContractSetting setting : ContractSetting.values()) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                long chosen = seed;
                tests.add(DynamicTest.dynamicTest(setting + " seed " + seed,
                        () -> new ContractRun(setting, store(), chosen).run(CALLS)));
            }
        }
        return tests;
    }

    /**
     * The store's release of a conversation owned under its id, and whether anything waits after it, answers as its
     * default method (see {@code LiveState#releaseIfOwned}) and the embedded store do.
     */
    @Test
    void releasesIfOwnedAsTheDefaultMethodAndTheEmbeddedStoreDo() {
        ReleaseIfOwnedCheck.run(store(), store());
    }

    /**
     * Every setting, each with its seeds, restarted halfway: the store's router restored (on an empty store) from the
     * embedded router's snapshot and the embedded router from the store's, then the same answers and state again.
     */
    @TestFactory
    List<DynamicTest> carriesOnAlikeWhenEachRouterIsRestoredFromTheOthersSnapshot() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ContractSetting setting : ContractSetting.values()) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                long chosen = seed;
                tests.add(DynamicTest.dynamicTest(setting + " seed " + seed, () -> {
                    ContractRun run = new ContractRun(setting, store(), chosen);
                    run.run(CALLS / 2);
                    run.restoreEachFromTheOther(store());
                    run.run(CALLS / 2);
                }));
            }
        }
        return tests;
    }

    /**
     * Scripted: an offer accepted, one declined and then expired on a tick, one rung to every owner with room and won
     * by the first accept, and one sent to review after its refusals; the same answers and state after every call.
     */
    @Test
    void offersAsTheEmbeddedStore() {
        ScriptedCases.offers(store());
    }

    /**
     * Scripted: targets that move, and the overflow policies of rules and of queues (to a queue as it fills, to a rule
     * after a wait, out of a queue no rule drains, to review when nobody is logged in, reclassified out of review);
     * the same answers and state after every call.
     */
    @Test
    void overflowsAsTheEmbeddedStore() {
        ScriptedCases.overflow(store());
    }
}
