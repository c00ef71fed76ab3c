package dev.switchboard.routing.strategy;

import static dev.switchboard.routing.strategy.Fixtures.candidate;
import static dev.switchboard.routing.strategy.Fixtures.conversation;
import static dev.switchboard.routing.strategy.Fixtures.snapshot;
import static dev.switchboard.routing.strategy.RoundRobinTest.rotate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WeightedCapacityTest {

    private final WeightedCapacity weighted = new WeightedCapacity();

    /** An agent with capacity 5, the given weight and load, at a roster position. */
    static Candidate weighted(String id, long position, int weight, Presence presence, int load) {
        return candidate(Owner.agent(id).capacity(5).weight(weight).build(), position, presence, load);
    }

    static Candidate weighted(String id, long position, int weight) {
        return weighted(id, position, weight, Presence.ONLINE, 0);
    }

    static Map<String, Long> counts(List<String> chosen) {
        return chosen.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Whether some owner with a weight above zero can take work (busy owners excluded). */
    static boolean canTakeAny(List<Candidate> roster) {
        return roster.stream().anyMatch(c -> c.canTake(BusyPolicy.EXCLUDE) && c.owner().weight() > 0);
    }

    /**
     * Makes {@code picks} decisions from {@code cursor} and returns the largest distance, in conversations, between
     * any owner's count and its exact share {@code n * weight / total} after any pick {@code n}; owners that cannot
     * take work count with weight zero.
     */
    static double largestDrift(Strategy strategy, List<Candidate> roster, long cursor, int picks) {
        Map<String, Long> weights = new HashMap<>();
        for (Candidate candidate : roster) {
            weights.put(candidate.id(), candidate.canTake(BusyPolicy.EXCLUDE) ? (long) candidate.owner().weight() : 0);
        }
        long total = weights.values().stream().mapToLong(Long::longValue).sum();
        RoutingSnapshot snapshot = snapshot(roster).withCursors(Map.of(strategy.name(), cursor));
        List<String> chosen = rotate(strategy, snapshot, picks);
        Map<String, Long> counts = new HashMap<>();
        long largest = 0;
        for (int n = 1; n <= picks; n++) {
            counts.merge(chosen.get(n - 1), 1L, Long::sum);
            for (Map.Entry<String, Long> owner : weights.entrySet()) {
                long drift = counts.getOrDefault(owner.getKey(), 0L) * total - n * owner.getValue();
                largest = Math.max(largest, Math.abs(drift));
            }
        }
        return largest / (double) total;
    }

    @Test
    void splitsOneThirdAndTwoThirds_whenWeightsAre100And200() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 100), weighted("b", 1, 200)));

        List<String> chosen = rotate(weighted, roster, 300);

        assertThat(counts(chosen)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 100L, "b", 200L));
        assertThat(chosen.subList(0, 6)).containsExactly("b", "a", "b", "b", "a", "b");
    }

    @Test
    void staysWithinOnePick_whereSmoothWeightedRoundRobinDriftsFurther() {
        int[] weights = {1, 9, 3, 3, 10, 2, 50, 50};
        List<Candidate> roster = IntStream.range(0, weights.length)
                .mapToObj(i -> weighted("owner-" + i, i, weights[i])).toList();

        assertThat(largestDrift(weighted, roster, 0, 2 * 128)).isLessThan(1.0);
    }

    @Test
    void neverGivesWorkToOwnersWithWeightZero() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 0), weighted("b", 1, 1), weighted("c", 2, 1)));

        assertThat(rotate(weighted, roster, 10)).doesNotContain("a");
        assertThat(rotate(WeightedCapacity.random("random", 7, BusyPolicy.EXCLUDE), roster, 100)).doesNotContain("a");
    }

    @Test
    void sharesOnlyAmongOwnersWhoCanTakeIt() {
        RoutingSnapshot roster = snapshot(List.of(
                weighted("away", 0, 5, Presence.AWAY, 0),
                weighted("full", 1, 5, Presence.ONLINE, 5),
                weighted("c", 2, 1),
                weighted("d", 3, 3)));

        assertThat(counts(rotate(weighted, roster, 40)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("c", 10L, "d", 30L));
    }

    @Test
    void continuesFromTheStoredCursor_andMovesItByOne() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 100), weighted("b", 1, 200)))
                .withCursors(Map.of("weighted-capacity", 4L));

        Verdict.Assign assign = (Verdict.Assign) weighted.decide(conversation("c"), roster);

        assertThat(assign.ownerId()).isEqualTo("a");
        assertThat(assign.cursors()).containsExactly(Map.entry("weighted-capacity", 5L));
    }

    @Test
    void explainsTheShareInItsReason() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 100), weighted("b", 1, 200)));

        assertThat(weighted.decide(conversation("c"), roster).reason())
                .isEqualTo("next in the weighted rotation: weight 200 of 300 among the 2 owners who can take it");
    }

    @Test
    void passesWithNoMatch_whenNoOwnerHasAWeight() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 0)));

        assertThat(weighted.decide(conversation("c"), roster)).isEqualTo(
                Verdict.pass(PassReason.NO_MATCH, "there are no owners with a weight above zero"));
    }

    @Test
    void passesWithNoneAvailable_whenOnlyOwnersWithoutWeightAreOnline() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 0), weighted("b", 1, 3, Presence.OFFLINE, 0)));

        assertThat(weighted.decide(conversation("c"), roster))
                .isInstanceOfSatisfying(Verdict.Pass.class, pass -> assertThat(pass.code())
                        .isEqualTo(PassReason.NONE_AVAILABLE));
    }

    @Test
    void passesWithNoCapacity_whenEveryAvailableWeightedOwnerIsFull() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 2, Presence.ONLINE, 5), weighted("b", 1, 0)));

        assertThat(weighted.decide(conversation("c"), roster))
                .isInstanceOfSatisfying(Verdict.Pass.class, pass -> assertThat(pass.code())
                        .isEqualTo(PassReason.NO_CAPACITY));
    }

    @Test
    void includesBusyOwners_onlyWhenAskedTo() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 1, Presence.BUSY, 0)));

        assertThat(weighted.decide(conversation("c"), roster)).isInstanceOf(Verdict.Pass.class);
        assertThat(new WeightedCapacity("weighted", BusyPolicy.INCLUDE).decide(conversation("c"), roster))
                .isInstanceOf(Verdict.Assign.class);
    }

    @Test
    void keepsSharesWithinTwoPicks_whenWeightsAreTooFineToScheduleExactly() {
        int[] weights = {1_000_003, 2_000_000, Integer.MAX_VALUE};
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, weights[0]), weighted("b", 1, weights[1]),
                weighted("c", 2, weights[2])));
        double total = (double) weights[0] + weights[1] + weights[2];

        Map<String, Long> counts = counts(rotate(weighted, roster, 30_000));

        for (int i = 0; i < weights.length; i++) {
            assertThat((double) counts.get(String.valueOf((char) ('a' + i))))
                    .isCloseTo(30_000.0 * weights[i] / total, offset(2.0));
        }
    }

    @Test
    void decidesAlike_fromManyThreads_whileTheWeightsKeepChanging() {
        RoutingSnapshot three = snapshot(List.of(weighted("a", 0, 3), weighted("b", 1, 5), weighted("c", 2, 7)));
        RoutingSnapshot two = snapshot(List.of(weighted("a", 0, 3), weighted("b", 1, 5, Presence.AWAY, 0),
                weighted("c", 2, 7)));
        Function<Integer, RoutingSnapshot> decision = i -> (i % 2 == 0 ? three : two)
                .withCursors(Map.of("weighted-capacity", (long) i));
        List<String> expected = IntStream.range(0, 4_000)
                .mapToObj(i -> owner(new WeightedCapacity(), decision.apply(i))).toList();

        List<String> concurrent = IntStream.range(0, 4_000).parallel()
                .mapToObj(i -> owner(weighted, decision.apply(i))).toList();

        assertThat(concurrent).isEqualTo(expected);
    }

    @Test
    void picksAsAFreshStrategyWould_whenTheWeightedOwnersChangeBetweenPicks() {
        // The strategy walks expecting the weights of its last pick; these change size, order and weights.
        List<RoutingSnapshot> rosters = List.of(
                snapshot(List.of(weighted("a", 0, 3), weighted("b", 1, 5), weighted("c", 2, 7))),
                snapshot(List.of(weighted("a", 0, 3), weighted("b", 1, 5, Presence.AWAY, 0), weighted("c", 2, 7))),
                snapshot(List.of(weighted("b", 1, 7), weighted("c", 2, 3), weighted("d", 3, 5))),
                snapshot(List.of(weighted("a", 0, 3), weighted("b", 1, 5), weighted("c", 2, 7), weighted("d", 3, 1))));
        for (int i = 0; i < 200; i++) {
            RoutingSnapshot roster = rosters.get(i * 7 % 11 % rosters.size())
                    .withCursors(Map.of("weighted-capacity", (long) i));

            assertThat(owner(weighted, roster)).as("pick %d", i).isEqualTo(owner(new WeightedCapacity(), roster));
        }
    }

    private static String owner(WeightedCapacity strategy, RoutingSnapshot snapshot) {
        return ((Verdict.Assign) strategy.decide(conversation("c"), snapshot)).ownerId();
    }

    @Test
    void randomMode_replaysTheSameDraws_forTheSameSeed() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 1), weighted("b", 1, 2), weighted("c", 2, 3)));

        List<String> first = rotate(WeightedCapacity.random("random", 42, BusyPolicy.EXCLUDE), roster, 200);
        List<String> replay = rotate(WeightedCapacity.random("random", 42, BusyPolicy.EXCLUDE), roster, 200);
        List<String> otherSeed = rotate(WeightedCapacity.random("random", 43, BusyPolicy.EXCLUDE), roster, 200);

        assertThat(replay).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void randomMode_drawsInProportionToWeight() {
        RoutingSnapshot roster = snapshot(List.of(weighted("a", 0, 100), weighted("b", 1, 200)));

        Map<String, Long> counts = counts(rotate(WeightedCapacity.random("random", 1, BusyPolicy.EXCLUDE), roster,
                30_000));

        assertThat(counts.get("a") / 30_000.0).isCloseTo(1 / 3.0, offset(0.02));
    }

    @Test
    void rejectsBlankName() {
        assertThatThrownBy(() -> new WeightedCapacity("", BusyPolicy.EXCLUDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy name");
        assertThatThrownBy(() -> WeightedCapacity.random(null, 1, BusyPolicy.EXCLUDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy name");
    }

    @Test
    void rejectsMissingBusyPolicy() {
        assertThatThrownBy(() -> new WeightedCapacity("weighted", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("busyPolicy must not be null");
        assertThatThrownBy(() -> WeightedCapacity.random("random", 1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("busyPolicy must not be null");
    }

    @Test
    void sharesConversationsByWeight_throughTheRouter() {
        Router router = Router.builder()
                .owner(Owner.agent("ana").capacity(3).weight(100).build())
                .owner(Owner.agent("ben").capacity(3).weight(200).build())
                .chain(new WeightedCapacity())
                .fallbackQueue("waiting", Duration.ofMinutes(15))
                .clock(new ManualClock(Fixtures.NOW))
                .build();

        List<String> owners = IntStream.range(0, 300).mapToObj(i -> {
            Decision.Assigned assigned = (Decision.Assigned) router.route(conversation("c" + i));
            assertThat(assigned.strategy()).isEqualTo("weighted-capacity");
            router.release(assigned.conversationId());
            return assigned.ownerId();
        }).toList();

        assertThat(counts(owners)).containsExactlyInAnyOrderEntriesOf(Map.of("ana", 100L, "ben", 200L));
    }
}
