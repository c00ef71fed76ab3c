package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.config.RoutingConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators shaped by a routing setup: conversations on the channels, types, languages, regions, skills and
 * attribute values its owners and rules name (and values beside them, which no rule matches), opening rosters of its
 * owners, and sequences of operations on them. Everything shrinks towards less: fewer operations, the first owner,
 * no attributes, short waits.
 *
 * <pre>{@code
 * @Property
 * void myOwnProperty(@ForAll("days") Scenario day) { ... }
 *
 * @Provide
 * Arbitrary<Scenario> days() {
 *     return RoutingArbitraries.of(RoutingConfig.load(Path.of("routing.json"))).scenarios(40);
 * }
 * }</pre>
 */
public final class RoutingArbitraries {

    /** Customer ids conversations come from: few, so that customers return, some while their conversation is open. */
    private static final List<String> CUSTOMERS = List.of("cust-1", "cust-2", "cust-3", "cust-4", "cust-5", "cust-6",
            "cust-7", "cust-8", "cust-9", "cust-10");

    /** The attributes that link identities, which a conversation carries now and then. */
    private static final Set<String> IDENTITY_ATTRIBUTES = Set.of(IdentityKey.EMAIL.attribute(),
            IdentityKey.PHONE.attribute());

    /** How far {@link Operation} picks range; taken modulo the conversations there are. */
    private static final int MAX_PICK = 99;

    private final Vocabulary words;

    private RoutingArbitraries(Vocabulary words) {
        this.words = words;
    }

    /** Generators for a configuration's owners and plan. */
    public static RoutingArbitraries of(RoutingConfig config) {
        Objects.requireNonNull(config, "config");
        return of(config.owners(), config.plan());
    }

    /** Generators for a roster and a plan, however they were built. */
    public static RoutingArbitraries of(List<Owner> owners, RoutingPlan plan) {
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(plan, "plan");
        return new RoutingArbitraries(Vocabulary.of(owners, plan));
    }

    /**
     * Conversations in the setup's terms. Each has the id {@code c} and was created at the epoch: a run gives it its
     * own id and the clock's time.
     */
    public Arbitrary<Conversation> conversations() {
        Arbitrary<Map<String, Integer>> skills = words.skills().isEmpty() ? Arbitraries.just(Map.of())
                : Arbitraries.maps(Arbitraries.of(words.skills()),
                        Arbitraries.integers().between(1, words.maxProficiency())).ofMaxSize(2);
        Arbitrary<Map<String, String>> attributes = attributes();
        Arbitrary<Conversation.Builder> basics = Combinators.combine(Arbitraries.of(CUSTOMERS),
                Arbitraries.of(words.channels()), Arbitraries.of(words.types()),
                Arbitraries.of(Priority.NORMAL, Priority.LOW, Priority.HIGH, Priority.URGENT),
                Arbitraries.of(false, true), Arbitraries.of(words.languages()), Arbitraries.of(words.regions()))
                .as((customer, channel, type, priority, vip, language, region) -> {
                    Conversation.Builder builder = Conversation.builder("c").customer(customer).channel(channel)
                            .type(type).priority(priority).vip(vip).createdAt(Instant.EPOCH);
                    if (!language.isEmpty()) {
                        builder.language(language);
                    }
                    if (!region.isEmpty()) {
                        builder.region(region);
                    }
                    return builder;
                });
        return Combinators.combine(basics, skills, attributes).as((builder, required, values) -> {
            required.forEach(builder::requires);
            values.forEach(builder::attribute);
            return builder.build();
        });
    }

    /**
     * Free attributes: each one a rule compares, absent or with a value; and now and then an {@code email} or
     * {@code phone}, which link the customer to others that carried it.
     */
    private Arbitrary<Map<String, String>> attributes() {
        List<String> fields = new ArrayList<>(words.attributes().keySet());
        fields.sort(null);
        List<Arbitrary<String>> values = new ArrayList<>();
        for (String field : fields) {
            Arbitrary<String> value = Arbitraries.of(words.attributes().get(field));
            values.add(IDENTITY_ATTRIBUTES.contains(field)
                    ? Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Vocabulary.NONE)), Tuple.of(1, value))
                    : value);
        }
        return Combinators.combine(values).as(chosen -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                if (!chosen.get(i).isEmpty()) {
                    attributes.put(fields.get(i), chosen.get(i));
                }
            }
            return attributes;
        });
    }

    /**
     * An opening roster: some owners start in another presence or with another capacity than configured, as
     * operations at the start; shrinks towards the configured roster, everyone online.
     */
    public Arbitrary<List<Operation>> rosters() {
        List<Arbitrary<List<Operation>>> perOwner = new ArrayList<>();
        for (String ownerId : words.ownerIds()) {
            perOwner.add(Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just(List.<Operation>of())),
                    Tuple.of(1, presences().map(presence -> List.<Operation>of(
                            new Operation.SetPresence(ownerId, presence)))),
                    Tuple.of(1, capacities().map(capacity -> List.<Operation>of(
                            new Operation.SetCapacity(ownerId, capacity))))));
        }
        return Combinators.combine(perOwner).as(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** One operation: mostly routing, releasing and time passing; also presence, capacity, claims and transfers. */
    public Arbitrary<Operation> operations() {
        Arbitrary<String> owners = Arbitraries.of(words.ownerIds());
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, MAX_PICK);
        Arbitrary<Duration> waits = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(1, 5)),
                Tuple.of(3, Arbitraries.integers().between(6, 60)),
                Tuple.of(1, Arbitraries.integers().between(61, 600))).map(Duration::ofMinutes);
        return Arbitraries.frequencyOf(
                Tuple.of(30, conversations().map(Operation.Route::new)),
                Tuple.of(20, waits.map(Operation.Advance::new)),
                Tuple.of(14, picks.map(Operation.Release::new)),
                Tuple.of(10, Arbitraries.just(new Operation.Tick())),
                Tuple.of(8, Combinators.combine(owners, presences()).as(Operation.SetPresence::new)),
                Tuple.of(5, Combinators.combine(owners, capacities()).as(Operation.SetCapacity::new)),
                Tuple.of(5, Combinators.combine(owners, picks).as(Operation.Claim::new)),
                Tuple.of(4, Combinators.combine(picks, owners).as(Operation.Transfer::new)),
                Tuple.of(3, picks.map(Operation.Acknowledge::new)));
    }

    /** Days of at most {@code maxOperations} operations after an opening roster, from one of the setup's starts. */
    public Arbitrary<Scenario> scenarios(int maxOperations) {
        if (maxOperations < 1) {
            throw new IllegalArgumentException("maxOperations must be positive, was " + maxOperations);
        }
        return Combinators.combine(Arbitraries.of(words.starts()), rosters(),
                operations().list().ofMaxSize(maxOperations)).as((start, roster, operations) -> {
                    List<Operation> all = new ArrayList<>(roster);
                    all.addAll(operations);
                    return new Scenario(start, all);
                });
    }

    private static Arbitrary<Presence> presences() {
        return Arbitraries.of(Presence.AWAY, Presence.OFFLINE, Presence.BUSY, Presence.ONLINE);
    }

    /** A total from zero to one above the largest configured, sometimes with a lower limit on one channel. */
    private Arbitrary<Capacity> capacities() {
        Arbitrary<Integer> totals = Arbitraries.integers().between(0, words.maxCapacity() + 1);
        List<String> channels = new ArrayList<>(List.of(Vocabulary.NONE));
        channels.addAll(words.channels());
        return Combinators.combine(totals, Arbitraries.of(channels), Arbitraries.integers().between(0, 2))
                .as((total, channel, limit) -> channel.isEmpty() ? Capacity.of(total)
                        : Capacity.of(total).withChannel(channel, Math.min(limit, total)));
    }
}
