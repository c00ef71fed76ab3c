package dev.switchboard.routing.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Setups broken on purpose make the check fail, each with a story of a few steps that ends with the invariant it
 * broke.
 */
class BrokenSetupTest {

    private static final SwitchboardInvariants.Options OPTIONS = SwitchboardInvariants.Options.defaults().tries(50);

    /** Gives every conversation to the first owner of the rule, whether it has room or is at work at all. */
    private static final class FirstOwnerAlways implements Strategy {
        @Override
        public String name() {
            return "first-owner-always";
        }

        @Override
        public Verdict decide(Conversation conversation, RoutingView view) {
            List<Candidate> candidates = view.candidates();
            return candidates.isEmpty() ? new Verdict.Pass(PassReason.NONE_AVAILABLE, "nobody on the roster")
                    : new Verdict.Assign(candidates.get(0).id(), "always the first owner", Map.of());
        }
    }

    /** Keeps every conversation waiting, however much room owners have. */
    private static final class HoldsEverything implements Strategy {
        @Override
        public String name() {
            return "holds-everything";
        }

        @Override
        public Verdict decide(Conversation conversation, RoutingView view) {
            return new Verdict.Hold("saving it for later");
        }
    }

    /** Takes turns by a counter of its own, which lives on from one router to the next: not a pure strategy. */
    private static final class CountsByItself implements Strategy {
        private final AtomicLong turns = new AtomicLong();

        @Override
        public String name() {
            return "counts-by-itself";
        }

        @Override
        public Verdict decide(Conversation conversation, RoutingView view) {
            List<Candidate> free = view.candidates().stream().filter(candidate -> candidate.freeCapacity() > 0
                    && candidate.presence().mayReceiveWork()).toList();
            return free.isEmpty() ? new Verdict.Pass(PassReason.NO_CAPACITY, "nobody has room")
                    : new Verdict.Assign(free.get((int) (turns.getAndIncrement() % free.size())).id(), "its turn",
                            Map.of());
        }
    }

    private static Supplier<Router.Builder> routers(Strategy step, int capacity) {
        return () -> Router.builder()
                .owner(Owner.agent("ana").capacity(capacity).build())
                .owner(Owner.agent("ben").capacity(capacity).build())
                .chain(step)
                .fallbackQueue("waiting", Duration.ofMinutes(10));
    }

    /**
     * The router skips such a step's choice of an owner who cannot take the conversation (full, or offline) and the
     * conversation waits in the fallback queue: nothing is lost, but it waits while the other owner has room.
     */
    @Test
    void stepThatIgnoresCapacity_isSkippedByTheRouter_andItsConversationsStarve_inAStoryOfAFewSteps() {
        InvariantViolation violation = catchThrowableOfType(InvariantViolation.class,
                () -> SwitchboardInvariants.check(routers(new FirstOwnerAlways(), 1), OPTIONS));

        assertThat(violation.invariant()).isEqualTo(Invariant.NO_STARVATION);
        assertThat(violation.story().lines()).hasSizeBetween(3, 5);
        assertThat(violation.story()).contains("-> to ana by first-owner-always")
                .contains("-> waits in waiting")
                .contains("VIOLATED no starvation when capacity exists")
                .contains("while ben, who could take it, has room");
        assertThat(violation.getMessage()).startsWith("Switchboard invariant violated: no starvation when capacity"
                + " exists").contains("seed 42");
    }

    @Test
    void stepThatIgnoresPresence_isSkippedByTheRouter_losingNothing_butItsConversationsStarve() {
        InvariantViolation violation = catchThrowableOfType(InvariantViolation.class,
                () -> SwitchboardInvariants.check(routers(new FirstOwnerAlways(), 100), OPTIONS));

        assertThat(violation.invariant()).isEqualTo(Invariant.NO_STARVATION);
        assertThat(violation.story().lines()).hasSizeBetween(3, 6);
        assertThat(violation.story()).contains("ana away", "-> waits in waiting").doesNotContain("throws")
                .contains("VIOLATED no starvation when capacity exists");
    }

    @Test
    void stepThatHoldsEverything_starvesConversations_inAStoryOfAFewSteps() {
        InvariantViolation violation = catchThrowableOfType(InvariantViolation.class,
                () -> SwitchboardInvariants.check(routers(new HoldsEverything(), 1), OPTIONS));

        assertThat(violation.invariant()).isEqualTo(Invariant.NO_STARVATION);
        assertThat(violation.story().lines()).hasSizeBetween(3, 4);
        assertThat(violation.story()).contains("arrives -> waits in waiting").contains("tick")
                .containsPattern("VIOLATED no starvation when capacity exists: c1 has waited .* while ana, who could"
                        + " take it, has room");
    }

    @Test
    void holdsAllowedForTheHostsOwnSteps_areNotStarvation() {
        SwitchboardInvariants.Options options = OPTIONS.extraHold(Duration.ofDays(400));

        SwitchboardInvariants.check(routers(new HoldsEverything(), 1), options);
    }

    @Test
    void impureStepSharedByEveryRouter_isCaughtByTheReplayWithAFailingListener() {
        InvariantViolation violation = catchThrowableOfType(InvariantViolation.class,
                () -> SwitchboardInvariants.check(routers(new CountsByItself(), 3), OPTIONS));

        assertThat(violation.invariant()).isEqualTo(Invariant.LISTENER_ISOLATION);
        assertThat(violation.story()).containsPattern("VIOLATED results unaffected by listener failures: with a"
                + " listener that throws, the last step went: c1 .* arrives -> to (ana|ben) by counts-by-itself");
    }

    @Test
    void skippedInvariant_isNotChecked() {
        SwitchboardInvariants.Options options = OPTIONS.skip(Invariant.NO_STARVATION);

        SwitchboardInvariants.check(routers(new HoldsEverything(), 1), options);
    }

    @Test
    void sameSeed_findsTheSameStory() {
        Supplier<Router.Builder> broken = routers(new FirstOwnerAlways(), 1);
        SwitchboardInvariants.Options options = OPTIONS.seed(7);

        String first = catchThrowableOfType(InvariantViolation.class,
                () -> SwitchboardInvariants.check(broken, options)).getMessage();
        String second = catchThrowableOfType(InvariantViolation.class,
                () -> SwitchboardInvariants.check(broken, options)).getMessage();

        assertThat(second).isEqualTo(first).contains("seed 7");
    }
}
