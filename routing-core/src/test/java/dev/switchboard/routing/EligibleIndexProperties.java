package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The roster's indexes answer {@link RoutingView#eligible} with exactly the owners that {@link Eligible#scan} finds by
 * looking at every candidate, in the same order and with the same loads, scores, utilisation and last assignment,
 * and {@code advanceTo} lands on the same owner in both; {@link RoutingView#matching} gives the candidates that meet
 * the requirements whatever their presence and room. Random rosters (skills at levels 0 to 5, languages, regions,
 * per-channel limits, opting out, assignment caps, working hours, every presence, a gap of departed owners that
 * pushes the roster past one 64-bit word) go through random routes, releases, presence and capacity changes, owners
 * leaving and joining, and ticks that let response deadlines lapse; a probing first step of every rule compares the
 * two answers in every decision the router makes, for several requirements and both busy policies. Owners also have
 * daily caps in several zones and wrap-up times (their own, or the router's), rules may require the conversation's
 * language, region or skills of every owner, and the visits compare each owner's last release and recent completions.
 */
class EligibleIndexProperties {

    private static final List<String> SKILLS = List.of("billing", "tech", "sales", "legal");
    private static final String UNKNOWN_SKILL = "klingon";
    private static final List<String> LANGUAGES = List.of("en", "fr", "de");
    private static final List<String> REGIONS = List.of("eu", "us", "apac");
    private static final List<String> CHANNELS = List.of("chat", "email", "phone");
    private static final List<String> OWNER_IDS = List.of("o0", "o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8",
            "o9", "j0", "j1", "j2", "ghost");
    /** What rules name: mostly owners every roster has, some joiners, and one that never joins. */
    private static final List<String> RULE_OWNER_IDS = List.of("o0", "o1", "o2", "o3", "o4", "j0", "ghost");
    private static final List<String> JOINERS = List.of("j0", "j1", "j2", "o0", "o1");
    private static final String WAITING = "waiting";
    private static final String REVIEW = "review";
    /** Closed at {@link TestStrategies#START} (08:00 UTC), open from 09:00 to 17:00 every day. */
    private static final WeeklySchedule FROM_NINE = WeeklySchedule.builder(ZoneOffset.UTC)
            .open(LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.values()).build();
    /** Open at the start, closed from 08:30 until 07:00 the next day. */
    private static final WeeklySchedule EARLY = WeeklySchedule.builder(ZoneOffset.UTC)
            .open(LocalTime.of(7, 0), LocalTime.of(8, 30), DayOfWeek.values()).build();

    /** What holds an owner back by the clock: its cap, hours, daily cap and wrap-up. */
    record Limits(Optional<AssignmentCap> cap, Optional<WeeklySchedule> hours, Optional<DailyCap> dailyCap,
            Optional<Duration> wrapUp) {}

    record OwnerSpec(Map<String, Integer> skills, Set<String> languages, Set<String> regions, Capacity capacity,
            boolean autoAssign, Limits limits, Presence presence) {
        Owner owner(String id) {
            Owner.Builder builder = Owner.agent(id).capacity(capacity).autoAssign(autoAssign)
                    .languages(languages.toArray(String[]::new)).regions(regions.toArray(String[]::new));
            skills.forEach(builder::skill);
            limits.cap().ifPresent(value -> builder.assignmentCap(value.limit(), value.window()));
            limits.hours().ifPresent(builder::hours);
            limits.dailyCap().ifPresent(value -> builder.dailyCap(value.limit(), value.zone()));
            limits.wrapUp().ifPresent(builder::wrapUp);
            return builder.build();
        }
    }

    /** What one decision saw of the current owner. */
    record Visit(String owner, long position, int load, int score, double utilisation, Instant lastAssignedAt,
            Instant lastReleasedAt, int completedLately, Candidate candidate) {
        static Visit of(Eligible eligible, Instant now) {
            return new Visit(eligible.owner().id(), eligible.rosterPosition(), eligible.load(), eligible.score(),
                    eligible.utilisation(), eligible.lastAssignedAt(), eligible.lastReleasedAt(),
                    eligible.completedSince(now.minus(COMPLETIONS_COUNTED)), eligible.candidate());
        }
    }

    /** How far back the probe counts completions; it asks the router to keep them twice as long. */
    private static final Duration COMPLETIONS_COUNTED = Duration.ofMinutes(30);

    /**
     * The first step of every rule: compares the index with the scan for the conversation's own requirements, relaxed
     * ones, none at all and a random other one, under both busy policies, records any difference, and passes.
     */
    static final class Probe implements Strategy {
        private final List<Requirements> others;
        /** -1 is {@code next()}; any other value {@code advanceTo(value)}. */
        private final List<Integer> moves;
        final List<String> mismatches = new ArrayList<>();
        Router router;
        int decisions;
        int visits;
        boolean lapsedOwnerWithRoomLeftOut;
        /** Owners left out of a decision of this call for a lapsed deadline, with the conversation's channel. */
        private final Map<String, String> lapsedLeftOut = new HashMap<>();
        boolean heldBackByHoursOrCap;
        boolean channelLimitBelowTotalDecided;
        boolean eligiblePastTheFirstWord;
        boolean someoneMetSkillsLanguageOrRegion;
        boolean heldBackByWrapUpOrDailyCap;
        boolean aRuleRequirementNarrowedTheView;
        boolean someoneHadCompletions;

        Probe(List<Requirements> others, List<Integer> moves) {
            this.others = others;
            this.moves = moves;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public Duration completionWindow() {
            return COMPLETIONS_COUNTED.multipliedBy(2);
        }

        @Override
        public Verdict decide(Conversation conversation, RoutingView view) {
            decisions++;
            Requirements own = Requirements.of(conversation);
            List<Requirements> asked = List.of(Requirements.NONE, own, own.relaxed(true, 0), own.relaxed(false, 2),
                    own.relaxed(true, 9), others.get(decisions % others.size()));
            for (Requirements requirements : asked) {
                for (BusyPolicy busyPolicy : BusyPolicy.values()) {
                    compareWalks(conversation, view, requirements, busyPolicy);
                    compareMoves(conversation, view, requirements, busyPolicy);
                }
            }
            notice(conversation, view);
            return new Verdict.Pass(PassReason.NOT_APPLICABLE, "probed");
        }

        private void compareWalks(Conversation conversation, RoutingView view, Requirements requirements,
                BusyPolicy busyPolicy) {
            Eligible indexedWalk = view.eligible(requirements, busyPolicy);
            int ceiling = indexedWalk.scoreCeiling();
            List<Visit> indexed = walk(indexedWalk, view.now());
            indexed.stream().filter(visit -> visit.score() > ceiling).findFirst().ifPresent(visit -> mismatches.add(
                    where(conversation, requirements, busyPolicy) + ": " + visit + " scores above the ceiling "
                            + ceiling));
            List<Visit> scanned = walk(Eligible.scan(view.candidates(), requirements, busyPolicy), view.now());
            visits += scanned.size();
            if (!scanned.isEmpty() && !requirements.equals(Requirements.NONE)) {
                someoneMetSkillsLanguageOrRegion = true;
            }
            if (!indexed.equals(scanned)) {
                mismatches.add(where(conversation, requirements, busyPolicy) + ": the index visited " + indexed
                        + " but the scan visited " + scanned);
            }
            List<Candidate> matched = view.matching(requirements);
            List<Candidate> metBy = view.candidates().stream()
                    .filter(candidate -> requirements.metBy(candidate.owner())).toList();
            if (!matched.equals(metBy)) {
                mismatches.add(where(conversation, requirements, busyPolicy) + ": the index matched " + matched
                        + " but the candidates that meet the requirements are " + metBy);
            }
            RoutingView.Matched counted = view.matched(requirements, busyPolicy);
            RoutingView.Matched ofMetBy = new RoutingView.Matched(metBy.size(),
                    (int) metBy.stream().filter(candidate -> candidate.isAvailable(busyPolicy)).count());
            if (!counted.equals(ofMetBy)) {
                mismatches.add(where(conversation, requirements, busyPolicy) + ": the index counted " + counted
                        + " but the candidates that meet the requirements count " + ofMetBy);
            }
        }

        private static List<Visit> walk(Eligible eligible, Instant now) {
            List<Visit> visited = new ArrayList<>();
            while (eligible.next()) {
                visited.add(Visit.of(eligible, now));
            }
            return visited;
        }

        private void compareMoves(Conversation conversation, RoutingView view, Requirements requirements,
                BusyPolicy busyPolicy) {
            Eligible indexed = view.eligible(requirements, busyPolicy);
            Eligible scanned = Eligible.scan(view.candidates(), requirements, busyPolicy);
            List<String> indexedSteps = new ArrayList<>();
            List<String> scannedSteps = new ArrayList<>();
            for (int i = 0; i < moves.size(); i++) {
                int move = moves.get((decisions + i) % moves.size());
                indexedSteps.add(step(indexed, move));
                scannedSteps.add(step(scanned, move));
            }
            indexedSteps.add("countRest -> " + indexed.countRest() + ", then next -> " + indexed.next());
            scannedSteps.add("countRest -> " + scanned.countRest() + ", then next -> " + scanned.next());
            if (!indexedSteps.equals(scannedSteps)) {
                mismatches.add(where(conversation, requirements, busyPolicy) + ": moving the index gave "
                        + indexedSteps + " but moving the scan gave " + scannedSteps);
            }
        }

        private static String step(Eligible eligible, int move) {
            if (move <= FLOOR_MOVES) {
                eligible.raiseScoreFloor(FLOOR_MOVES - move);
            }
            boolean found = move == -1 || move <= FLOOR_MOVES ? eligible.next() : eligible.advanceTo(move);
            String label = move == -1 ? "next" : move <= FLOOR_MOVES ? "raiseScoreFloor(" + (FLOOR_MOVES - move)
                    + ") then next" : "advanceTo(" + move + ")";
            return label + (found ? " -> " + eligible.owner().id() + "@" + eligible.rosterPosition() : " -> none");
        }

        private static String where(Conversation conversation, Requirements requirements, BusyPolicy busyPolicy) {
            return "conversation " + conversation.id() + " on " + conversation.channel() + ", "
                    + requirements.describeOwners() + " (" + busyPolicy + ")";
        }

        /** Which of the cases the index must get right this decision exercised, for the coverage checks. */
        private void notice(Conversation conversation, RoutingView view) {
            for (Candidate candidate : view.candidates()) {
                if (candidate.isAvailable(BusyPolicy.INCLUDE) && candidate.freeCapacity() == 0
                        && candidate.load() < candidate.owner().capacity().total()) {
                    channelLimitBelowTotalDecided = true;
                }
                if (candidate.canTake(BusyPolicy.INCLUDE) && candidate.rosterPosition() >= 64) {
                    eligiblePastTheFirstWord = true;
                }
                if (!candidate.completedAt().isEmpty()) {
                    someoneHadCompletions = true;
                }
            }
            if (view instanceof RequiredView) {
                aRuleRequirementNarrowedTheView = true;
            }
            ((dev.switchboard.routing.state.LiveView) view).heldBack().forEach((ownerId, reason) -> {
                if (reason.contains("working hours") || reason.contains("cap of")) {
                    heldBackByHoursOrCap = true;
                }
                if (reason.contains("wrapping up") || reason.contains("daily cap")) {
                    heldBackByWrapUpOrDailyCap = true;
                }
                if (reason.contains("response deadline lapse")) {
                    lapsedLeftOut.put(ownerId, conversation.channel()); // the router refuses calls from a decision
                }
            });
        }

        /** After each call to the router: whether an owner left out for a lapsed deadline has room on the channel. */
        void afterOperation() {
            lapsedLeftOut.forEach((ownerId, channel) -> {
                if (router.roster().stream().filter(status -> status.owner().id().equals(ownerId))
                        .anyMatch(status -> status.presence() == Presence.ONLINE
                                && status.freeCapacityOn(channel) > 0)) {
                    lapsedOwnerWithRoomLeftOut = true;
                }
            });
            lapsedLeftOut.clear();
        }
    }

    /** Gives the conversation to someone who can take it (busy owners included), spread by its id; else passes. */
    static final Strategy PLACE = TestStrategies.strategy("place", (conversation, view) -> {
        List<Candidate> able = new ArrayList<>();
        for (Candidate candidate : view.candidates()) {
            if (candidate.canTake(BusyPolicy.INCLUDE)) {
                able.add(candidate);
            }
        }
        return able.isEmpty() ? new Verdict.Pass(PassReason.NO_CAPACITY, "nobody has room")
                : Verdict.assign(able.get(Math.floorMod(conversation.id().hashCode(), able.size())), "spread");
    });

    /** The router under test and the conversations the test routed and has not released. */
    static final class World {
        final ManualClock clock = new ManualClock(START);
        final List<String> open = new ArrayList<>();
        Router router;
        int routed;
    }

    sealed interface Op {
        void apply(World world);
    }

    record Route(String channel, String type, Priority priority, Requirements asked) implements Op {
        public void apply(World world) {
            String id = "c" + world.routed++;
            Conversation.Builder conversation = Conversation.builder(id).customer("customer-" + id).channel(channel)
                    .type(type).priority(priority).createdAt(world.clock.instant());
            asked.skills().forEach(conversation::require);
            if (!asked.language().isEmpty()) {
                conversation.language(asked.language());
            }
            if (!asked.region().isEmpty()) {
                conversation.region(asked.region());
            }
            world.router.route(conversation.build());
            world.open.add(id);
        }
    }

    record Release(int pick) implements Op {
        public void apply(World world) {
            if (!world.open.isEmpty()) {
                world.router.release(world.open.remove(pick % world.open.size()));
            }
        }
    }

    record Acknowledge(int pick) implements Op {
        public void apply(World world) {
            if (!world.open.isEmpty() && world.router.placement(world.open.get(pick % world.open.size()))
                    .orElseThrow() instanceof Placement.Owned owned) {
                world.router.acknowledge(owned.conversation().id());
            }
        }
    }

    record SetPresence(String owner, Presence presence) implements Op {
        public void apply(World world) {
            try {
                world.router.setPresence(owner, presence);
            } catch (IllegalArgumentException notOnRoster) {
                // never joined, or left
            }
        }
    }

    record SetCapacity(String owner, Capacity capacity) implements Op {
        public void apply(World world) {
            try {
                world.router.setCapacity(owner, capacity);
            } catch (IllegalArgumentException notOnRoster) {
                // never joined, or left
            }
        }
    }

    record Leave(String owner) implements Op {
        public void apply(World world) {
            try {
                world.router.removeOwner(owner);
            } catch (IllegalArgumentException notOnRoster) {
                // never joined, or already left
            }
        }
    }

    record Join(String owner, OwnerSpec spec) implements Op {
        public void apply(World world) {
            try {
                world.router.addOwner(spec.owner(owner), spec.presence());
            } catch (IllegalArgumentException alreadyThere) {
                // on the roster already
            }
        }
    }

    record Tick(int minutes) implements Op {
        public void apply(World world) {
            world.clock.advance(Duration.ofMinutes(minutes));
            world.router.tick();
        }
    }

    @Property(tries = 200)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void theIndexVisitsTheOwnersTheScanFinds_inTheSameOrder_andAdvancesToTheSameOwner(
            @ForAll("owners") List<OwnerSpec> owners, @ForAll("gaps") int departedFirst,
            @ForAll("ruleOwners") List<Set<String>> rules, @ForAll("operations") List<Op> operations,
            @ForAll("probes") List<Route> probes, @ForAll("requirements") List<Requirements> others,
            @ForAll("moves") List<Integer> moves, @ForAll("ruleRequirements") List<Set<Rule.Requirement>> requires,
            @ForAll("wrapUps") Duration wrapUp) {
        Probe probe = new Probe(others, moves);
        World world = new World();
        Router.Builder builder = Router.builder().clock(world.clock).plan(plan(rules, requires, probe)).wrapUp(wrapUp)
                .responseDeadline(Priority.NORMAL, Duration.ofMinutes(4))
                .responseDeadline(Priority.URGENT, Duration.ofMinutes(2)).responseReview(2, REVIEW);
        for (int i = 0; i < departedFirst; i++) {
            builder.owner(Owner.agent("departed-" + i).capacity(1).build());
        }
        for (int i = 0; i < owners.size(); i++) {
            builder.owner(owners.get(i).owner("o" + i), owners.get(i).presence());
        }
        Set<String> absent = new LinkedHashSet<>();
        rules.forEach(absent::addAll);
        for (int i = 0; i < owners.size(); i++) {
            absent.remove("o" + i);
        }
        absent.forEach(id -> builder.owner(Owner.agent(id).capacity(1).build())); // a plan names owners on the roster
        world.router = builder.build();
        probe.router = world.router;
        for (int i = 0; i < departedFirst; i++) {
            world.router.removeOwner("departed-" + i);
        }
        absent.forEach(world.router::removeOwner); // rules may still name owners who left

        List<Op> all = new ArrayList<>(operations);
        all.addAll(probes);
        for (Op operation : all) {
            operation.apply(world);
            probe.afterOperation();
            assertThat(probe.mismatches).as("after %s", operation).isEmpty();
        }

        assertThat(probe.decisions).as("every probe conversation was decided").isGreaterThanOrEqualTo(probes.size());
        Statistics.label("a lapsed owner with room was left out").collect(probe.lapsedOwnerWithRoomLeftOut);
        Statistics.label("an owner was held back by its hours or cap").collect(probe.heldBackByHoursOrCap);
        Statistics.label("a channel limit below the total decided").collect(probe.channelLimitBelowTotalDecided);
        Statistics.label("an owner past position 63 was eligible").collect(probe.eligiblePastTheFirstWord);
        Statistics.label("owners visited").collect(probe.visits > 0);
        Statistics.label("an owner was held back by its wrap-up or daily cap")
                .collect(probe.heldBackByWrapUpOrDailyCap);
        Statistics.label("a rule's requirements narrowed the view").collect(probe.aRuleRequirementNarrowedTheView);
        Statistics.label("an owner had completions").collect(probe.someoneHadCompletions);
        Statistics.label("an owner was held back by its wrap-up or daily cap")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 10));
        Statistics.label("a rule's requirements narrowed the view")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 20));
        // about a fifth of the tries give someone completions: the floor leaves room for an unlucky seed
        Statistics.label("an owner had completions")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 10));
        Statistics.label("someone met skills, a language or a region").collect(probe.someoneMetSkillsLanguageOrRegion);
        Statistics.label("a lapsed owner with room was left out")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 5));
        Statistics.label("an owner was held back by its hours or cap")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 10));
        Statistics.label("a channel limit below the total decided")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 5));
        Statistics.label("an owner past position 63 was eligible")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 5));
        Statistics.label("owners visited")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 50));
        Statistics.label("someone met skills, a language or a region")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 30));
    }

    /**
     * Rule i takes conversations of type t{i} for its owners, requiring what {@code requires} says in turn; the last
     * takes the rest. Every rule probes first.
     */
    private static RoutingPlan plan(List<Set<String>> ruleOwners, List<Set<Rule.Requirement>> requires,
            Probe probe) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < ruleOwners.size(); i++) {
            Rule.Builder rule = Rule.builder("r" + i).owners(ruleOwners.get(i)).chain(probe, PLACE).queue(WAITING)
                    .requires(requires.get(i % requires.size()).toArray(Rule.Requirement[]::new));
            if (i < ruleOwners.size() - 1) {
                rule.when(new Condition.Is("type", "t" + i));
            }
            rules.add(rule.build());
        }
        return new RoutingPlan(List.of(new QueueSpec(WAITING, Duration.ofMinutes(10)),
                new QueueSpec(REVIEW, Duration.ofMinutes(30))), rules);
    }

    @Provide
    Arbitrary<List<OwnerSpec>> owners() {
        return ownerSpecs().list().ofMinSize(2).ofMaxSize(10);
    }

    @Provide
    Arbitrary<Integer> gaps() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(2, Arbitraries.integers()
                .between(56, 66)));
    }

    /** One to three rules, each naming no owner (everyone) or some owners, maybe ones not on the roster. */
    @Provide
    Arbitrary<List<Set<String>>> ruleOwners() {
        Arbitrary<Set<String>> owners = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Set.<String>of())),
                Tuple.of(2, Arbitraries.of(RULE_OWNER_IDS).set().ofMinSize(1).ofMaxSize(4)));
        return owners.list().ofMinSize(1).ofMaxSize(3);
    }

    /** What each rule requires of its owners: mostly nothing, else some of the conversation's needs. */
    @Provide
    Arbitrary<List<Set<Rule.Requirement>>> ruleRequirements() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Set.<Rule.Requirement>of())),
                        Tuple.of(1, Arbitraries.of(Rule.Requirement.class).set().ofMinSize(1)))
                .list().ofMinSize(1).ofMaxSize(3);
    }

    /** The router's default wrap-up: mostly none, else 1 to 15 minutes. */
    @Provide
    Arbitrary<Duration> wrapUps() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Duration.ZERO)),
                Tuple.of(1, Arbitraries.integers().between(1, 15).map(Duration::ofMinutes)));
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> owner = Arbitraries.of(OWNER_IDS);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 50);
        Arbitrary<Op> presence = Combinators.combine(owner, Arbitraries.of(Presence.class)).as(SetPresence::new);
        Arbitrary<Op> capacity = Combinators.combine(owner, capacities()).as(SetCapacity::new);
        Arbitrary<Op> leave = owner.map(Leave::new);
        Arbitrary<Op> join = Combinators.combine(Arbitraries.of(JOINERS), ownerSpecs()).as(Join::new);
        Arbitrary<Op> tick = Arbitraries.integers().between(1, 20).map(Tick::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(8, routes()), Tuple.of(4, pick.map(Release::new)), Tuple.of(2, pick.map(Acknowledge::new)),
                        Tuple.of(3, presence), Tuple.of(2, capacity), Tuple.of(1, leave), Tuple.of(1, join),
                        Tuple.of(3, tick))
                .list().ofMinSize(5).ofMaxSize(50);
    }

    @Provide
    Arbitrary<List<Route>> probes() {
        return routes().list().ofMinSize(1).ofMaxSize(4);
    }

    /** The other requirements the probe asks, one per decision in turn. */
    @Provide
    Arbitrary<List<Requirements>> requirements() {
        return anyRequirements().list().ofMinSize(1).ofMaxSize(4);
    }

    /** Moves at or below this raise the score floor to {@code FLOOR_MOVES - move} (0 to 12), then call next(). */
    private static final int FLOOR_MOVES = -10;

    /**
     * How the probe moves both cursors: -1 is next(), -10 and below raise the score floor and call next(), anything
     * else advanceTo, backwards and negative included.
     */
    @Provide
    Arbitrary<List<Integer>> moves() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(-1)),
                Tuple.of(3, Arbitraries.integers().between(-3, 90)),
                Tuple.of(2, Arbitraries.integers().between(FLOOR_MOVES - 12, FLOOR_MOVES)))
                .list().ofMinSize(1).ofMaxSize(8);
    }

    private static Arbitrary<Route> routes() {
        return Combinators.combine(Arbitraries.of(CHANNELS), Arbitraries.of("t0", "t1", "general"),
                Arbitraries.of(Priority.class), anyRequirements()).as(Route::new);
    }

    private static Arbitrary<OwnerSpec> ownerSpecs() {
        Arbitrary<Map<String, Integer>> skills = Arbitraries.maps(Arbitraries.of(SKILLS),
                Arbitraries.integers().between(0, 5)).ofMaxSize(3);
        Arbitrary<Set<String>> languages = Arbitraries.of(LANGUAGES).set().ofMaxSize(2);
        Arbitrary<Set<String>> regions = Arbitraries.of(REGIONS).set().ofMaxSize(2);
        Arbitrary<Optional<AssignmentCap>> cap = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Optional.<AssignmentCap>empty())),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(5, 40)).as((limit, minutes) ->
                        Optional.of(new AssignmentCap(limit, Duration.ofMinutes(minutes))))));
        Arbitrary<Optional<WeeklySchedule>> hours = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Optional.<WeeklySchedule>empty())),
                Tuple.of(1, Arbitraries.of(Optional.of(FROM_NINE), Optional.of(EARLY))));
        Arbitrary<Optional<DailyCap>> dailyCap = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Optional.<DailyCap>empty())),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 3),
                        Arbitraries.of(ZoneOffset.UTC, ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/Lima")))
                        .as((limit, zone) -> Optional.of(new DailyCap(limit, zone)))));
        Arbitrary<Optional<Duration>> wrapUp = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Optional.<Duration>empty())),
                Tuple.of(1, Arbitraries.integers().between(0, 10)
                        .map(minutes -> Optional.of(Duration.ofMinutes(minutes)))));
        Arbitrary<Limits> limits = Combinators.combine(cap, hours, dailyCap, wrapUp).as(Limits::new);
        Arbitrary<Presence> presence = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Presence.ONLINE)),
                Tuple.of(2, Arbitraries.just(Presence.BUSY)), Tuple.of(1, Arbitraries.just(Presence.AWAY)),
                Tuple.of(1, Arbitraries.just(Presence.OFFLINE)));
        Arbitrary<Boolean> autoAssign = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(true)),
                Tuple.of(1, Arbitraries.just(false)));
        return Combinators.combine(skills, languages, regions, capacities(), autoAssign, limits, presence)
                .as(OwnerSpec::new);
    }

    /** Totals of 0 to 3, half of them with limits of 0 to 2 on some channels. */
    private static Arbitrary<Capacity> capacities() {
        Arbitrary<Map<String, Integer>> limits = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Map.<String, Integer>of())),
                Tuple.of(1, Arbitraries.maps(Arbitraries.of(CHANNELS), Arbitraries.integers().between(0, 2))
                        .ofMinSize(1).ofMaxSize(2)));
        return Combinators.combine(Arbitraries.integers().between(0, 3), limits).as(Capacity::new);
    }

    /** Skills of the catalogue (and one nobody has) at minimums 0 to 6, maybe optional; languages and regions. */
    private static Arbitrary<Requirements> anyRequirements() {
        Arbitrary<String> skill = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(SKILLS)),
                Tuple.of(1, Arbitraries.just(UNKNOWN_SKILL)));
        Arbitrary<SkillRequirement> requirement = Combinators.combine(skill, Arbitraries.integers().between(0, 6),
                Arbitraries.of(true, false)).as(SkillRequirement::new);
        Arbitrary<String> language = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.of(LANGUAGES)), Tuple.of(1, Arbitraries.just("pt")));
        Arbitrary<String> region = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.of(REGIONS)), Tuple.of(1, Arbitraries.just("latam")));
        return Combinators.combine(requirement.list().ofMaxSize(3), language, region).as(Requirements::new);
    }
}
