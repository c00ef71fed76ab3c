package dev.switchboard.routing;

import java.time.Instant;
import java.util.List;

/** Counting an owner's completed conversations in a list of release instants, oldest first. */
final class Completions {
    private Completions() {}

    /** How many of {@code releases} (oldest first) are at or after {@code since}: a binary search. */
    static int countSince(List<Instant> releases, Instant since) {
        int low = 0;
        int high = releases.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (releases.get(middle).isBefore(since)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return releases.size() - low;
    }
}
