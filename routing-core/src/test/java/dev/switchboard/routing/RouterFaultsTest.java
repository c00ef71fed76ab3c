package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faulty strategies and listeners never lose a conversation, never corrupt an owner, and never make a call fail after
 * it took effect: a faulty step is skipped, in the trace and once in the log, and the conversation falls through the
 * chain or waits in the rule's queue; a listener's failure, an {@link Error} included, is logged and ignored; a call
 * back into the router from inside a decision is refused before anything changes.
 */
class RouterFaultsTest extends RouterScenario {

    /** How a step misbehaves once {@link #broken} is set; until then it assigns the first owner with room. */
    enum Fault {
        THROWS, RETURNS_NULL, ASSIGNS_WHO_CANNOT_TAKE_IT, NAMES_AN_UNDECLARED_QUEUE
    }

    private final AtomicBoolean broken = new AtomicBoolean();

    private Strategy faulty(Fault fault) {
        Strategy good = firstAvailable();
        return TestStrategies.strategy("faulty", (conversation, view) -> {
            if (!broken.get()) {
                return good.decide(conversation, view);
            }
            return switch (fault) {
                case THROWS -> throw new IllegalStateException("bug in a custom strategy");
                case RETURNS_NULL -> null;
                case ASSIGNS_WHO_CANNOT_TAKE_IT -> new Verdict.Assign("full", "always full", Map.of());
                case NAMES_AN_UNDECLARED_QUEUE -> Verdict.enqueue("nowhere", "somewhere else");
            };
        });
    }

    /**
     * ana and ben with room for two each, and full, who has none; when {@code exclusive}, every call is on the
     * exclusive path (see {@link TestStrategies#onTheExclusiveLock}) and a listener keeps the events.
     */
    private Router router(Fault fault, boolean exclusive, Strategy... after) {
        Router.Builder builder = Router.builder().clock(clock).owner(agent("ana", 2)).owner(agent("ben", 2))
                .owner(agent("full", 0)).chain(faulty(fault)).chain(after)
                .fallbackQueue("waiting", Duration.ofMinutes(15));
        return (exclusive ? TestStrategies.onTheExclusiveLock(builder).listener(events::add) : builder).build();
    }

    @Nested
    class FaultySteps {
        @ParameterizedTest
        @EnumSource(Fault.class)
        void isSkipped_inTheTraceAndOnceInTheLog_andTheNextStepDecides(Fault fault) {
            for (boolean exclusive : new boolean[] {true, false}) { // the exclusive and the shared path
                Router router = router(fault, exclusive, firstAvailable());
                broken.set(true);
                CapturedLogs.clear();

                Decision decision = router.route(conversation("c1").build());

                assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class, assigned -> {
                    assertThat(assigned.ownerId()).isEqualTo("ana");
                    assertThat(assigned.strategy()).isEqualTo("first-available");
                    Trace.Step skipped = assigned.trace().steps().get(0);
                    assertThat(skipped.strategy()).isEqualTo("faulty");
                    assertThat(skipped.verdict()).isInstanceOfSatisfying(Verdict.Pass.class,
                            pass -> assertThat(pass.code()).isEqualTo(PassReason.FAULTY_STEP));
                });
                assertThat(CapturedLogs.lines()).as("logged once, without a stack trace").singleElement()
                        .satisfies(line -> {
                            assertThat(line.message()).contains("'faulty'", "'c1'");
                            assertThat(line.thrown()).isNull();
                        });
            }
        }

        @Test
        void thatThrows_isNamedInTheTrace_withTheExceptionAndWhereItWasThrown() {
            Router router = router(Fault.THROWS, true);
            broken.set(true);

            Decision decision = router.route(conversation("c1").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("waiting");
                assertThat(queued.trace().explain()).startsWith("1. faulty passed (faulty step): the step threw"
                        + " java.lang.IllegalStateException: bug in a custom strategy at ")
                        .contains("RouterFaultsTest");
            });
        }

        @ParameterizedTest
        @EnumSource(Fault.class)
        void duringAnOfflineReroute_losesNoConversation(Fault fault) {
            Router router = router(fault, true);
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());
            broken.set(true);

            router.setPresence("ana", Presence.OFFLINE);

            assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("c1", "c2");
            Invariants.everyOpenConversationIsInExactlyOnePlace(router.roster(), router.waiting(), Set.of("c1", "c2"));
            assertThat(router.ownerStatus("ana").load()).isZero();
        }

        @ParameterizedTest
        @EnumSource(Fault.class)
        void duringTheDrainAfterARelease_theReleaseSucceeds_andTheWaitingConversationStillWaits(Fault fault) {
            Router router = router(fault, true);
            router.setCapacity("ben", Capacity.of(0));
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());
            router.route(conversation("c3").build());
            broken.set(true);

            router.release("c1");

            assertThat(router.placement("c1")).isEmpty();
            assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("c3");
            Invariants.everyOpenConversationIsInExactlyOnePlace(router.roster(), router.waiting(), Set.of("c2", "c3"));
            assertThat(router.stats().released()).isEqualTo(1);
        }
    }

    @Nested
    class FaultyListeners {
        @Test
        void aListenerThrowingAnError_neitherFailsTheCall_norKeepsTheEventFromTheRecorder() {
            List<RoutingEvent> recorded = new ArrayList<>();
            Router router = routerWith(agent("ana", 1)).listener(event -> {
                throw new AssertionError("a listener's bug");
            }).recorder(recorded::add).build();

            Decision decision = router.route(conversation("c1").build());
            router.release("c1");

            assertThat(decision).isInstanceOf(Decision.Assigned.class);
            assertThat(recorded).extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("Input", "Input", "Assigned", "Input", "Released");
            assertThat(events).hasSize(2);
            assertThat(CapturedLogs.lines()).hasSize(2)
                    .allSatisfy(line -> assertThat(line.thrown()).hasMessage("a listener's bug"));
        }
    }

    @Nested
    class CallsBackIntoTheRouter {
        /** Calls the router (held in {@code target}) from inside its decision, and keeps what it was told. */
        private Strategy reentrant(AtomicReference<Router> target, List<String> refusals) {
            return TestStrategies.strategy("reentrant", (conversation, view) -> {
                try {
                    target.get().route(conversation("inner").build());
                    refusals.add("accepted");
                } catch (IllegalStateException refused) {
                    refusals.add(refused.getMessage());
                }
                try {
                    target.get().placement("inner");
                    refusals.add("accepted");
                } catch (IllegalStateException refused) {
                    refusals.add(refused.getMessage());
                }
                return Verdict.pass(PassReason.NOT_APPLICABLE, "called back");
            });
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // it used to deadlock
        void fromAStrategy_areRefusedBeforeAnythingChanges_onBothPaths() {
            for (boolean listening : new boolean[] {true, false}) {
                AtomicReference<Router> target = new AtomicReference<>();
                List<String> refusals = new CopyOnWriteArrayList<>();
                Router.Builder builder = Router.builder().clock(clock).owner(agent("ana", 2))
                        .chain(reentrant(target, refusals), firstAvailable())
                        .fallbackQueue("waiting", Duration.ofMinutes(15));
                Router router = (listening ? builder.listener(events::add) : builder).build();
                target.set(router);

                Decision decision = router.route(conversation("c1").build());

                assertThat(refusals).hasSize(2).allSatisfy(message -> assertThat(message)
                        .startsWith("re-entrant call refused: the router was called from inside one of its own"));
                assertThat(decision).isInstanceOf(Decision.Assigned.class);
                assertThat(router.placement("inner")).isEmpty();
                assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
            }
        }

        @Test
        void fromAListener_areServed() {
            List<Decision> told = new CopyOnWriteArrayList<>();
            AtomicReference<Router> target = new AtomicReference<>();
            Router router = routerWith(agent("ana", 2)).listener(event -> {
                if (event instanceof RoutingEvent.Assigned assigned && assigned.conversation().id().equals("c1")) {
                    told.add(target.get().route(conversation("c2").build()));
                }
            }).build();
            target.set(router);

            router.route(conversation("c1").build());

            assertThat(told).singleElement().isInstanceOf(Decision.Assigned.class);
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1", "c2");
        }

        @Test
        void aRefusedCallThrows_whenTheStrategyLetsItThrough() {
            AtomicReference<Router> target = new AtomicReference<>();
            Router router = Router.builder().clock(clock).owner(agent("ana", 1))
                    .chain(TestStrategies.strategy("releases", (conversation, view) -> {
                        target.get().release("c1");
                        return Verdict.pass(PassReason.NOT_APPLICABLE, "unreachable");
                    })).fallbackQueue("waiting", Duration.ofMinutes(15)).build();
            target.set(router);

            assertThatThrownBy(() -> target.get().release("c1")).isInstanceOf(IllegalArgumentException.class);
            Decision decision = router.route(conversation("c1").build());

            assertThat(decision.trace().explain()).contains("releases passed (faulty step): the step threw"
                    + " java.lang.IllegalStateException: re-entrant call refused");
            assertThat(router.placement("c1")).containsInstanceOf(Placement.Waiting.class);
        }
    }
}
