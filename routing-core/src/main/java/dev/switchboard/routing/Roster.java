package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The owners on the roster with their live state, by roster position, and the indexes that find the owners who can
 * take a conversation without looking at the others: bit sets of who is online, busy, below its total capacity and
 * assigned automatically, and of who has each skill at each level, speaks each language and covers each region.
 * Every change to an owner's state goes through here, so the indexes always agree with the slots.
 *
 * <p>The roster's shape (who is on it, their skills, languages, regions and presence) changes only while the router's
 * lock is held exclusively. Loads change also under the shared lock, on several threads at once: each owner's under
 * its slot's own lock, checked against its capacity by {@link #canTake}.
 *
 * <p>An owner's roster position (its place in roster order, see {@link Candidate#rosterPosition}) only grows as owners
 * join and is never reused. Its bits sit at its roster index, which follows roster order too: owners join at the end,
 * and once more than half the indexes (and at least {@value #COMPACT_AFTER}) belong to owners who left, the owners on
 * the roster are renumbered densely and the indexes rebuilt, so that they follow the roster rather than every owner
 * that ever joined.
 */
final class Roster {

    /** An owner's mutable live state. */
    static final class Slot {
        Owner owner;
        /** Its roster position: owners that join later have higher ones, never reused. */
        final long position;
        /** Where its bits sit in the indexes, in roster order; renumbered when the roster is compacted. */
        int index;
        Presence presence;
        int load;
        /**
         * Open conversations per channel, each a one-element counter that stays once used, so counting boxes nothing;
         * under this slot's lock (or the router's exclusive one), as decisions read {@link #limitedChannels} instead.
         */
        private final Map<String, int[]> loadByChannel = new HashMap<>();
        final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>();
        Instant lastAssignedAt = Instant.MIN;
        /** When it received its latest conversations, oldest first; as many as its assignment cap counts. */
        final ArrayDeque<Instant> recentAssignments = new ArrayDeque<>();
        /** Its releases, wrap-up and daily count, under this slot's lock. */
        final OwnerActivity activity = new OwnerActivity();
        /** How long it wraps up after a release: its own time, or the roster's default. */
        private Duration wrapUp;
        /** Whether it has working hours, a cap, a daily cap or a wrap-up, which only the clock can tell. */
        boolean timed;
        /**
         * The channels its capacity limits on their own (usually none or one), each with its limit and its open
         * conversations there, for a quick look per decision: replaced whole when its capacity changes, counted under
         * this slot's lock with {@link #loadByChannel}.
         */
        ChannelRoom[] limitedChannels;

        Slot(Owner owner, long position, int index, Presence presence, Duration defaultWrapUp) {
            this.position = position;
            this.index = index;
            this.presence = presence;
            setOwner(owner, defaultWrapUp);
        }

        private void setOwner(Owner value, Duration defaultWrapUp) {
            owner = value;
            wrapUp = value.wrapUp().orElse(defaultWrapUp);
            timed = value.hours().isPresent() || value.assignmentCap().isPresent() || value.dailyCap().isPresent()
                    || !wrapUp.isZero();
            limitedChannels = value.capacity().perChannel().keySet().stream()
                    .map(channel -> new ChannelRoom(channel, value.capacity().limitOn(channel), loadOn(channel)))
                    .toArray(ChannelRoom[]::new);
        }

        /** {@link Capacity#freeOn} for this owner's load, without a map lookup. */
        int freeCapacityOn(String channel) {
            int free = owner.capacity().total() - load;
            for (ChannelRoom limited : limitedChannels) {
                if (limited.channel.equals(channel)) {
                    return Math.max(0, Math.min(free, limited.limit - limited.load));
                }
            }
            return Math.max(0, free);
        }

        private int loadOn(String channel) {
            int[] count = loadByChannel.get(channel);
            return count == null ? 0 : count[0];
        }

        /** Counts a conversation given to it ({@code +1}) or taken from it ({@code -1}) on a channel. */
        private void countOn(String channel, int change) {
            loadByChannel.computeIfAbsent(channel, used -> new int[1])[0] += change;
            for (ChannelRoom limited : limitedChannels) {
                if (limited.channel.equals(channel)) {
                    limited.load += change;
                }
            }
        }

        /**
         * Why strategies may not give this owner work now, presence and capacity aside, or null when they may: it
         * opted out, is outside its working hours, is wrapping up its last conversation, or is at its assignment cap
         * or its daily cap.
         */
        String heldBack(Instant now) {
            if (!owner.autoAssign()) {
                return "opted out of automatic assignment";
            }
            if (!timed) {
                return null;
            }
            synchronized (this) {
                return heldBackByTheClock(now);
            }
        }

        /** Working hours, wrap-up and the caps; under this slot's lock, as the caps' records change with loads. */
        private String heldBackByTheClock(Instant now) {
            if (owner.hours().filter(hours -> !hours.isOpen(now)).isPresent()) {
                return "outside its working hours";
            }
            String activityHold = activity.heldBack(now, owner.dailyCap());
            if (activityHold != null) {
                return activityHold;
            }
            return owner.assignmentCap().filter(cap -> recentAssignments.size() == cap.limit()
                    && recentAssignments.peekFirst().plus(cap.window()).isAfter(now))
                    .map(cap -> "at its cap of " + cap.limit() + " new conversations per " + cap.window())
                    .orElse(null);
        }

        Candidate candidateFor(String channel) {
            List<Instant> completions;
            synchronized (this) {
                completions = activity.completions();
            }
            return new Candidate(owner, position, presence, load, freeCapacityOn(channel), lastAssignedAt,
                    activity.lastReleasedAt(), completions);
        }

        /** The owner's status, read under this slot's lock: queries run beside commits (see {@link #assigned}). */
        synchronized OwnerStatus status() {
            Map<String, Integer> used = new HashMap<>();
            loadByChannel.forEach((channel, count) -> {
                if (count[0] != 0) {
                    used.put(channel, count[0]);
                }
            });
            return new OwnerStatus(owner, presence, load, used, List.copyOf(conversations.keySet()), lastAssignedAt);
        }
    }

    /** The fewest indexes of owners who left (one word of each set) that make the roster worth compacting. */
    static final int COMPACT_AFTER = 64;

    private final Duration defaultWrapUp;
    /** How far back owners' releases are kept: the longest window a strategy of the plan reads. */
    private volatile Duration completionsKept = Duration.ZERO;
    /*
     * The slots and the sets by roster index, read by decisions (IndexedEligible) under the router's shared lock;
     * replaced or grown only under its exclusive lock.
     */
    Slot[] slots = new Slot[16];
    /** Each index's roster position, ascending: a vacated index keeps that of the owner who left it. */
    long[] positions = new long[16];
    /** The indexes in use, vacated ones included. */
    int end;
    /** How many indexes below {@link #end} owners who left vacated. */
    private int vacated;
    private long nextPosition;
    private final Map<String, Slot> byId = new HashMap<>();
    RosterSets sets = new RosterSets();
    /**
     * Each index's load and total capacity, side by side, so that a query reads them without visiting the owner's
     * slot; written with the slot, under its lock, and grown only under the router's exclusive lock.
     */
    volatile int[] loads = new int[16];
    volatile int[] totals = new int[16];
    /** The positions of a rule's owners, by the rule's set of ids; forgotten whenever the roster changes. */
    private final Map<Set<String>, Bits> members = new IdentityHashMap<>();

    /** @param defaultWrapUp how long owners without a wrap-up time of their own wrap up after a release */
    Roster(Duration defaultWrapUp) {
        this.defaultWrapUp = defaultWrapUp;
    }

    /** Keeps owners' releases this far back from now on (see {@link Strategy#completionWindow()}). */
    void keepCompletions(Duration window) {
        completionsKept = window;
    }

    /** The owner's slot, or null when it is not on the roster. */
    Slot get(String ownerId) {
        return byId.get(ownerId);
    }

    Slot require(String ownerId) {
        Slot slot = byId.get(ownerId);
        if (slot == null) {
            throw new IllegalArgumentException("ownerId '" + ownerId + "' is not on the roster");
        }
        return slot;
    }

    /** The owners on the roster, in roster order. */
    List<Slot> inOrder() {
        List<Slot> present = new ArrayList<>(byId.size());
        for (int index = 0; index < end; index++) {
            if (slots[index] != null) {
                present.add(slots[index]);
            }
        }
        return present;
    }

    /** The roster position the next owner to join takes: one more than any owner ever had. */
    long nextPosition() {
        return nextPosition;
    }

    /**
     * Makes the next owner to join take {@code position} or later, as if owners had joined and left meanwhile: a
     * store restored from a snapshot keeps the positions of the owners who left, so round-robin cursors (positions)
     * carry on.
     */
    void skipTo(long position) {
        nextPosition = Math.max(nextPosition, position);
    }

    void add(Owner owner, Presence presence) {
        if (end == slots.length) {
            resize(end * 2);
        }
        Slot slot = new Slot(owner, nextPosition++, end++, presence, defaultWrapUp);
        place(slot);
        byId.put(owner.id(), slot);
        synchronized (members) {
            members.clear();
        }
    }

    void remove(Slot slot) {
        sets.index(slot, false);
        slots[slot.index] = null;
        byId.remove(slot.owner.id());
        vacated++;
        if (vacated >= COMPACT_AFTER && vacated * 2 > end) {
            compact();
        }
        synchronized (members) {
            members.clear();
        }
    }

    /** Puts a slot at its index, and into every set. */
    private void place(Slot slot) {
        slots[slot.index] = slot;
        positions[slot.index] = slot.position;
        sets.index(slot, true);
        refresh(slot);
    }

    private void resize(int length) {
        slots = Arrays.copyOf(slots, length);
        positions = Arrays.copyOf(positions, length);
        loads = Arrays.copyOf(loads, length);
        totals = Arrays.copyOf(totals, length);
    }

    /**
     * Renumbers the owners on the roster densely, in roster order, into sets built anew: the sets then hold a bit
     * per owner on the roster instead of one per owner that ever joined. Under the router's exclusive lock, as every
     * change of the roster's shape; about as long as the removals since the last compaction took, counted together.
     */
    private void compact() {
        List<Slot> present = inOrder();
        int length = Math.max(16, Integer.highestOneBit(present.size()) * 2);
        slots = new Slot[length];
        positions = new long[length];
        loads = new int[length];
        totals = new int[length];
        sets = new RosterSets();
        end = 0;
        vacated = 0;
        for (Slot slot : present) {
            slot.index = end++;
            place(slot);
        }
    }

    /** The first roster index whose roster position is at least {@code position}; {@link #end} when there is none. */
    int indexAtOrAfter(long position) {
        int low = 0;
        int high = end;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (positions[middle] < position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    void setPresence(Slot slot, Presence presence) {
        synchronized (slot) {
            slot.presence = presence;
            refresh(slot);
        }
    }

    void setCapacity(Slot slot, Capacity capacity) {
        synchronized (slot) {
            slot.setOwner(slot.owner.withCapacity(capacity), defaultWrapUp);
            refresh(slot);
        }
    }

    /**
     * Whether the owner can take a conversation given at {@code at}: it may receive work and has room on the
     * conversation's channel, and, when {@code automatic}, is not held back from automatic assignment. The caller holds
     * the slot's lock and, if it gives the conversation, records it with {@link #assigned} before letting go of it, so
     * that decisions committed at once on several threads never fill an owner beyond its capacity.
     */
    static boolean canTake(Slot slot, Conversation conversation, Instant at, boolean automatic) {
        return slot.presence.mayReceiveWork() && slot.freeCapacityOn(conversation.channel()) > 0
                && (!automatic || slot.heldBack(at) == null);
    }

    /**
     * Records a conversation given to the owner at {@code at}; the caller holds the slot's lock and has checked
     * {@link #canTake}.
     */
    void assigned(Slot slot, Conversation conversation, Instant at) {
        slot.conversations.put(conversation.id(), conversation);
        slot.load++;
        slot.countOn(conversation.channel(), 1);
        slot.lastAssignedAt = at;
        slot.activity.received(at, slot.owner.dailyCap());
        Optional<AssignmentCap> cap = slot.owner.assignmentCap(); // no capturing lambda per assignment
        if (cap.isPresent()) {
            slot.recentAssignments.addLast(at);
            while (slot.recentAssignments.size() > cap.get().limit()) {
                slot.recentAssignments.removeFirst();
            }
        }
        refresh(slot);
    }

    /**
     * Records a conversation of the owner released at {@code at} (it ended): it is taken from the owner, which then
     * wraps up, and counts among the owner's completions.
     */
    void released(Slot slot, Conversation conversation, Instant at) {
        synchronized (slot) {
            slot.activity.released(at, slot.wrapUp, completionsKept);
            unassigned(slot, conversation);
        }
    }

    /** Records a conversation taken from the owner. */
    void unassigned(Slot slot, Conversation conversation) {
        synchronized (slot) {
            slot.conversations.remove(conversation.id());
            slot.load--;
            slot.countOn(conversation.channel(), -1);
            refresh(slot);
        }
    }

    /** Updates an owner in the sets that follow its changing state, and its load and total side by side. */
    private void refresh(Slot slot) {
        sets.refresh(slot);
        loads[slot.index] = slot.load;
        totals[slot.index] = slot.owner.capacity().total();
    }

    /** The owners of a rule, by its set of ids. */
    Bits members(Set<String> ownerIds) {
        synchronized (members) {
            Bits bits = members.get(ownerIds);
            if (bits == null) {
                bits = new Bits();
                for (String id : ownerIds) {
                    Slot slot = byId.get(id);
                    if (slot != null) {
                        bits.set(slot.index);
                    }
                }
                members.put(ownerIds, bits);
            }
            return bits;
        }
    }
}
