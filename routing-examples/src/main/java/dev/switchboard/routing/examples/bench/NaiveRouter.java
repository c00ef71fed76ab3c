package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.SkillRequirement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The baseline: the same routing decisions made the obvious way. One global lock ({@code synchronized}); per
 * decision, a stream over every owner, filtered by presence, skills, language, region and free capacity, sorted by
 * the strategy's order, and the first taken; loads kept in maps keyed by owner id, incremented on assignment and
 * decremented on release.
 *
 * <p>It decides exactly as the strategies do, so a benchmark pair does the same work (a test checks that both pick
 * the same owners): round-robin by roster position from a cursor; skill-based by the highest summed proficiency,
 * then the lowest utilisation, then roster order; least-loaded by open conversations, then the longest idle, then
 * roster order; sticky to the remembered previous owner when online with room. Two differences, both in the
 * baseline's favour or neutral: weighted shares use smooth weighted round-robin (nginx) instead of the router's
 * precomputed schedule (same shares, not always the same owner), and decisions carry no explanation: the router
 * builds a trace with a sentence per step, the baseline returns the owner and the step's name. The customer
 * memory is a map whose entries count as absent once older than the router's memory time-to-live.
 */
public final class NaiveRouter implements RoutingEngine {

    /**
     * A baseline decision.
     *
     * @param conversationId the conversation
     * @param ownerId the owner it was assigned to, or null when it waits
     * @param step the step that decided, or the queue it waits in
     */
    public record NaiveDecision(String conversationId, String ownerId, String step) {}

    /** A customer's previous owner, and when it was assigned. */
    private record Remembered(String ownerId, Instant at) {}

    private final Scenario scenario;
    private final String fallbackQueue;
    private final ManualClock clock;
    private final Duration memoryTtl = ConversationGenerator.CUSTOMER_MEMORY_TTL;
    private final List<Owner> owners;
    private final Map<String, Owner> ownersById = new HashMap<>();
    private final Map<String, Integer> rosterPosition = new HashMap<>();
    private final Map<String, Presence> presence = new HashMap<>();
    private final Map<String, Integer> load = new HashMap<>();
    private final Map<String, Map<String, Integer>> loadByChannel = new HashMap<>();
    private final Map<String, Instant> lastAssignedAt = new HashMap<>();
    private final Map<String, Long> weightedCredit = new HashMap<>();
    private final Map<String, Conversation> open = new HashMap<>();
    private final Map<String, String> ownerOf = new HashMap<>();
    private final Map<String, Conversation> waiting = new LinkedHashMap<>();
    private final Map<String, Remembered> previousOwner = new HashMap<>();
    private long rotation;

    NaiveRouter(Scenario scenario, List<RosterGenerator.Member> roster, ManualClock clock) {
        this.scenario = scenario;
        this.fallbackQueue = scenario == Scenario.CHAIN ? "manual-review" : "waiting";
        this.clock = clock;
        this.owners = roster.stream().map(RosterGenerator.Member::owner).toList();
        for (RosterGenerator.Member member : roster) {
            String id = member.owner().id();
            ownersById.put(id, member.owner());
            rosterPosition.put(id, rosterPosition.size());
            presence.put(id, member.presence());
        }
        Instant now = clock.instant();
        for (ConversationGenerator.Preload preload : ConversationGenerator.background(roster)) {
            assign(preload.conversation(), preload.ownerId(), now);
        }
    }

    @Override
    public synchronized Object route(Conversation conversation) {
        NaiveDecision decision = decide(conversation);
        if (decision.ownerId() != null) {
            assign(conversation, decision.ownerId(), clock.instant());
        } else {
            waiting.put(conversation.id(), conversation);
        }
        return decision;
    }

    @Override
    public synchronized void release(String conversationId) {
        Conversation conversation = open.remove(conversationId);
        if (conversation == null) {
            if (waiting.remove(conversationId) == null) {
                throw new IllegalStateException("conversation " + conversationId + " is not open");
            }
            return;
        }
        String ownerId = ownerOf.remove(conversationId);
        load.merge(ownerId, -1, Integer::sum);
        loadByChannel.get(ownerId).merge(conversation.channel(), -1, Integer::sum);
        drain(ownerId);
    }

    @Override
    public String assignedOwner(Object decision) {
        return ((NaiveDecision) decision).ownerId();
    }

    @Override
    public String decidedBy(Object decision) {
        NaiveDecision naive = (NaiveDecision) decision;
        return naive.ownerId() != null ? naive.step() : "queued in " + naive.step();
    }

    // ------------------------------------------------------------------------------------------- decisions

    private NaiveDecision decide(Conversation conversation) {
        String id = conversation.id();
        switch (scenario) {
            case ROUND_ROBIN:
                return decided(id, roundRobin(conversation), "round-robin");
            case SKILL_BASED:
                return decided(id, skillBased(conversation), "skill-based");
            case WEIGHTED_CAPACITY:
                return decided(id, weighted(conversation), "weighted-capacity");
            case LEAST_LOADED:
                return decided(id, leastLoaded(conversation), "least-loaded");
            case STICKY: {
                Optional<Owner> previous = sticky(conversation);
                return previous.isPresent()
                        ? decided(id, previous, "sticky")
                        : decided(id, roundRobin(conversation), "round-robin");
            }
            case CHAIN: {
                Optional<Owner> previous = sticky(conversation);
                if (previous.isPresent()) {
                    return decided(id, previous, "sticky");
                }
                Optional<Owner> skilled = skillBased(conversation);
                if (skilled.isPresent()) {
                    return decided(id, skilled, "skill-based");
                }
                return decided(id, weighted(conversation), "weighted-capacity");
            }
            default:
                throw new IllegalStateException("unknown scenario " + scenario);
        }
    }

    private NaiveDecision decided(String conversationId, Optional<Owner> owner, String step) {
        return owner.map(o -> new NaiveDecision(conversationId, o.id(), step))
                .orElseGet(() -> new NaiveDecision(conversationId, null, fallbackQueue));
    }

    private Optional<Owner> roundRobin(Conversation conversation) {
        long cursor = rotation;
        int size = owners.size();
        Optional<Owner> chosen = owners.stream()
                .filter(owner -> canTake(owner, conversation.channel()))
                .sorted(Comparator.comparingLong(owner -> Math.floorMod(position(owner) - cursor, size)))
                .findFirst();
        chosen.ifPresent(owner -> rotation = position(owner) + 1);
        return chosen;
    }

    private Optional<Owner> skillBased(Conversation conversation) {
        ToIntFunction<Owner> score = owner -> conversation.requiredSkills().stream()
                .mapToInt(requirement -> owner.proficiency(requirement.skill())).sum();
        return owners.stream()
                .filter(owner -> canTake(owner, conversation.channel()))
                .filter(owner -> matches(owner, conversation))
                .sorted(Comparator.comparingInt(score).reversed()
                        .thenComparingDouble(this::utilisation)
                        .thenComparingInt(this::position))
                .findFirst();
    }

    private Optional<Owner> weighted(Conversation conversation) {
        List<Owner> eligible = owners.stream()
                .filter(owner -> owner.weight() > 0)
                .filter(owner -> canTake(owner, conversation.channel()))
                .toList();
        long total = eligible.stream().mapToLong(Owner::weight).sum();
        eligible.forEach(owner -> weightedCredit.merge(owner.id(), (long) owner.weight(), Long::sum));
        Optional<Owner> chosen = eligible.stream()
                .sorted(Comparator.comparingLong((Owner owner) -> weightedCredit.get(owner.id())).reversed()
                        .thenComparingInt(this::position))
                .findFirst();
        chosen.ifPresent(owner -> weightedCredit.merge(owner.id(), -total, Long::sum));
        return chosen;
    }

    private Optional<Owner> leastLoaded(Conversation conversation) {
        return owners.stream()
                .filter(owner -> canTake(owner, conversation.channel()))
                .sorted(Comparator.comparingInt(this::load)
                        .thenComparing(owner -> lastAssignedAt.getOrDefault(owner.id(), Instant.MIN))
                        .thenComparingInt(this::position))
                .findFirst();
    }

    private Optional<Owner> sticky(Conversation conversation) {
        Instant now = clock.instant();
        return Optional.ofNullable(previousOwner.get(conversation.customerId()))
                .filter(remembered -> now.isBefore(remembered.at().plus(memoryTtl)))
                .map(remembered -> ownersById.get(remembered.ownerId()))
                .filter(owner -> canTake(owner, conversation.channel()));
    }

    // ------------------------------------------------------------------------------------------- state

    private boolean matches(Owner owner, Conversation conversation) {
        for (SkillRequirement requirement : conversation.requiredSkills()) {
            if (owner.proficiency(requirement.skill()) < requirement.minProficiency()) {
                return false;
            }
        }
        return (conversation.language().isEmpty() || owner.languages().contains(conversation.language()))
                && (conversation.region().isEmpty() || owner.regions().contains(conversation.region()));
    }

    private boolean canTake(Owner owner, String channel) {
        return presence.get(owner.id()) == Presence.ONLINE && freeCapacity(owner, channel) > 0;
    }

    private boolean hasRoom(String ownerId) {
        Presence now = presence.get(ownerId);
        return (now == Presence.ONLINE || now == Presence.BUSY)
                && load(ownersById.get(ownerId)) < ownersById.get(ownerId).capacity().total();
    }

    private int freeCapacity(Owner owner, String channel) {
        int total = owner.capacity().total() - load(owner);
        int onChannel = owner.capacity().limitOn(channel)
                - loadByChannel.getOrDefault(owner.id(), Map.of()).getOrDefault(channel, 0);
        return Math.max(0, Math.min(total, onChannel));
    }

    private int load(Owner owner) {
        return load.getOrDefault(owner.id(), 0);
    }

    private double utilisation(Owner owner) {
        int total = owner.capacity().total();
        return total == 0 ? 1.0 : (double) load(owner) / total;
    }

    private int position(Owner owner) {
        return rosterPosition.get(owner.id());
    }

    private void assign(Conversation conversation, String ownerId, Instant now) {
        open.put(conversation.id(), conversation);
        ownerOf.put(conversation.id(), ownerId);
        load.merge(ownerId, 1, Integer::sum);
        loadByChannel.computeIfAbsent(ownerId, id -> new HashMap<>()).merge(conversation.channel(), 1, Integer::sum);
        lastAssignedAt.put(ownerId, now);
        previousOwner.put(conversation.customerId(), new Remembered(ownerId, now));
    }

    /** Offers the waiting conversations, most urgent first, again while the owner who got room still has some. */
    private void drain(String ownerId) {
        if (waiting.isEmpty()) {
            return;
        }
        List<Conversation> queue = waiting.values().stream()
                .sorted(Comparator.comparing(Conversation::priority).reversed()
                        .thenComparing(Conversation::vip, Comparator.reverseOrder()))
                .toList();
        for (Conversation conversation : queue) {
            if (!hasRoom(ownerId)) {
                return;
            }
            NaiveDecision decision = decide(conversation);
            if (decision.ownerId() != null) {
                waiting.remove(conversation.id());
                assign(conversation, decision.ownerId(), clock.instant());
            }
        }
    }
}
