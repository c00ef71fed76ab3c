package dev.switchboard.routing.redis;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Verdict;
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
 * One decision's view of the live state in Redis, read in one script ({@code view.lua}): every owner's state, the
 * rule's cursors with their versions, the owners left out of this conversation and the customer's memory. Strategies
 * decide from that snapshot; {@link #commit} sends what the decision relied on (the cursor versions it read) to the
 * commit script, which checks it all again against the state of that moment, so a snapshot that went stale while
 * the decision ran makes the commit refuse, never overfill an owner.
 */
final class RedisView implements LiveView {

    /** An owner as the snapshot saw it, with its definition. */
    private record Member(OwnerState state, Owner owner) {}

    private final RedisLiveState live;
    private final Conversation conversation;
    private final Instant now;
    private final Set<String> owners;
    private final String cursorScope;
    private final List<Member> roster = new ArrayList<>();
    private final Map<String, Member> byId = new HashMap<>();
    private final Set<String> excluded = new HashSet<>();
    private final Set<String> passed;
    private final Map<String, Cursor> cursors = new HashMap<>();
    /** The versions of the cursors this decision read, for the commit to check. */
    private final Map<String, Long> read = new HashMap<>();
    private final Optional<String> previousOwner;
    private final Optional<String> primaryOwner;
    private List<Candidate> candidates;

    /** A view from {@code view.lua}'s reply. */
    RedisView(RedisLiveState live, LiveRoster liveRoster, List<?> reply, Conversation conversation, Instant now,
            Set<String> owners, String cursorScope) {
        this.live = live;
        this.conversation = conversation;
        this.now = now;
        this.owners = owners;
        this.cursorScope = cursorScope;
        for (OwnerState state : LiveRoster.parse((List<?>) reply.get(0))) {
            Member member = new Member(state, liveRoster.owner(state));
            roster.add(member);
            byId.put(state.ownerId(), member);
        }
        Map<String, String> flat = Replies.fields((List<?>) reply.get(1));
        flat.forEach((field, position) -> {
            if (field.startsWith("p:")) {
                String key = field.substring(2);
                cursors.put(key, new Cursor(Long.parseLong(position), Long.parseLong(flat.getOrDefault("v:" + key,
                        "0"))));
            }
        });
        excluded.addAll(Replies.strings(reply.get(2)));
        passed = Set.copyOf(Replies.strings(reply.get(3)));
        excluded.addAll(passed);
        previousOwner = Optional.ofNullable((String) reply.get(4));
        primaryOwner = Optional.ofNullable((String) reply.get(5));
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

    @Override
    public List<Candidate> candidates() {
        if (candidates == null) {
            List<Candidate> all = new ArrayList<>();
            for (Member member : roster) {
                if (considered(member) && heldBack(member) == null) {
                    all.add(member.state().candidate(member.owner(), conversation.channel()));
                }
            }
            candidates = List.copyOf(all);
        }
        return candidates;
    }

    @Override
    public Optional<Candidate> candidate(String ownerId) {
        Member member = byId.get(ownerId);
        return member == null || !considered(member) || heldBack(member) != null ? Optional.empty()
                : Optional.of(member.state().candidate(member.owner(), conversation.channel()));
    }

    @Override
    public String refusal(String ownerId) {
        Member member = byId.get(ownerId);
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
        for (Member member : roster) {
            String reason = considered(member) ? heldBack(member) : null;
            if (reason != null) {
                held.put(member.owner().id(), reason);
            }
        }
        return held;
    }

    @Override
    public Optional<String> previousOwner(String customerId) {
        return customerId.equals(conversation.customerId()) ? previousOwner : live.remembered(customerId, false);
    }

    @Override
    public Optional<String> primaryOwner(String customerId) {
        return customerId.equals(conversation.customerId()) ? primaryOwner : live.remembered(customerId, true);
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
        Member member = byId.get(assign.ownerId());
        if (member == null || !considered(member) || excluded.contains(assign.ownerId())
                || !member.owner().autoAssign()
                || member.owner().hours().filter(hours -> !hours.isOpen(now)).isPresent()) {
            return false;
        }
        Assignment assignment = Assignment.of(conversation, assign.ownerId(), now)
                .withCursors(cursorScope, Map.copyOf(read), assign.cursors());
        return live.commit(assignment, member.owner()).committed();
    }
}
