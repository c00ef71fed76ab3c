package dev.switchboard.routing.redis;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Eligible;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.redis.NearCache.Member;
import dev.switchboard.routing.state.LiveView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One decision's view of the live state in Redis: the owners' states and the rule's cursors with their versions from
 * the live state's {@link NearCache} (no round trip while it is fresh), with the owners left out of this conversation,
 * and the customer's memory, read when a strategy asks for it. Strategies decide from that snapshot; {@link #commit}
 * sends what the decision relied on (the cursor versions it read) to the commit script, which checks it all again
 * against the state of that moment, so a snapshot that went stale makes the commit refuse (and its reply refreshes
 * the cache), never overfill an owner.
 */
final class RedisView implements LiveView {

    private final PendingTake pending;
    private final LiveMemory memory;
    private final Conversation conversation;
    private final Instant now;
    private final Set<String> owners;
    private final String cursorScope;
    private final CachedRoster roster;
    private final Set<String> excluded = new HashSet<>();
    private final Set<String> passed;
    private final Map<String, Cursor> cursors;
    /** The versions of the cursors this decision read, for the commit to check. */
    private final Map<String, Long> read = new HashMap<>();
    /** The memory of the conversation's customer, once a strategy asked for it. */
    private LiveMemory.Remembered remembered;
    private List<Candidate> candidates;

    RedisView(PendingTake pending, LiveMemory memory, NearCache.Snapshot snapshot, NearCache.LeftOut leftOut,
            Conversation conversation, Instant now, Set<String> owners, String cursorScope) {
        this.pending = pending;
        this.memory = memory;
        this.conversation = conversation;
        this.now = now;
        this.owners = owners;
        this.cursorScope = cursorScope;
        this.roster = snapshot.roster();
        this.cursors = snapshot.cursors();
        excluded.addAll(leftOut.lapsed());
        passed = leftOut.passed();
        excluded.addAll(passed);
    }

    private boolean considered(Member member) {
        return owners.isEmpty() || owners.contains(member.owner().id());
    }

    private String heldBack(Member member) {
        String reason = member.state().heldBack(member.owner(), now);
        if (reason != null || !excluded.contains(member.owner().id())) {
            return reason;
        }
        return passed.contains(member.owner().id()) ? "declined this conversation or let its offer expire"
                : "let this conversation's response deadline lapse";
    }

    @Override
    public Instant now() {
        return now;
    }

    /** The owner as a candidate of this decision, or null when it is left out (not considered, or held back). */
    private Candidate candidateOf(Member member) {
        return considered(member) && heldBack(member) == null
                ? member.state().candidate(member.owner(), conversation.channel()) : null;
    }

    @Override
    public List<Candidate> candidates() {
        if (candidates == null) {
            List<Candidate> all = new ArrayList<>();
            for (Member member : roster.inOrder()) {
                Candidate candidate = candidateOf(member);
                if (candidate != null) {
                    all.add(candidate);
                }
            }
            candidates = List.copyOf(all);
        }
        return candidates;
    }

    /**
     * The cached roster walked in order, building a candidate only for the owners the walk reaches: a rotation that
     * picks the next owner with room builds a few, where {@link #candidates} builds one for every owner.
     */
    @Override
    public Eligible eligible(Requirements requirements, BusyPolicy busyPolicy) {
        List<Member> members = roster.inOrder();
        return Eligible.scan(members.size(), index -> members.get(index).state().position(),
                index -> candidateOf(members.get(index)), requirements, busyPolicy);
    }

    @Override
    public Optional<Candidate> candidate(String ownerId) {
        Member member = roster.get(ownerId);
        return member == null ? Optional.empty() : Optional.ofNullable(candidateOf(member));
    }

    @Override
    public String refusal(String ownerId) {
        Member member = roster.get(ownerId);
        if (member == null || !considered(member)) {
            return "is not on the roster or not among the rule's owners";
        }
        String heldBack = heldBack(member);
        if (heldBack != null) {
            return "is held back from this decision: it " + heldBack;
        }
        int free = member.state().freeCapacityOn(member.owner(), conversation.channel());
        return member.state().presence().mayReceiveWork() && free > 0 ? null
                : "cannot take it (" + member.state().presence() + ", free capacity " + free + ")";
    }

    @Override
    public Map<String, String> heldBack() {
        Map<String, String> held = new LinkedHashMap<>();
        for (Member member : roster.inOrder()) {
            String reason = considered(member) ? heldBack(member) : null;
            if (reason != null) {
                held.put(member.owner().id(), reason);
            }
        }
        return held;
    }

    @Override
    public Optional<String> previousOwner(String customerId) {
        return remembered(customerId).last();
    }

    @Override
    public Optional<String> primaryOwner(String customerId) {
        return remembered(customerId).primary();
    }

    private LiveMemory.Remembered remembered(String customerId) {
        if (!customerId.equals(conversation.customerId())) {
            return memory.remembered(customerId);
        }
        if (remembered == null) {
            remembered = memory.remembered(customerId);
        }
        return remembered;
    }

    @Override
    public long cursor(String key) {
        Cursor cursor = cursors.getOrDefault(key, Cursor.START);
        read.putIfAbsent(key, cursor.version());
        return cursor.position();
    }

    /**
     * Commits the assignment in one script, if the owner is among this decision's candidates (its definition lets it
     * be given work now: it did not opt out and is within its hours) and, in Redis at the moment of the commit, it
     * still has room, is not held back, the cursors read have the versions read, and the conversation is in no place.
     */
    @Override
    public boolean commit(Verdict.Assign assign) {
        Member member = roster.get(assign.ownerId());
        if (member == null || !considered(member) || excluded.contains(assign.ownerId())
                || !member.owner().autoAssign()
                || member.owner().hours().filter(hours -> !hours.isOpen(now)).isPresent()) {
            return false;
        }
        Assignment assignment = Assignment.of(conversation, assign.ownerId(), now)
                .withCursors(cursorScope, Map.copyOf(read), assign.cursors());
        return pending.commit(assignment, true, member.owner().dailyCap()).committed();
    }
}
