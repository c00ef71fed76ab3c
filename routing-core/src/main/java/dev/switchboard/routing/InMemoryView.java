package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What strategies see of the embedded store while deciding one conversation by one rule: the rule's owners (or
 * everyone, when the rule names none), leaving out those held back from automatic assignment and those that let
 * this conversation's response deadline lapse, and the rule's own cursors. Candidates are made on request, for
 * the channel of the conversation being decided; {@link #eligible} answers from the roster's indexes.
 *
 * <p>A view is valid only during its decision and a thread makes one decision at a time, so each thread keeps one
 * view and resets it for each decision. The view notes the cursors the decision read, so that {@link #commit}
 * can tell whether they moved since.
 */
final class InMemoryView implements LiveView {

    /** The most eligible walks a view keeps (a decision rarely makes more than two). */
    private static final int KEPT_WALKS = 4;

    private final InMemoryLiveState store;
    private final Roster roster;
    private final Customers customers;
    private Conversation conversation;
    private String channel;
    private Instant now;
    private Set<String> owners;
    /** The owners left out of this decision: those that let its response deadline lapse, and {@link #passed}. */
    private Set<String> lapsed;
    /** The owners passed over for this conversation (see {@link LiveState#passOver}). */
    private Set<String> passed;
    private Cursors cursors;
    private List<Candidate> candidates;
    private String[] readKeys = new String[2];
    private long[] readPositions = new long[2];
    private int reads;
    /**
     * The eligible walks made for decisions on this view, the first {@link #walking} by the current one: each is valid
     * only during its decision, so the next decision starts them again; past {@link #KEPT_WALKS}, walks are new.
     */
    private final List<IndexedEligible> walks = new ArrayList<>();
    private int walking;

    InMemoryView(InMemoryLiveState store, Roster roster, Customers customers) {
        this.store = store;
        this.roster = roster;
        this.customers = customers;
    }

    /**
     * Sets the view up for one decision, leaving out the owners that let the conversation's response deadline lapse
     * and those passed over for it (each null when there are none).
     */
    void reset(Conversation conversation, Instant now, Set<String> owners, List<String> lapsedBy,
            Set<String> passedOver, Cursors cursors) {
        Set<String> excluded = lapsedBy == null ? Set.of() : Set.copyOf(lapsedBy);
        if (passedOver != null) {
            excluded = new HashSet<>(excluded);
            excluded.addAll(passedOver);
        }
        this.passed = passedOver == null ? Set.of() : Set.copyOf(passedOver);
        this.conversation = conversation;
        this.channel = conversation.channel();
        this.now = now;
        this.owners = owners;
        this.lapsed = excluded;
        this.cursors = cursors;
        this.candidates = null;
        this.reads = 0;
        this.walking = 0;
    }

    @Override
    public boolean commit(Verdict.Assign assign) {
        Roster.Slot slot = roster.get(assign.ownerId());
        if (slot == null || !considered(slot) || lapsed.contains(assign.ownerId())
                || !customers.conversationId(conversation.id()).equals(conversation.id())) {
            return false; // an id that joined another conversation is placed with it; the rest is tryAssign's, atomic
        }
        if (reads == 0 && assign.cursors().isEmpty()) {
            return store.tryAssign(conversation, slot, now, true);
        }
        synchronized (cursors) {
            if (!cursors.unchanged(readKeys, readPositions, reads)
                    || !store.tryAssign(conversation, slot, now, true)) {
                return false;
            }
            cursors.move(assign.cursors());
            return true;
        }
    }

    private boolean considered(Roster.Slot slot) {
        return owners.isEmpty() || owners.contains(slot.owner.id());
    }

    private String heldBack(Roster.Slot slot) {
        String reason = slot.heldBack(now);
        if (reason != null || lapsed.isEmpty() || !lapsed.contains(slot.owner.id())) {
            return reason;
        }
        return passed.contains(slot.owner.id()) ? "declined this conversation or let its offer expire"
                : "let this conversation's response deadline lapse";
    }

    /**
     * The owners held back, in roster order. Only those that opted out of automatic assignment or have working hours,
     * caps or a wrap-up can be held back by their own state, so the roster's sets name the few to look at; a deadline
     * that lapsed can hold back anyone, and then every owner is looked at.
     */
    @Override
    public Map<String, String> heldBack() {
        Map<String, String> held = new LinkedHashMap<>();
        long[] automatic = roster.sets.automatic.words();
        long[] timed = roster.sets.timed.words();
        int end = roster.end;
        for (int word = 0; word << 6 < end; word++) {
            long mayBeHeld = lapsed.isEmpty() ? ~Bits.word(automatic, word) | Bits.word(timed, word) : -1L;
            for (; mayBeHeld != 0; mayBeHeld &= mayBeHeld - 1) {
                int index = (word << 6) + Long.numberOfTrailingZeros(mayBeHeld);
                Roster.Slot slot = index < end ? roster.slots[index] : null;
                String reason = slot != null && considered(slot) ? heldBack(slot) : null;
                if (reason != null) {
                    held.put(slot.owner.id(), reason);
                }
            }
        }
        return held;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public List<Candidate> candidates() {
        if (candidates == null) {
            List<Candidate> all = new ArrayList<>();
            for (Roster.Slot slot : roster.inOrder()) {
                if (considered(slot) && heldBack(slot) == null) {
                    all.add(slot.candidateFor(channel));
                }
            }
            candidates = List.copyOf(all);
        }
        return candidates;
    }

    @Override
    public Eligible eligible(Requirements requirements, BusyPolicy busyPolicy) {
        Checks.notNull(requirements, "requirements");
        Checks.notNull(busyPolicy, "busyPolicy");
        return walk().start(requirements, busyPolicy, channel, owners, lapsed, now);
    }

    /** A walk for this decision: one this view made for an earlier decision, when it keeps one not yet in use. */
    private IndexedEligible walk() {
        if (walking < walks.size()) {
            return walks.get(walking++);
        }
        IndexedEligible walk = new IndexedEligible(roster);
        if (walks.size() < KEPT_WALKS) {
            walks.add(walk);
            walking++;
        }
        return walk;
    }

    @Override
    public List<Candidate> matching(Requirements requirements) {
        Checks.notNull(requirements, "requirements");
        List<Candidate> matches = new ArrayList<>();
        Eligible hits = matchingWalk(requirements);
        while (hits.next()) {
            matches.add(hits.candidate());
        }
        return List.copyOf(matches);
    }

    @Override
    public Matched matched(Requirements requirements, BusyPolicy busyPolicy) {
        Checks.notNull(requirements, "requirements");
        Checks.notNull(busyPolicy, "busyPolicy");
        return matchingWalk(requirements).count(busyPolicy);
    }

    /** A walk over the owners that meet {@code requirements}, whatever their presence and room. */
    private IndexedEligible matchingWalk(Requirements requirements) {
        return walk().start(requirements, null, channel, owners, lapsed, now);
    }

    @Override
    public Optional<Candidate> candidate(String ownerId) {
        Roster.Slot slot = roster.get(ownerId);
        return slot == null || !considered(slot) || heldBack(slot) != null ? Optional.empty()
                : Optional.of(slot.candidateFor(channel));
    }

    @Override
    public String refusal(String ownerId) {
        Roster.Slot slot = roster.get(ownerId);
        if (slot == null || !considered(slot)) {
            return "is not on the roster or not among the rule's owners";
        }
        String heldBack = heldBack(slot);
        if (heldBack != null) {
            return "is held back from this decision: it " + heldBack;
        }
        int free = slot.freeCapacityOn(channel);
        return slot.presence.mayReceiveWork() && free > 0 ? null
                : "cannot take it (" + slot.presence + ", free capacity " + free + ")";
    }

    @Override
    public Optional<String> previousOwner(String customerId) {
        CustomerOwners remembered = customers.remembered(customerId);
        return remembered == null ? Optional.empty() : Optional.of(remembered.last());
    }

    @Override
    public Optional<String> primaryOwner(String customerId) {
        CustomerOwners remembered = customers.remembered(customerId);
        return remembered == null ? Optional.empty() : Optional.of(remembered.primary());
    }

    @Override
    public long cursor(String key) {
        long position = cursors.get(key);
        if (reads == readKeys.length) {
            readKeys = Arrays.copyOf(readKeys, reads * 2);
            readPositions = Arrays.copyOf(readPositions, reads * 2);
        }
        readKeys[reads] = key;
        readPositions[reads++] = position;
        return position;
    }
}
