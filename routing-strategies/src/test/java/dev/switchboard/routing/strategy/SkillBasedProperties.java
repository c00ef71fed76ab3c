package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.SkillRequirement;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.strategy.SkillBased.Relaxation;
import dev.switchboard.routing.strategy.SkillBased.TieBreak;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Skill-based routing's promise, checked against a plain re-statement of the rules on random rosters, conversations
 * and relaxation ladders: the owner chosen meets the requirements of the step the verdict names, no owner who could
 * take the conversation at a stricter step was passed over, and among those who could at that step the chosen one
 * has the best score, with ties settled by the configured rule; and what it promises the drains is the loosest step.
 */
class SkillBasedProperties extends StrategyContract {

    private static final Pattern STEP = Pattern.compile("at relaxation step (\\d+)");
    private static final Pattern SCORE = Pattern.compile("score (\\d+)");

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return SkillBased.builder().busyPolicy(busyPolicy)
                .relax(Relaxation.afterWaiting(Duration.ofMinutes(30)).lowerMinimumsBy(1))
                .relax(Relaxation.afterWaiting(Duration.ofMinutes(60)).lowerMinimumsBy(1).dropOptional())
                .build();
    }

    /** A strategy with the ladder of relaxation steps it was built from. */
    record Setup(SkillBased strategy, List<Relaxation> steps, TieBreak tieBreak, BusyPolicy busyPolicy) {

        /** The requirements at a step, restated: step 0 is everything as stated. */
        boolean meets(Owner owner, Conversation conversation, int step) {
            int lowered = step == 0 ? 0 : steps.get(step - 1).lowersMinimumsBy();
            return applying(conversation, step).allMatch(requirement -> owner.proficiency(requirement.skill())
                            >= Math.max(0, requirement.minProficiency() - lowered))
                    && (conversation.language().isEmpty() || owner.languages().contains(conversation.language()))
                    && (conversation.region().isEmpty() || owner.regions().contains(conversation.region()));
        }

        int score(Owner owner, Conversation conversation, int step) {
            return applying(conversation, step).mapToInt(requirement -> owner.proficiency(requirement.skill())).sum();
        }

        private Stream<SkillRequirement> applying(Conversation conversation, int step) {
            boolean dropped = step > 0 && steps.get(step - 1).dropsOptional();
            return conversation.requiredSkills().stream().filter(requirement -> !(dropped && requirement.optional()));
        }

        /** The loosest step the conversation's wait allows at the snapshot's time. */
        int loosestAllowed(Conversation conversation, RoutingSnapshot snapshot) {
            Duration waited = Duration.between(conversation.createdAt(), snapshot.now());
            return (int) steps.stream().filter(step -> waited.compareTo(step.after()) >= 0).count();
        }

        List<Candidate> eligible(RoutingSnapshot snapshot, Conversation conversation, int step) {
            return snapshot.candidates().stream().filter(candidate -> candidate.canTake(busyPolicy)
                    && meets(candidate.owner(), conversation, step)).toList();
        }
    }

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<List<Relaxation>> ladders = Combinators.combine(Arbitraries.integers().between(1, 30),
                        Arbitraries.of(false, true), Arbitraries.integers().between(0, 2))
                .as(Step::new).list().ofMaxSize(3).map(SkillBasedProperties::ladder);
        return Combinators.combine(ladders, Arbitraries.of(TieBreak.class), Arbitraries.of(BusyPolicy.class))
                .as((steps, tieBreak, busyPolicy) -> {
                    SkillBased.Builder builder = SkillBased.builder().tieBreak(tieBreak).busyPolicy(busyPolicy);
                    steps.forEach(builder::relax);
                    return new Setup(builder.build(), steps, tieBreak, busyPolicy);
                });
    }

    /** How one step of a ladder goes beyond the step before it. */
    private record Step(int moreMinutes, boolean dropOptional, int lowerMore) {}

    /** Turns increments into a ladder the builder accepts: each step waits longer and relaxes more. */
    private static List<Relaxation> ladder(List<Step> increments) {
        List<Relaxation> ladder = new ArrayList<>();
        Relaxation previous = new Relaxation(Duration.ofMinutes(1), false, 0);
        for (Step step : increments) {
            boolean drop = previous.dropsOptional() || step.dropOptional();
            int lower = previous.lowersMinimumsBy() + step.lowerMore();
            if (drop == previous.dropsOptional() && lower == previous.lowersMinimumsBy()) {
                lower++;
            }
            previous = new Relaxation(previous.after().plusMinutes(step.moreMinutes()), drop, lower);
            ladder.add(previous);
        }
        return ladder;
    }

    @Provide
    Arbitrary<RoutingSnapshot> rosters() {
        return Combinators.combine(SkillArbitraries.rosters(), Arbitraries.longs().between(0, 25))
                .as((candidates, cursor) -> RoutingSnapshot.of(Fixtures.NOW, candidates)
                        .withCursors(Map.of("skill-based", cursor)));
    }

    @Provide
    Arbitrary<Conversation> needs() {
        return SkillArbitraries.conversations();
    }

    private static int named(Pattern pattern, String reason, int otherwise) {
        Matcher matcher = pattern.matcher(reason);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : otherwise;
    }

    @Property(tries = 300)
    void theChosenOwnerMeetsTheRequirementsOfTheStepTheVerdictNames(
            @ForAll("setups") Setup setup, @ForAll("rosters") RoutingSnapshot snapshot,
            @ForAll("needs") Conversation conversation) {
        if (setup.strategy().decide(conversation, snapshot) instanceof Verdict.Assign assign) {
            int step = named(STEP, assign.reason(), 0);
            Candidate chosen = snapshot.candidate(assign.ownerId()).orElseThrow();

            assertThat(step).isLessThanOrEqualTo(setup.loosestAllowed(conversation, snapshot));
            assertThat(setup.meets(chosen.owner(), conversation, step)).as("%s meets step %d", chosen, step).isTrue();
        }
    }

    /** What the drains rely on (see {@link Strategy#assigneeMeets}): the loosest step, whatever the wait. */
    @Property(tries = 300)
    void promisesTheDrainsTheLoosestStep_whichTheChosenOwnerMeets(
            @ForAll("setups") Setup setup, @ForAll("rosters") RoutingSnapshot snapshot,
            @ForAll("needs") Conversation conversation) {
        Requirements promised = setup.strategy().assigneeMeets(Requirements.of(conversation));
        for (Candidate candidate : snapshot.candidates()) {
            assertThat(promised.metBy(candidate.owner())).as("%s meets the promise %s", candidate, promised)
                    .isEqualTo(setup.meets(candidate.owner(), conversation, setup.steps().size()));
        }
        if (setup.strategy().decide(conversation, snapshot) instanceof Verdict.Assign assign) {
            assertThat(promised.metBy(snapshot.candidate(assign.ownerId()).orElseThrow().owner())).isTrue();
        }
    }

    @Property(tries = 300)
    void noOwnerWhoCouldTakeItAtAStricterStepIsSkipped(
            @ForAll("setups") Setup setup, @ForAll("rosters") RoutingSnapshot snapshot,
            @ForAll("needs") Conversation conversation) {
        if (setup.strategy().decide(conversation, snapshot) instanceof Verdict.Assign assign) {
            int step = named(STEP, assign.reason(), 0);

            IntStream.range(0, step).forEach(stricter -> assertThat(setup.eligible(snapshot, conversation, stricter))
                    .as("owners who could take it at step %d", stricter).isEmpty());
        }
    }

    @Property(tries = 300)
    void theChosenOwnerHasTheBestScoreAmongThoseWhoCouldTakeItAtThatStep(
            @ForAll("setups") Setup setup, @ForAll("rosters") RoutingSnapshot snapshot,
            @ForAll("needs") Conversation conversation) {
        if (setup.strategy().decide(conversation, snapshot) instanceof Verdict.Assign assign) {
            int step = named(STEP, assign.reason(), 0);
            int score = setup.score(snapshot.candidate(assign.ownerId()).orElseThrow().owner(), conversation, step);

            assertThat(named(SCORE, assign.reason(), -1)).as("the score the verdict names").isEqualTo(score);
            assertThat(setup.eligible(snapshot, conversation, step))
                    .allSatisfy(other -> assertThat(setup.score(other.owner(), conversation, step))
                            .isLessThanOrEqualTo(score));
        }
    }

    @Property(tries = 300)
    void tiesAreSettledByTheConfiguredRule_thenRosterOrder(
            @ForAll("setups") Setup setup, @ForAll("rosters") RoutingSnapshot snapshot,
            @ForAll("needs") Conversation conversation) {
        if (setup.strategy().decide(conversation, snapshot) instanceof Verdict.Assign assign) {
            int step = named(STEP, assign.reason(), 0);
            int best = named(SCORE, assign.reason(), -1);
            List<Candidate> tied = setup.eligible(snapshot, conversation, step).stream()
                    .filter(candidate -> setup.score(candidate.owner(), conversation, step) == best).toList();
            Comparator<Candidate> rule = switch (setup.tieBreak()) {
                case LEAST_LOADED -> Comparator.comparingDouble(Candidate::utilisation);
                case LONGEST_IDLE -> Comparator.comparing(Candidate::lastAssignedAt);
                case ROUND_ROBIN -> Comparator.comparing(
                        (Candidate candidate) -> candidate.rosterPosition() < snapshot.cursor("skill-based"));
            };

            assertThat(assign.ownerId()).isEqualTo(tied.stream().min(rule).orElseThrow().id());
            assertThat(assign.cursors()).isEqualTo(setup.tieBreak() == TieBreak.ROUND_ROBIN && tied.size() > 1
                    ? Map.of("skill-based", snapshot.candidate(assign.ownerId()).orElseThrow().rosterPosition() + 1)
                    : Map.of());
        }
    }

    @Property(tries = 300)
    void passesOnlyWhenNobodyCanTakeItAtAnyAllowedStep_andSaysNoMatchOnlyWhenNobodyMatches(
            @ForAll("setups") Setup setup, @ForAll("rosters") RoutingSnapshot snapshot,
            @ForAll("needs") Conversation conversation) {
        if (setup.strategy().decide(conversation, snapshot) instanceof Verdict.Pass pass) {
            int loosest = setup.loosestAllowed(conversation, snapshot);

            IntStream.rangeClosed(0, loosest).forEach(step -> assertThat(setup.eligible(snapshot, conversation, step))
                    .as("owners who could take it at step %d", step).isEmpty());
            boolean anyMatch = snapshot.candidates().stream()
                    .anyMatch(candidate -> setup.meets(candidate.owner(), conversation, loosest));
            assertThat(pass.code() == PassReason.NO_MATCH).isEqualTo(!anyMatch);
        }
    }

    @Property(tries = 100)
    void roundRobinSharesTheWorkEvenly_amongEquallyGoodOwners(
            @ForAll @IntRange(min = 1, max = 6) int owners, @ForAll @IntRange(min = 1, max = 30) int conversations) {
        SkillBased rotating = SkillBased.builder().tieBreak(TieBreak.ROUND_ROBIN).build();

        List<String> chosen = RoundRobinTest.rotate(rotating, Fixtures.snapshot(Fixtures.online(owners)),
                conversations);

        Map<String, Long> counts = chosen.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(counts).hasSize(Math.min(owners, conversations));
        assertThat(counts.values()).allSatisfy(count -> assertThat(count)
                .isBetween((long) conversations / owners, (long) conversations / owners + 1));
    }
}
