package dev.switchboard.routing;

import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an owner did lately that holds and strategies read: when its conversations were released (the last one, and
 * the recent ones a strategy counts), the wrap-up that follows a release, and how many conversations it received on
 * its current local day, for its {@link DailyCap}. Changed and read under the lock of the owner's roster slot.
 */
final class OwnerActivity {

    /** Volatile: decisions read it without the slot's lock. */
    private volatile Instant lastReleasedAt = Instant.MIN;
    /** Release instants, oldest first, as far back as the roster keeps them. */
    private final List<Instant> completions = new ArrayList<>();
    private Instant wrapUpUntil = Instant.MIN;
    private LocalDate capDay;
    private int receivedOnCapDay;

    Instant lastReleasedAt() {
        return lastReleasedAt;
    }

    /**
     * Records a conversation released at {@code at}: it starts a wrap-up of {@code wrapUp}, and is kept among the
     * completions while it is within {@code keep} of the latest release.
     */
    void released(Instant at, Duration wrapUp, Duration keep) {
        if (at.isAfter(lastReleasedAt)) {
            lastReleasedAt = at;
        }
        if (at.plus(wrapUp).isAfter(wrapUpUntil)) {
            wrapUpUntil = at.plus(wrapUp);
        }
        if (keep.isZero()) {
            completions.clear();
            return;
        }
        int index = completions.size();
        while (index > 0 && completions.get(index - 1).isAfter(at)) {
            index--; // a clock that stepped back: keep them in order
        }
        completions.add(index, at);
        Instant horizon = lastReleasedAt.minus(keep);
        int stale = 0;
        while (stale < completions.size() && completions.get(stale).isBefore(horizon)) {
            stale++;
        }
        completions.subList(0, stale).clear();
    }

    /** Records a conversation received at {@code at}, counted against the owner's daily cap if it has one. */
    void received(Instant at, Optional<DailyCap> cap) {
        if (cap.isEmpty()) {
            return;
        }
        LocalDate day = at.atZone(cap.get().zone()).toLocalDate();
        if (!day.equals(capDay)) {
            capDay = day;
            receivedOnCapDay = 0;
        }
        receivedOnCapDay++;
    }

    /** Why the owner is held back at {@code now} by its wrap-up or its daily cap, or null when it is not. */
    String heldBack(Instant now, Optional<DailyCap> cap) {
        if (wrapUpUntil.isAfter(now)) {
            return "is wrapping up its last conversation until " + wrapUpUntil;
        }
        if (cap.isPresent() && receivedOnCapDay >= cap.get().limit()
                && now.atZone(cap.get().zone()).toLocalDate().equals(capDay)) {
            return "at its daily cap of " + cap.get().limit() + " new conversations (" + capDay + " in "
                    + cap.get().zone() + ")";
        }
        return null;
    }

    /** This activity as a snapshot's, with the owner's assignments the roster keeps. */
    StateSnapshot.Activity snapshot(Instant lastAssignedAt, List<Instant> recentAssignments) {
        return new StateSnapshot.Activity(lastAssignedAt, recentAssignments, lastReleasedAt, completions, wrapUpUntil,
                capDay == null ? Optional.empty() : Optional.of(new StateSnapshot.DailyCount(capDay, receivedOnCapDay)));
    }

    /** Takes the releases, wrap-up and daily count of a snapshot's activity; for a store being restored. */
    void restore(StateSnapshot.Activity activity) {
        lastReleasedAt = activity.lastReleasedAt();
        completions.clear();
        completions.addAll(activity.completions());
        wrapUpUntil = activity.wrapUpUntil();
        capDay = activity.dailyCount().map(StateSnapshot.DailyCount::day).orElse(null);
        receivedOnCapDay = activity.dailyCount().map(StateSnapshot.DailyCount::received).orElse(0);
    }

    int completedSince(Instant since) {
        return Completions.countSince(completions, since);
    }

    List<Instant> completions() {
        return completions.isEmpty() ? List.of() : List.copyOf(completions);
    }
}
