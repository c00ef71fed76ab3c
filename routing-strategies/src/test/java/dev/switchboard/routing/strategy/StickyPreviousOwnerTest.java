package dev.switchboard.routing.strategy;

import static dev.switchboard.routing.strategy.Fixtures.NOW;
import static dev.switchboard.routing.strategy.Fixtures.candidate;
import static dev.switchboard.routing.strategy.Fixtures.conversation;
import static dev.switchboard.routing.strategy.Fixtures.online;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StickyPreviousOwnerTest {

    /** The customer of {@code conversation("c1")}. */
    private static final String CUSTOMER = "customer-c1";
    private static final Duration WINDOW = Duration.ofMinutes(2);

    private final StickyPreviousOwner sticky = new StickyPreviousOwner();
    private final StickyPreviousOwner waiting = new StickyPreviousOwner(WINDOW);

    /** A snapshot at {@code now} in which the customer of "c1" was last served by {@code ownerId}. */
    private static RoutingSnapshot remembering(Instant now, List<Candidate> candidates, String ownerId) {
        return new RoutingSnapshot(now, candidates, Map.of(CUSTOMER, ownerId), Map.of());
    }

    /** Online a, b, c with b, the previous owner, in the given state. */
    private static List<Candidate> withB(Presence presence, int load) {
        List<Candidate> roster = new ArrayList<>(online(3));
        roster.set(1, candidate("b", 1, presence, load));
        return roster;
    }

    private static Verdict.Pass passOf(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        return (Verdict.Pass) verdict;
    }

    @Nested
    class ReturningCustomer {

        @Test
        void goesBackToPreviousOwner_whenTheyCanTakeIt() {
            Verdict verdict = sticky.decide(conversation("c1"), remembering(NOW, withB(Presence.ONLINE, 4), "b"));

            assertThat(verdict).isInstanceOfSatisfying(Verdict.Assign.class, assign -> {
                assertThat(assign.ownerId()).isEqualTo("b");
                assertThat(assign.reason()).isEqualTo("returning customer customer-c1 goes back to previous owner b");
                assertThat(assign.cursors()).isEmpty();
            });
        }

        @Test
        void goesBackToBusyPreviousOwner_onlyWhenBusyOwnersAreIncluded() {
            RoutingSnapshot snapshot = remembering(NOW, withB(Presence.BUSY, 0), "b");

            assertThat(new StickyPreviousOwner("sticky", BusyPolicy.INCLUDE, Duration.ZERO)
                    .decide(conversation("c1"), snapshot))
                    .isInstanceOfSatisfying(Verdict.Assign.class, assign -> assertThat(assign.ownerId()).isEqualTo("b"));
            assertThat(passOf(sticky.decide(conversation("c1"), snapshot)).code())
                    .isEqualTo(PassReason.NONE_AVAILABLE);
        }

        @Test
        void assignsAtOnce_evenWithAWaitWindow_whenThePreviousOwnerCanTakeIt() {
            Verdict verdict = waiting.decide(conversation("c1"), remembering(NOW, withB(Presence.ONLINE, 0), "b"));

            assertThat(verdict).isInstanceOfSatisfying(Verdict.Assign.class,
                    assign -> assertThat(assign.ownerId()).isEqualTo("b"));
        }
    }

    @Nested
    class FallsThrough {

        @Test
        void passesNotApplicable_forAFirstTimeOrForgottenCustomer() {
            Verdict.Pass pass = passOf(waiting.decide(conversation("c1"), Fixtures.snapshot(online(3))));

            assertThat(pass.code()).isEqualTo(PassReason.NOT_APPLICABLE);
            assertThat(pass.reason()).isEqualTo("customer customer-c1 has no remembered previous owner"
                    + " (first conversation, or not seen for a long time)");
        }

        @Test
        void passesNotApplicable_whenThePreviousOwnerLeftTheRoster() {
            Verdict.Pass pass = passOf(waiting.decide(conversation("c1"), remembering(NOW, online(3), "zoe")));

            assertThat(pass.code()).isEqualTo(PassReason.NOT_APPLICABLE);
            assertThat(pass.reason()).isEqualTo("previous owner zoe of customer customer-c1 is not a candidate here"
                    + " (no longer on the roster, or not among the rule's owners)");
        }

        @ParameterizedTest
        @EnumSource(value = Presence.class, names = {"AWAY", "OFFLINE"})
        void passesNoneAvailable_atOnce_whenThePreviousOwnerIsAwayOrOffline(Presence presence) {
            Verdict.Pass pass = passOf(waiting.decide(conversation("c1"), remembering(NOW, withB(presence, 0), "b")));

            assertThat(pass.code()).isEqualTo(PassReason.NONE_AVAILABLE);
            assertThat(pass.reason()).isEqualTo("previous owner b of customer customer-c1 is "
                    + presence.name().toLowerCase(Locale.ROOT));
        }

        @Test
        void passesNoCapacity_whenThePreviousOwnerIsFull_andThereIsNoWindow() {
            Verdict.Pass pass = passOf(sticky.decide(conversation("c1"), remembering(NOW, withB(Presence.ONLINE, 5), "b")));

            assertThat(pass.code()).isEqualTo(PassReason.NO_CAPACITY);
            assertThat(pass.reason()).isEqualTo("previous owner b of customer customer-c1 is full");
        }

        @Test
        void passesNoneAvailable_whenThePreviousOwnerIsBusy_andBusyOwnersAreExcluded() {
            Verdict.Pass pass = passOf(sticky.decide(conversation("c1"), remembering(NOW, withB(Presence.BUSY, 0), "b")));

            assertThat(pass.code()).isEqualTo(PassReason.NONE_AVAILABLE);
            assertThat(pass.reason()).isEqualTo("previous owner b of customer customer-c1 is busy");
        }

        @Test
        void neverAssignsSomeoneElse_whenOthersAreFree() {
            Verdict verdict = sticky.decide(conversation("c1"), remembering(NOW, withB(Presence.ONLINE, 5), "b"));

            assertThat(verdict).isNotInstanceOf(Verdict.Assign.class);
        }
    }

    @Nested
    class WaitWindow {

        @Test
        void holdsForPreviousOwner_whileWindowOpen() {
            Verdict verdict = waiting.decide(conversation("c1"),
                    remembering(NOW.plusSeconds(119), withB(Presence.ONLINE, 5), "b"));

            assertThat(verdict).isEqualTo(Verdict.hold("holding for previous owner b, who is full, until 09:02 UTC"));
        }

        @Test
        void holdsForBusyPreviousOwner_whileWindowOpen_whenBusyOwnersAreExcluded() {
            Verdict verdict = waiting.decide(conversation("c1"), remembering(NOW, withB(Presence.BUSY, 0), "b"));

            assertThat(verdict).isEqualTo(Verdict.hold("holding for previous owner b, who is busy, until 09:02 UTC"));
        }

        @Test
        void holdsForBusyPreviousOwner_whoIsFull_whenBusyOwnersAreIncluded() {
            Verdict verdict = new StickyPreviousOwner("sticky", BusyPolicy.INCLUDE, WINDOW)
                    .decide(conversation("c1"), remembering(NOW, withB(Presence.BUSY, 5), "b"));

            assertThat(verdict).isEqualTo(Verdict.hold("holding for previous owner b, who is full, until 09:02 UTC"));
        }

        @Test
        void passesExpired_onceTheWindowHasPassed() {
            Verdict.Pass pass = passOf(waiting.decide(conversation("c1"),
                    remembering(NOW.plus(WINDOW), withB(Presence.ONLINE, 5), "b")));

            assertThat(pass.code()).isEqualTo(PassReason.EXPIRED);
            assertThat(pass.reason()).isEqualTo("waited 2m for previous owner b, who is still full");
        }

        @Test
        void countsTheWaitFromTheConversationsCreation() {
            Conversation old = Fixtures.conversationBuilder("c1").createdAt(NOW.minus(Duration.ofMinutes(90))).build();
            StickyPreviousOwner longWait = new StickyPreviousOwner("sticky", BusyPolicy.EXCLUDE,
                    Duration.ofMinutes(90).plusSeconds(30));

            assertThat(longWait.decide(old, remembering(NOW, withB(Presence.ONLINE, 5), "b")))
                    .isEqualTo(Verdict.hold("holding for previous owner b, who is full, until 09:00 UTC"));
            assertThat(longWait.decide(old, remembering(NOW.plusSeconds(30), withB(Presence.BUSY, 0), "b")))
                    .isEqualTo(Verdict.pass(PassReason.EXPIRED,
                            "waited 1h30m30s for previous owner b, who is still busy"));
        }

        @ParameterizedTest
        @EnumSource(value = Presence.class, names = {"AWAY", "OFFLINE"})
        void neverHolds_forAnAwayOrOfflinePreviousOwner(Presence presence) {
            assertThat(passOf(waiting.decide(conversation("c1"), remembering(NOW, withB(presence, 5), "b"))).code())
                    .isEqualTo(PassReason.NONE_AVAILABLE);
        }

        @Test
        void neverHolds_forAPreviousOwnerWhoLeftTheRoster() {
            assertThat(passOf(waiting.decide(conversation("c1"), remembering(NOW, online(3), "zoe"))).code())
                    .isEqualTo(PassReason.NOT_APPLICABLE);
        }
    }

    @Nested
    class Configuration {

        @Test
        void isNamedSticky_byDefault() {
            assertThat(sticky.name()).isEqualTo("sticky");
            assertThat(new StickyPreviousOwner("vip-sticky", BusyPolicy.EXCLUDE, WINDOW).name()).isEqualTo("vip-sticky");
        }

        @Test
        void rejectsBlankName() {
            assertThatThrownBy(() -> new StickyPreviousOwner(" ", BusyPolicy.EXCLUDE, WINDOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("strategy name");
        }

        @Test
        void rejectsNullWindow() {
            assertThatThrownBy(() -> new StickyPreviousOwner(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("waitWindow");
        }

        @Test
        void rejectsNegativeWindow() {
            assertThatThrownBy(() -> new StickyPreviousOwner(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("waitWindow")
                    .hasMessageContaining("PT-1S");
        }
    }
}
