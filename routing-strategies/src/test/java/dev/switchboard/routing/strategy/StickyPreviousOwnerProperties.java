package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StickyPreviousOwnerProperties extends StrategyContract {

    /** Wide enough that the contract's conversations (up to two hours old) are both held and expired. */
    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return new StickyPreviousOwner("sticky", busyPolicy, Duration.ofMinutes(60));
    }

    @Property(tries = 300)
    void choosesThePreviousOwner_whenTheyCanTakeIt_andNeverAnyoneElse(
            @ForAll("snapshots") RoutingSnapshot snapshot, @ForAll("conversations") Conversation conversation,
            @ForAll BusyPolicy busyPolicy, @ForAll @IntRange(min = 0, max = 180) int windowMinutes) {
        Verdict verdict = new StickyPreviousOwner("sticky", busyPolicy, Duration.ofMinutes(windowMinutes))
                .decide(conversation, snapshot);

        Optional<Candidate> previous = previousOwner(snapshot, conversation);
        if (previous.isPresent() && previous.get().canTake(busyPolicy)) {
            assertThat(verdict).isInstanceOfSatisfying(Verdict.Assign.class,
                    assign -> assertThat(assign.ownerId()).isEqualTo(previous.get().id()));
        } else {
            assertThat(verdict).isNotInstanceOf(Verdict.Assign.class);
        }
    }

    @Property(tries = 300)
    void holdsOnlyForAPreviousOwnerAtWork_whileTheWindowIsOpen(
            @ForAll("snapshots") RoutingSnapshot snapshot, @ForAll("conversations") Conversation conversation,
            @ForAll BusyPolicy busyPolicy, @ForAll @IntRange(min = 0, max = 180) int windowMinutes) {
        Duration window = Duration.ofMinutes(windowMinutes);
        Verdict verdict = new StickyPreviousOwner("sticky", busyPolicy, window).decide(conversation, snapshot);

        if (verdict instanceof Verdict.Hold) {
            Candidate previous = previousOwner(snapshot, conversation).orElseThrow();
            assertThat(previous.presence().mayReceiveWork()).isTrue();
            assertThat(previous.canTake(busyPolicy)).isFalse();
            assertThat(Duration.between(conversation.createdAt(), snapshot.now())).isLessThan(window);
        }
    }

    private static Optional<Candidate> previousOwner(RoutingSnapshot snapshot, Conversation conversation) {
        return snapshot.previousOwner(conversation.customerId()).flatMap(snapshot::candidate);
    }
}
