package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link Eligible} cursor, as the router's indexes give it ({@code Roster}) and as {@link Eligible#scan} gives it
 * ({@code ScannedEligible}), over one roster: ana (position 0, online), ben (1, away), cy (2, online, one
 * conversation), dee (3, online, full), then owners who left, then eve (66, online, past the first 64-bit word).
 * The owners that can take a conversation, busy ones excluded, are ana, cy and eve.
 */
class EligibleTest {

    private static final int EVE = 66;
    private static final Instant CY_ASSIGNED = START;

    /** What both implementations promise, on the roster described above. */
    abstract static class Contract {

        /** Runs the check on a fresh cursor over the roster, requiring nothing, busy owners excluded. */
        abstract void withEligible(Consumer<Eligible> check);

        @Test
        void visitsTheOwnersThatCanTakeIt_inRosterOrder_withTheirLoadsAndScores() {
            withEligible(eligible -> {
                assertThat(eligible.next()).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("ana");
                assertThat(eligible.rosterPosition()).isZero();
                assertThat(eligible.load()).isZero();
                assertThat(eligible.lastAssignedAt()).isEqualTo(Instant.MIN);
                assertThat(eligible.next()).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("cy");
                assertThat(eligible.rosterPosition()).isEqualTo(2);
                assertThat(eligible.load()).isEqualTo(1);
                assertThat(eligible.utilisation()).isEqualTo(0.5);
                assertThat(eligible.lastAssignedAt()).isEqualTo(CY_ASSIGNED);
                assertThat(eligible.score()).isZero();
                assertThat(eligible.candidate()).satisfies(candidate -> {
                    assertThat(candidate.id()).isEqualTo("cy");
                    assertThat(candidate.freeCapacity()).isEqualTo(1);
                });
                assertThat(eligible.next()).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("eve");
                assertThat(eligible.rosterPosition()).isEqualTo(EVE);
                assertThat(eligible.next()).isFalse();
            });
        }

        @Test
        void readingBeforeNext_throwsNoSuchElement_sayingToCallNextFirst() {
            withEligible(eligible -> everyReadThrows(eligible));
        }

        @Test
        void readingAfterNextReturnedFalse_throwsNoSuchElement_andNextStaysFalse() {
            withEligible(eligible -> {
                while (eligible.next()) {
                    assertThat(eligible.owner()).isNotNull();
                }
                everyReadThrows(eligible);
                assertThat(eligible.next()).isFalse();
                assertThat(eligible.advanceTo(0)).isFalse();
                everyReadThrows(eligible);
            });
        }

        @Test
        void advanceToBeforeNext_movesToTheFirstEligibleOwnerAtOrAfterThePosition() {
            withEligible(eligible -> {
                assertThat(eligible.advanceTo(1)).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("cy");
            });
            withEligible(eligible -> {
                assertThat(eligible.advanceTo(-7)).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("ana");
            });
        }

        @Test
        void advanceTo_staysOnTheCurrentOwner_whenItAlreadyQualifies() {
            withEligible(eligible -> {
                eligible.next();
                eligible.next();

                assertThat(eligible.advanceTo(2)).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("cy");
                assertThat(eligible.next()).isTrue();
                assertThat(eligible.owner().id()).as("the owner after cy is still to come").isEqualTo("eve");
            });
        }

        @Test
        void advanceTo_neverMovesBackwards() {
            withEligible(eligible -> {
                assertThat(eligible.advanceTo(2)).isTrue();

                assertThat(eligible.advanceTo(0)).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("cy");
                assertThat(eligible.next()).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("eve");
                assertThat(eligible.advanceTo(1)).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("eve");
            });
        }

        @Test
        void advanceTo_crossesOwnersThatCannotTakeIt_andWordsOfPositions() {
            withEligible(eligible -> {
                eligible.next();

                assertThat(eligible.advanceTo(3)).isTrue();
                assertThat(eligible.owner().id()).isEqualTo("eve");
                assertThat(eligible.rosterPosition()).isEqualTo(EVE);
            });
        }

        @Test
        void advanceTo_pastTheLastEligibleOwner_isFalse_andTheCursorIsExhausted() {
            withEligible(eligible -> {
                eligible.next();

                assertThat(eligible.advanceTo(EVE + 1)).isFalse();
                everyReadThrows(eligible);
                assertThat(eligible.next()).isFalse();
            });
            withEligible(eligible -> assertThat(eligible.advanceTo(Long.MAX_VALUE)).isFalse());
        }

        private static void everyReadThrows(Eligible eligible) {
            List<ThrowingCallable> reads = List.of(eligible::owner, eligible::rosterPosition, eligible::load,
                    eligible::utilisation, eligible::lastAssignedAt, eligible::score, eligible::candidate);
            for (ThrowingCallable read : reads) {
                assertThatThrownBy(read).isInstanceOf(NoSuchElementException.class)
                        .hasMessage("no current owner: call next() first, and only while it returns true");
            }
        }
    }

    @Nested
    class FromTheRostersIndexes extends Contract {
        @Override
        void withEligible(Consumer<Eligible> check) {
            insideADecision(view -> check.accept(view.eligible(Requirements.NONE, BusyPolicy.EXCLUDE)));
        }

        @Test
        void refusesNullArguments_namingThem() {
            insideADecision(view -> {
                assertThatThrownBy(() -> view.eligible(null, BusyPolicy.EXCLUDE))
                        .isInstanceOf(IllegalArgumentException.class).hasMessage("requirements must not be null");
                assertThatThrownBy(() -> view.eligible(Requirements.NONE, null))
                        .isInstanceOf(IllegalArgumentException.class).hasMessage("busyPolicy must not be null");
            });
        }
    }

    @Nested
    class FromAScan extends Contract {
        @Override
        void withEligible(Consumer<Eligible> check) {
            check.accept(Eligible.scan(candidates(), Requirements.NONE, BusyPolicy.EXCLUDE));
        }

        @Test
        void refusesNullArguments_namingThem() {
            assertThatThrownBy(() -> Eligible.scan(null, Requirements.NONE, BusyPolicy.EXCLUDE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("candidates must not be null");
            assertThatThrownBy(() -> Eligible.scan(candidates(), null, BusyPolicy.EXCLUDE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("requirements must not be null");
            assertThatThrownBy(() -> Eligible.scan(candidates(), Requirements.NONE, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("busyPolicy must not be null");
            List<Candidate> withNull = new ArrayList<>(candidates());
            withNull.set(1, null);
            Eligible eligible = Eligible.scan(withNull, Requirements.NONE, BusyPolicy.EXCLUDE);
            assertThat(eligible.next()).isTrue();
            assertThatThrownBy(eligible::next).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("candidates[1] must not be null");
        }

        @Test
        void isWhatAViewWithoutIndexesAnswers() {
            RoutingView plain = new RoutingView() {
                @Override
                public Instant now() {
                    return START;
                }

                @Override
                public List<Candidate> candidates() {
                    return EligibleTest.candidates();
                }

                @Override
                public Optional<Candidate> candidate(String ownerId) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> previousOwner(String customerId) {
                    return Optional.empty();
                }

                @Override
                public long cursor(String key) {
                    return 0;
                }
            };

            assertThat(ids(plain.eligible(Requirements.NONE, BusyPolicy.EXCLUDE))).containsExactly("ana", "cy", "eve");
            assertThat(ids(plain.eligible(Requirements.NONE, BusyPolicy.INCLUDE))).containsExactly("ana", "cy", "eve");
        }
    }

    /**
     * The scan a store's view gives over the owners it holds: the same roster, with two left out of the decision
     * (null at their index, as a store gives for owners held back), each candidate built only when the walk reaches it.
     */
    @Nested
    class FromAStoresRoster extends Contract {
        private final List<Candidate> roster = withLeftOut();
        private final List<Integer> built = new ArrayList<>();

        private List<Candidate> withLeftOut() {
            List<Candidate> held = new ArrayList<>(candidates());
            held.add(4, null); // a held-back owner at position 4, between dee and eve
            held.add(null); // and one after eve, at 67
            return held;
        }

        private long positionAt(int index) {
            return index == 4 ? 4 : index == roster.size() - 1 ? EVE + 1 : roster.get(index).rosterPosition();
        }

        private Eligible lazily(BusyPolicy busyPolicy) {
            return Eligible.scan(roster.size(), this::positionAt, index -> {
                built.add(index);
                return roster.get(index);
            }, Requirements.NONE, busyPolicy);
        }

        @Override
        void withEligible(Consumer<Eligible> check) {
            check.accept(lazily(BusyPolicy.EXCLUDE));
        }

        @Test
        void buildsOnlyTheCandidatesItReaches_skippingThoseBeforeAPositionByTheirPositions() {
            Eligible eligible = lazily(BusyPolicy.EXCLUDE);

            assertThat(eligible.advanceTo(EVE)).isTrue();
            assertThat(eligible.owner().id()).isEqualTo("eve");
            assertThat(built).containsExactly(5);
            assertThat(eligible.next()).isFalse();
            assertThat(built).containsExactly(5, 6);
        }

        @Test
        void aNullCandidateIsLeftOut_notAnError() {
            assertThat(ids(lazily(BusyPolicy.EXCLUDE))).containsExactly("ana", "cy", "eve");
            assertThat(built).containsExactly(0, 1, 2, 3, 4, 5, 6);
        }

        @Test
        void refusesBadArguments_namingThem() {
            assertThatThrownBy(() -> Eligible.scan(-1, index -> 0, index -> null, Requirements.NONE,
                    BusyPolicy.EXCLUDE)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("size must not be negative, was -1");
            assertThatThrownBy(() -> Eligible.scan(0, null, index -> null, Requirements.NONE, BusyPolicy.EXCLUDE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("positionAt must not be null");
            assertThatThrownBy(() -> Eligible.scan(0, index -> 0, null, Requirements.NONE, BusyPolicy.EXCLUDE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("candidateAt must not be null");
        }
    }

    private static List<String> ids(Eligible eligible) {
        List<String> ids = new ArrayList<>();
        while (eligible.next()) {
            ids.add(eligible.owner().id());
        }
        return ids;
    }

    /** The roster as plain candidates, as the router lists them for a chat conversation. */
    static List<Candidate> candidates() {
        return List.of(new Candidate(agent("ana", 2), 0, Presence.ONLINE, 0, 2, Instant.MIN),
                new Candidate(agent("ben", 2), 1, Presence.AWAY, 0, 2, Instant.MIN),
                new Candidate(agent("cy", 2), 2, Presence.ONLINE, 1, 1, CY_ASSIGNED),
                new Candidate(agent("dee", 1), 3, Presence.ONLINE, 1, 0, CY_ASSIGNED),
                new Candidate(agent("eve", 2), EVE, Presence.ONLINE, 0, 2, Instant.MIN));
    }

    /**
     * Builds the roster in a router (cy and dee each given a conversation, the owners between dee and eve gone) and
     * runs the check inside the decision of a further conversation, where a view is valid.
     */
    private static void insideADecision(Consumer<RoutingView> check) {
        int[] decisions = {0};
        Strategy step = TestStrategies.strategy("check", (conversation, view) -> {
            if (conversation.attributes().containsKey("to")) {
                return new Verdict.Assign(conversation.attributes().get("to"), "set up", Map.of());
            }
            decisions[0]++;
            check.accept(view);
            return new Verdict.Pass(PassReason.NOT_APPLICABLE, "checked");
        });
        Router.Builder builder = Router.builder().clock(new ManualClock(START)).chain(step)
                .fallbackQueue("waiting", Duration.ofMinutes(15))
                .owner(agent("ana", 2)).owner(agent("ben", 2), Presence.AWAY).owner(agent("cy", 2))
                .owner(agent("dee", 1));
        for (int position = 4; position < EVE; position++) {
            builder.owner(agent("gone-" + position, 1));
        }
        Router router = builder.owner(agent("eve", 2)).build();
        for (int position = 4; position < EVE; position++) {
            router.removeOwner("gone-" + position);
        }
        router.route(conversation("for-cy").attribute("to", "cy").build());
        router.route(conversation("for-dee").attribute("to", "dee").build());

        router.route(conversation("checked").build());

        // Decided under the shared lock, then again under the exclusive one, as no step assigned it.
        assertThat(decisions[0]).as("the check ran inside a decision").isPositive();
    }
}
