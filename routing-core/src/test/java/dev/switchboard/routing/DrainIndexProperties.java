package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveStateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Drains that pass over the waiting conversations whose need the freed owner cannot meet ({@link TakeableNeeds},
 * over the embedded store's groups by need) give exactly what drains that decide every waiting conversation of the
 * owner's queues again give: the same events in the same order (assignments and offers with their traces, queueing,
 * declines), every conversation in the same place, the queues in the same order, and, as no owner here is held back
 * by the clock (a cap, hours, wrap-up: what the fallback's reason lists beside owners passed over), even why each
 * conversation waits. So does a store that leaves the walk by need to the interface's default, as Redis does. Random rosters (skills at levels 0 to 3, languages, a
 * chat limit below the total, presence) and plans (up to three rules matching by type, each with some or all
 * owners, what it requires of them, a chain that promises skills, relaxes them, or promises nothing, offers or not,
 * own or shared queues) go through routes (channels, required and preferred skills, languages, priorities, VIPs,
 * returning customers), releases, presence and capacity changes, declines and accepts of offers.
 */
class DrainIndexProperties {

    private static final List<String> OWNERS = List.of("o0", "o1", "o2", "o3", "o4");
    private static final List<String> SKILLS = List.of("billing", "tech", "legal");
    private static final List<String> LANGUAGES = List.of("en", "fr");
    private static final List<String> CHANNELS = List.of("chat", "email");
    private static final List<String> TYPES = List.of("t0", "t1", "t2");

    /** A chain a rule may have: steps that promise skills, relax them, or promise nothing (see assigneeMeets). */
    enum Chain {
        SKILLS(() -> List.of(TestStrategies.skillMatch(false))),
        RELAXING(() -> List.of(TestStrategies.skillMatch(false), TestStrategies.skillMatch(true))),
        FIRST_AVAILABLE(() -> List.of(TestStrategies.firstAvailable())),
        STICKY_THEN_SKILLS(() -> List.of(TestStrategies.previousOwner(), TestStrategies.skillMatch(false))),
        ROTATION(() -> List.of(TestStrategies.rotation()));

        final Supplier<List<Strategy>> steps;

        Chain(Supplier<List<Strategy>> steps) {
            this.steps = steps;
        }
    }

    record OwnerSpec(Map<String, Integer> skills, Set<String> languages, int capacity, boolean chatLimited,
            Presence presence) {
        Owner owner(String id) {
            Owner.Builder builder = Owner.agent(id).capacity(capacity).languages(languages.toArray(String[]::new));
            if (chatLimited && capacity > 1) {
                builder.channelCapacity("chat", 1);
            }
            skills.forEach(builder::skill);
            return builder.build();
        }
    }

    record RuleSpec(Set<String> owners, Chain chain, Set<Rule.Requirement> requires, boolean offers,
            boolean ownQueue) {}

    sealed interface Op permits Route, Release, SetPresence, SetCapacity, Decline, Accept {}

    record Route(int customer, String channel, String type, List<SkillRequirement> skills, String language,
            Priority priority, boolean vip) implements Op {}

    /** Each pick is an index (modulo their number) into the conversations in the place it needs, by id. */
    record Release(int pick) implements Op {}

    record SetPresence(int owner, Presence presence) implements Op {}

    record SetCapacity(int owner, int total) implements Op {}

    record Decline(int pick) implements Op {}

    record Accept(int pick) implements Op {}

    /** One router under test, with what it published and how many decisions its chains made. */
    static final class Run {
        final List<RoutingEvent> events = new ArrayList<>();
        final int[] decisions = new int[1];
        final Router router;

        Run(LiveStateFactory store, List<OwnerSpec> owners, List<RuleSpec> rules, ManualClock clock) {
            Router.Builder builder = Router.builder().clock(clock).liveState(store).plan(plan(rules, owners.size()))
                    .listener(events::add);
            for (int i = 0; i < owners.size(); i++) {
                builder.owner(owners.get(i).owner(OWNERS.get(i)), owners.get(i).presence());
            }
            router = builder.build();
        }

        /** The rules' plan; a rule names only owners on the roster, and every owner when none of its are. */
        private RoutingPlan plan(List<RuleSpec> rules, int owners) {
            List<Rule> built = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                RuleSpec spec = rules.get(i);
                List<String> named = spec.owners().stream().filter(OWNERS.subList(0, owners)::contains).toList();
                Rule.Builder rule = Rule.builder("r" + i).owners(named).queue(spec.ownQueue() ? "q" + i : "q0")
                        .requires(spec.requires().toArray(Rule.Requirement[]::new));
                if (i < rules.size() - 1) {
                    rule.when(new Condition.Is("type", TYPES.get(i)));
                }
                if (spec.offers()) {
                    rule.offer(OfferPolicy.builder(Duration.ofHours(1)).build());
                }
                spec.chain().steps.get().forEach(step -> rule.chain(TestStrategies.watched(step,
                        conversation -> decisions[0]++)));
                built.add(rule.build());
            }
            List<QueueSpec> queues = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                queues.add(new QueueSpec("q" + i, Duration.ofHours(1)));
            }
            return new RoutingPlan(queues, built);
        }

        /** Every routed conversation's place: its owner, those it is offered to, or its queue, since when and why. */
        Map<String, String> places(int routed) {
            Map<String, String> places = new TreeMap<>();
            for (int i = 0; i < routed; i++) {
                String id = "c" + i;
                places.put(id, router.placement(id).map(Run::describe).orElse("gone"));
            }
            return places;
        }

        private static String describe(Placement placement) {
            if (placement instanceof Placement.Owned owned) {
                return "owned by " + owned.ownerId();
            }
            if (placement instanceof Placement.Offered offered) {
                return "offered to " + offered.ownerIds();
            }
            WaitingConversation entry = ((Placement.Waiting) placement).entry();
            return "waiting in " + entry.queue() + " since " + entry.enqueuedAt() + " because " + entry.reason();
        }

        List<String> waitingOrder() {
            return router.waiting().stream().map(entry -> entry.queue() + ":" + entry.conversation().id()).toList();
        }

        /** The ids of the routed conversations whose place {@code kind} is, in id order. */
        List<String> inPlace(int routed, Class<? extends Placement> kind) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < routed; i++) {
                String id = "c" + i;
                if (router.placement(id).filter(kind::isInstance).isPresent()) {
                    ids.add(id);
                }
            }
            return ids;
        }
    }

    @Property(tries = 300)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void drainsThatPassOverUntakeableNeedsGiveWhatThePlainScanGives(@ForAll("owners") List<OwnerSpec> owners,
            @ForAll("rules") List<RuleSpec> rules, @ForAll("operations") List<Op> operations) {
        Played played = againstThePlainScan(owners, rules, operations);
        Statistics.label("passed over").collect(played.passedOver());
        Statistics.label("assignments or offers").collect(played.events().stream()
                .anyMatch(event -> event instanceof RoutingEvent.Assigned || event instanceof RoutingEvent.Offered));
        Statistics.label("passed over").coverage(coverage -> coverage.check(true).percentage(share -> share >= 10));
    }

    /**
     * A conversation of a sticky rule that waits while its customer's previous owner is full, after that customer's
     * next conversation went to another owner, goes to that owner at the next drain of its queue, even one for an
     * owner who could not take it (the plain scan decides it again there).
     */
    @Example
    void aStickyConversation_isDecidedAgainWhenItsCustomerIsServedElsewhere_byADrainOfAnOwnerWhoCannotTakeIt() {
        Route chat = new Route(0, "chat", "t0", List.of(), "", Priority.LOW, true);
        Route french = new Route(0, "email", "t1", List.of(new SkillRequirement("billing", 0, true)), "fr",
                Priority.LOW, true);
        againstThePlainScan(List.of(new OwnerSpec(Map.of(), Set.of("fr"), 2, true, Presence.ONLINE),
                new OwnerSpec(Map.of(), Set.of(), 1, true, Presence.ONLINE)),
                List.of(new RuleSpec(Set.of(), Chain.SKILLS, Set.of(), false, true),
                        new RuleSpec(Set.of(), Chain.STICKY_THEN_SKILLS, Set.of(Rule.Requirement.LANGUAGE), true, true)),
                List.of(chat, chat, french, chat, chat, chat, chat, new Release(0), new Release(0)));
    }

    /** As above, for a sticky rule that does not serve the owner whose drain walks the queue it shares. */
    @Example
    void aStickyConversation_isDecidedAgainInAQueueItShares_byADrainOfAnOwnerItsRuleDoesNotServe() {
        Route chat = new Route(0, "chat", "t0", List.of(), "", Priority.LOW, true);
        Route english = new Route(0, "chat", "t0", List.of(), "en", Priority.LOW, true);
        againstThePlainScan(List.of(new OwnerSpec(Map.of(), Set.of(), 1, true, Presence.ONLINE),
                new OwnerSpec(Map.of(), Set.of(), 1, true, Presence.ONLINE),
                new OwnerSpec(Map.of(), Set.of(), 2, true, Presence.ONLINE)),
                List.of(new RuleSpec(Set.of(), Chain.SKILLS, Set.of(), false, true),
                        new RuleSpec(Set.of("o2"), Chain.STICKY_THEN_SKILLS, Set.of(), true, false)),
                List.of(chat, chat, english, english, new Route(0, "chat", "t1", List.of(), "en", Priority.LOW, true),
                        new Route(0, "email", "t0", List.of(), "", Priority.LOW, true), new Release(0)));
    }

    /** What a play published, and whether the index passed over a conversation the plain scan decided. */
    record Played(List<RoutingEvent> events, boolean passedOver) {}

    /**
     * Plays the operations on the store that groups waiting conversations by need, on the interface's defaults and
     * on a plain scan, checking after each that both give what the plain scan gives.
     */
    private static Played againstThePlainScan(List<OwnerSpec> owners, List<RuleSpec> rules, List<Op> operations) {
        ManualClock clock = new ManualClock(START);
        Run indexed = new Run(InMemoryLiveState::new, owners, rules, clock);
        Run defaults = new Run(DefaultsOnlyLiveState::of, owners, rules, clock);
        Run plain = new Run(DefaultsOnlyLiveState::plainScan, owners, rules, clock);
        List<Run> runs = List.of(indexed, defaults, plain);
        int routed = 0;
        boolean passedOver = false;
        for (Op operation : operations) {
            clock.advance(Duration.ofSeconds(1));
            for (Run run : runs) {
                apply(operation, run, plain, routed, owners.size());
            }
            if (operation instanceof Route) {
                routed++;
            }
            passedOver |= indexed.decisions[0] < plain.decisions[0];
            for (Run run : List.of(indexed, defaults)) {
                String store = run == indexed ? "grouped by need" : "walked by the default";
                assertThat(run.events).as("events, %s, after %s", store, operation).isEqualTo(plain.events);
                assertThat(run.places(routed)).as("places, %s, after %s", store, operation)
                        .isEqualTo(plain.places(routed));
                assertThat(run.waitingOrder()).as("serve order, %s, after %s", store, operation)
                        .isEqualTo(plain.waitingOrder());
            }
        }
        assertThat(indexed.decisions[0]).as("the index decides no conversation the plain scan does not")
                .isLessThanOrEqualTo(plain.decisions[0]);
        return new Played(plain.events, passedOver);
    }

    /**
     * Applies an operation to a run; picks are resolved against the plain run, which every run must equal, and an
     * owner index against the roster's size.
     */
    private static void apply(Op operation, Run run, Run plain, int routed, int owners) {
        Router router = run.router;
        if (operation instanceof Route route) {
            Conversation.Builder conversation = Conversation.builder("c" + routed).customer("k" + route.customer())
                    .channel(route.channel()).type(route.type()).priority(route.priority()).vip(route.vip())
                    .createdAt(START);
            route.skills().forEach(conversation::require);
            if (!route.language().isEmpty()) {
                conversation.language(route.language());
            }
            router.route(conversation.build());
        } else if (operation instanceof Release release) {
            pick(plain.inPlace(routed, Placement.Owned.class), release.pick()).ifPresent(router::release);
        } else if (operation instanceof SetPresence presence) {
            router.setPresence(OWNERS.get(presence.owner() % owners), presence.presence());
        } else if (operation instanceof SetCapacity capacity) {
            router.setCapacity(OWNERS.get(capacity.owner() % owners), capacity.total());
        } else if (operation instanceof Decline decline) {
            pick(plain.inPlace(routed, Placement.Offered.class), decline.pick())
                    .ifPresent(id -> router.decline(offeredTo(plain, id), id, "not now"));
        } else if (operation instanceof Accept accept) {
            pick(plain.inPlace(routed, Placement.Offered.class), accept.pick())
                    .ifPresent(id -> router.accept(offeredTo(plain, id), id));
        }
    }

    private static Optional<String> pick(List<String> ids, int pick) {
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(pick % ids.size()));
    }

    private static String offeredTo(Run plain, String id) {
        return ((Placement.Offered) plain.router.placement(id).orElseThrow()).ownerIds().get(0);
    }

    @Provide
    Arbitrary<List<OwnerSpec>> owners() {
        Arbitrary<Map<String, Integer>> skills = Arbitraries.maps(Arbitraries.of(SKILLS),
                Arbitraries.integers().between(0, 3)).ofMaxSize(3);
        Arbitrary<Set<String>> languages = Arbitraries.of(LANGUAGES).set().ofMaxSize(2);
        Arbitrary<Presence> presence = Arbitraries.frequency(Tuple.of(6, Presence.ONLINE), Tuple.of(1, Presence.BUSY),
                Tuple.of(1, Presence.AWAY));
        return Combinators.combine(skills, languages, Arbitraries.integers().between(1, 3), Arbitraries.of(true, false),
                presence).as(OwnerSpec::new).list().ofMinSize(1).ofMaxSize(OWNERS.size());
    }

    @Provide
    Arbitrary<List<RuleSpec>> rules() {
        Arbitrary<Set<String>> owners = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Set.<String>of())),
                Tuple.of(2, Arbitraries.of(OWNERS).set().ofMinSize(1).ofMaxSize(3)));
        Arbitrary<Set<Rule.Requirement>> requires = Arbitraries.of(Rule.Requirement.LANGUAGE, Rule.Requirement.SKILLS)
                .set().ofMaxSize(2);
        Arbitrary<Chain> chain = Arbitraries.frequency(Tuple.of(4, Chain.SKILLS), Tuple.of(2, Chain.RELAXING),
                Tuple.of(1, Chain.FIRST_AVAILABLE), Tuple.of(1, Chain.STICKY_THEN_SKILLS), Tuple.of(1, Chain.ROTATION));
        Arbitrary<Boolean> offers = Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false));
        return Combinators.combine(owners, chain, requires, offers, Arbitraries.of(true, false)).as(RuleSpec::new)
                .list().ofMinSize(1).ofMaxSize(TYPES.size());
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<List<SkillRequirement>> skills = Combinators.combine(Arbitraries.of(SKILLS),
                Arbitraries.integers().between(0, 3), Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)))
                .as(SkillRequirement::new).list().ofMaxSize(2).uniqueElements(SkillRequirement::skill);
        Arbitrary<String> language = Arbitraries.frequency(Tuple.of(2, ""), Tuple.of(1, "en"), Tuple.of(1, "fr"));
        Arbitrary<Op> route = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of(CHANNELS),
                Arbitraries.of(TYPES), skills, language, Arbitraries.of(Priority.class),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(4, false))).as(Route::new);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 20);
        Arbitrary<Integer> owner = Arbitraries.integers().between(0, OWNERS.size() - 1);
        Arbitrary<Op> presence = Combinators.combine(owner, Arbitraries.of(Presence.ONLINE, Presence.BUSY,
                Presence.AWAY)).as(SetPresence::new);
        Arbitrary<Op> capacity = Combinators.combine(owner, Arbitraries.integers().between(0, 3))
                .as(SetCapacity::new);
        return Arbitraries.frequencyOf(Tuple.of(6, route), Tuple.of(4, pick.map(Release::new)), Tuple.of(1, presence),
                        Tuple.of(1, capacity), Tuple.of(1, pick.map(Decline::new)), Tuple.of(1, pick.map(Accept::new)))
                .list().ofMinSize(1).ofMaxSize(50);
    }
}
