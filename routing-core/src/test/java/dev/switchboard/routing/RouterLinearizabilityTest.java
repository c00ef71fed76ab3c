package dev.switchboard.routing;

import java.time.Duration;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Lincheck checks that the router's operations are linearizable: whatever two threads call at once, each call's
 * answer is one that some order of the calls, made one at a time, would give. It runs route, release, transfer,
 * claim, setPresence and tick, and a snapshot of the roster and the queues, on two owners with room for one
 * conversation each, in each of the router's locking paths: routes and releases under the shared lock (without
 * anyone watching, with a listener, which then gets its events under each owner's stripe, and with a recorder, whose
 * commits go one at a time through the journal), and every call holding the lock exclusively (as linking
 * identities needs). Model checking explores the
 * interleavings at every shared-memory access and lock; stress mode runs the calls on real threads.
 *
 * <p>Each call answers with a short summary of its result (a decision's kind and owner or queue, or the kind of
 * exception it threw), which the sequential executions must reproduce.
 */
class RouterLinearizabilityTest {

    /**
     * Small scenarios, so that each mode checks in seconds. Lincheck instruments JDK classes as the
     * router first reaches them, which on a busy machine can outlast its default of 10 seconds for an invocation and be
     * reported as a hang: the timeout is raised (through Lincheck's internal setter, as its API has no public one).
     */
    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(3).invocationsPerIteration(10).threads(2).actorsPerThread(2)
                .actorsBefore(1).actorsAfter(1)
                .invocationTimeout$lincheck(INVOCATION_TIMEOUT_MS);
    }

    private static StressOptions stress() {
        return new StressOptions().iterations(3).invocationsPerIteration(30).threads(2).actorsPerThread(3)
                .actorsBefore(1).actorsAfter(1).invocationTimeout$lincheck(INVOCATION_TIMEOUT_MS);
    }

    private static final long INVOCATION_TIMEOUT_MS = 120_000;

    /** The operations, on a router built by the subclass. */
    @Param(name = "conversation", gen = IntGen.class, conf = "1:3")
    @Param(name = "owner", gen = IntGen.class, conf = "1:2")
    public abstract static class Operations {
        private final Router router;

        /** How the router is watched, which picks its locking path. */
        enum Watched { NOT, BY_A_LISTENER, BY_A_RECORDER, ON_THE_EXCLUSIVE_LOCK }

        Operations(Watched watched) {
            Router.Builder builder = Router.builder().clock(new ManualClock(TestStrategies.START))
                    .owner(TestStrategies.agent("o1", 1)).owner(TestStrategies.agent("o2", 1))
                    .chain(TestStrategies.firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(5));
            router = switch (watched) {
                case NOT -> builder.build();
                case BY_A_LISTENER -> builder.listener(event -> { }).build();
                case BY_A_RECORDER -> builder.recorder(event -> { }).build();
                case ON_THE_EXCLUSIVE_LOCK -> TestStrategies.onTheExclusiveLock(builder).build();
            };
        }

        @Operation
        public String route(@Param(name = "conversation") int id) {
            return summary(() -> router.route(TestStrategies.conversation("c" + id).build()));
        }

        @Operation
        public String release(@Param(name = "conversation") int id) {
            return summary(() -> {
                router.release("c" + id);
                return null;
            });
        }

        @Operation
        public String transfer(@Param(name = "conversation") int id, @Param(name = "owner") int owner) {
            return summary(() -> router.transfer("c" + id, "o" + owner, new Handoff("moved", "", "reply")));
        }

        @Operation
        public String claim(@Param(name = "owner") int owner, @Param(name = "conversation") int id) {
            return summary(() -> router.claim("o" + owner, "c" + id));
        }

        @Operation
        public String goOffline(@Param(name = "owner") int owner) {
            return summary(() -> {
                router.setPresence("o" + owner, Presence.OFFLINE);
                return null;
            });
        }

        @Operation
        public String comeOnline(@Param(name = "owner") int owner) {
            return summary(() -> {
                router.setPresence("o" + owner, Presence.ONLINE);
                return null;
            });
        }

        @Operation
        public String tick() {
            return summary(() -> {
                router.tick();
                return null;
            });
        }

        /** Who holds what and who waits: catches a load, a list or a queue that disagrees with the calls' answers. */
        @Operation
        public String snapshot() {
            StringBuilder text = new StringBuilder();
            for (OwnerStatus status : router.roster()) {
                text.append(status.owner().id()).append(' ').append(status.presence()).append(' ')
                        .append(status.load()).append(status.conversationIds()).append("; ");
            }
            router.waiting().forEach(entry -> text.append(entry.conversation().id()).append(' '));
            return text.toString();
        }

        private static String summary(java.util.concurrent.Callable<Object> call) {
            Object result;
            try {
                result = call.call();
            } catch (Exception refused) {
                return refused.getClass().getSimpleName();
            }
            if (result instanceof Decision.Assigned assigned) {
                return "assigned " + assigned.ownerId();
            }
            if (result instanceof Decision.Queued queued) {
                return "queued " + queued.queue();
            }
            return result == null ? "done" : result.getClass().getSimpleName();
        }
    }

    /** Nobody watching: routes and releases run under the shared lock. */
    public static final class SharedLock extends Operations {
        public SharedLock() {
            super(Watched.NOT);
        }
    }

    /** A listener: routes and releases still run under the shared lock, each commit under its owner's stripe. */
    public static final class ListenedSharedLock extends Operations {
        public ListenedSharedLock() {
            super(Watched.BY_A_LISTENER);
        }
    }

    /** A recorder: routes and releases still run under the shared lock, their commits one at a time in the journal. */
    public static final class RecordedSharedLock extends Operations {
        public RecordedSharedLock() {
            super(Watched.BY_A_RECORDER);
        }
    }

    /** Every call holds the lock exclusively. */
    public static final class ExclusiveLock extends Operations {
        public ExclusiveLock() {
            super(Watched.ON_THE_EXCLUSIVE_LOCK);
        }
    }

    @Nested
    class UnderTheSharedLock {
        @Test
        void modelChecking() {
            RouterLinearizabilityTest.modelChecking().check(SharedLock.class);
        }

        @Test
        void stress() {
            RouterLinearizabilityTest.stress().check(SharedLock.class);
        }
    }

    @Nested
    class UnderTheSharedLockWithAListener {
        @Test
        void stress() {
            RouterLinearizabilityTest.stress().check(ListenedSharedLock.class);
        }
    }

    @Nested
    class UnderTheSharedLockWithARecorder {
        @Test
        void stress() {
            RouterLinearizabilityTest.stress().check(RecordedSharedLock.class);
        }
    }

    @Nested
    class UnderTheExclusiveLock {
        @Test
        void modelChecking() {
            RouterLinearizabilityTest.modelChecking().check(ExclusiveLock.class);
        }

        @Test
        void stress() {
            RouterLinearizabilityTest.stress().check(ExclusiveLock.class);
        }
    }
}
