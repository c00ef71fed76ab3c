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
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Positions are never reused: the indexes grow with every owner that ever joined, one bit each per set.
 */
final class Roster {

    /** An owner's mutable live state. */
    static final class Slot {
        Owner owner;
        final int position;
        Presence presence;
        int load;
        /**
         * Open conversations per channel; a channel stays once used, at zero when empty, so it is not re-created.
         * Concurrent, as decisions on other threads read it while this owner's load changes.
         */
        final Map<String, Integer> loadByChannel = new ConcurrentHashMap<>();
        final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>();
        Instant lastAssignedAt = Instant.MIN;
        /** When it received its latest conversations, oldest first; as many as its assignment cap counts. */
        final ArrayDeque<Instant> recentAssignments = new ArrayDeque<>();
        /** Its releases, wrap-up and daily count, under this slot's lock. */
        final OwnerActivity activity = new OwnerActivity();
        /** How long it wraps up after a release: its own time, or the roster's default. */
        private Duration wrapUp;
        /** Whether it has working hours, a cap, a daily cap or a wrap-up, which only the clock can tell. */
        private boolean timed;
        /** The channels its capacity limits on their own (usually none or one), for a quick look per decision. */
        private String[] limitedChannels;

        Slot(Owner owner, int position, Presence presence, Duration defaultWrapUp) {
            this.position = position;
            this.presence = presence;
            setOwner(owner, defaultWrapUp);
        }

        private void setOwner(Owner value, Duration defaultWrapUp) {
            owner = value;
            wrapUp = value.wrapUp().orElse(defaultWrapUp);
            timed = value.hours().isPresent() || value.assignmentCap().isPresent() || value.dailyCap().isPresent()
                    || !wrapUp.isZero();
            limitedChannels = value.capacity().perChannel().keySet().toArray(String[]::new);
        }

        int freeCapacityOn(String channel) {
            for (String limited : limitedChannels) {
                if (limited.equals(channel)) {
                    return owner.capacity().freeOn(channel, load, loadByChannel.getOrDefault(channel, 0));
                }
            }
            return Math.max(0, owner.capacity().total() - load);
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

        OwnerStatus status() {
            Map<String, Integer> used = new HashMap<>(loadByChannel);
            used.values().removeIf(count -> count == 0);
            return new OwnerStatus(owner, presence, load, used, List.copyOf(conversations.keySet()), lastAssignedAt);
        }
    }

    /** Who has one skill: at each level some owner has, the owners at that level or above, and each one's level. */
    private static final class SkillIndex {
        /** Levels no owner has are left out: they select the same owners as the next level up. */
        final TreeMap<Integer, Bits> atLeast = new TreeMap<>();
        int[] levels = new int[0];

        void add(int position, int level) {
            if (!atLeast.containsKey(level)) {
                Map.Entry<Integer, Bits> higher = atLeast.higherEntry(level);
                atLeast.put(level, higher == null ? new Bits() : higher.getValue().copy());
            }
            atLeast.headMap(level, true).values().forEach(bits -> bits.set(position));
            if (position >= levels.length) {
                int from = levels.length;
                levels = Arrays.copyOf(levels, Math.max(position + 1, levels.length * 2));
                Arrays.fill(levels, from, levels.length, -1);
            }
            levels[position] = level;
        }

        void remove(int position, int level) {
            atLeast.headMap(level, true).values().forEach(bits -> bits.clear(position));
            levels[position] = -1;
        }

        /** The owners with this skill at {@code min} or above, or null when nobody has it that high. */
        Bits atLeast(int min) {
            Map.Entry<Integer, Bits> entry = atLeast.ceilingEntry(min);
            return entry == null ? null : entry.getValue();
        }

        int level(int position) {
            return position < levels.length ? levels[position] : -1;
        }

        /** At least the highest level anyone on the roster has (levels of owners who left may linger). */
        int highest() {
            return atLeast.isEmpty() ? -1 : atLeast.lastKey();
        }
    }

    private static final Bits NOBODY = new Bits();
    private static final SkillIndex[] NO_SKILLS = {};
    private static final int[] NO_MINIMUMS = {};

    private final Duration defaultWrapUp;
    /** How far back owners' releases are kept: the longest window a strategy of the plan reads. */
    private volatile Duration completionsKept = Duration.ZERO;
    private Slot[] slots = new Slot[16];
    private int end;
    private final Map<String, Slot> byId = new HashMap<>();
    private final Bits online = new Bits();
    private final Bits busy = new Bits();
    /** Below total capacity. */
    private final Bits roomy = new Bits();
    private final Bits automatic = new Bits();
    /** Owners whose per-channel limits, working hours or assignment cap must be looked at one by one. */
    private final Bits checked = new Bits();
    /**
     * Each position's load and total capacity, side by side, so that a query reads them without visiting the owner's
     * slot; written with the slot, under its lock, and grown only under the router's exclusive lock.
     */
    private volatile int[] loads = new int[16];
    private volatile int[] totals = new int[16];
    private final Map<String, SkillIndex> skills = new HashMap<>();
    private final Map<String, Bits> languages = new HashMap<>();
    private final Map<String, Bits> regions = new HashMap<>();
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
        for (int position = 0; position < end; position++) {
            if (slots[position] != null) {
                present.add(slots[position]);
            }
        }
        return present;
    }

    void add(Owner owner, Presence presence) {
        if (end == slots.length) {
            slots = Arrays.copyOf(slots, end * 2);
        }
        Slot slot = new Slot(owner, end++, presence, defaultWrapUp);
        slots[slot.position] = slot;
        if (slot.position >= loads.length) {
            loads = Arrays.copyOf(loads, slots.length);
            totals = Arrays.copyOf(totals, slots.length);
        }
        byId.put(owner.id(), slot);
        index(slot, true);
        synchronized (members) {
            members.clear();
        }
    }

    void remove(Slot slot) {
        index(slot, false);
        slots[slot.position] = null;
        byId.remove(slot.owner.id());
        synchronized (members) {
            members.clear();
        }
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
        slot.loadByChannel.merge(conversation.channel(), 1, Integer::sum);
        slot.lastAssignedAt = at;
        slot.activity.received(at, slot.owner.dailyCap());
        slot.owner.assignmentCap().ifPresent(cap -> {
            slot.recentAssignments.addLast(at);
            while (slot.recentAssignments.size() > cap.limit()) {
                slot.recentAssignments.removeFirst();
            }
        });
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
            slot.loadByChannel.merge(conversation.channel(), -1, Integer::sum);
            refresh(slot);
        }
    }

    /** Sets or clears an owner in the sets that follow its changing state. */
    private void refresh(Slot slot) {
        int position = slot.position;
        online.set(position, slot.presence == Presence.ONLINE);
        busy.set(position, slot.presence == Presence.BUSY);
        roomy.set(position, slot.load < slot.owner.capacity().total());
        automatic.set(position, slot.owner.autoAssign());
        checked.set(position, slot.timed || slot.limitedChannels.length > 0);
        loads[position] = slot.load;
        totals[position] = slot.owner.capacity().total();
    }

    /** Sets (or clears, when the owner leaves) an owner in every index. */
    private void index(Slot slot, boolean present) {
        int position = slot.position;
        Owner owner = slot.owner;
        owner.skills().forEach((skill, level) -> {
            SkillIndex index = skills.computeIfAbsent(skill, key -> new SkillIndex());
            if (present) {
                index.add(position, level);
            } else {
                index.remove(position, level);
            }
        });
        owner.languages().forEach(language -> languages.computeIfAbsent(language, key -> new Bits())
                .set(position, present));
        owner.regions().forEach(region -> regions.computeIfAbsent(region, key -> new Bits()).set(position, present));
        if (present) {
            refresh(slot);
        } else {
            online.clear(position);
            busy.clear(position);
            roomy.clear(position);
            automatic.clear(position);
            checked.clear(position);
        }
    }

    private Bits members(Set<String> ownerIds) {
        synchronized (members) {
            Bits bits = members.get(ownerIds);
            if (bits == null) {
                bits = new Bits();
                for (String id : ownerIds) {
                    Slot slot = byId.get(id);
                    if (slot != null) {
                        bits.set(slot.position);
                    }
                }
                members.put(ownerIds, bits);
            }
            return bits;
        }
    }

    /**
     * The owners (of {@code ownerIds}, or anyone when empty) that meet the requirements, are not held back from
     * automatic assignment at {@code now} and are not in {@code excluded}; when {@code busyPolicy} is given, only those
     * that can take a conversation on {@code channel} under it (available, below their capacity on the channel), and
     * when it is null, whatever their presence and room.
     */
    Eligible eligible(Requirements requirements, BusyPolicy busyPolicy, String channel, Set<String> ownerIds,
            Set<String> excluded, Instant now) {
        List<SkillRequirement> needed = requirements.skills();
        boolean available = busyPolicy != null;
        Bits[] required = new Bits[(available ? 2 : 1) + (ownerIds.isEmpty() ? 0 : 1) + needed.size()
                + (requirements.language().isEmpty() ? 0 : 1) + (requirements.region().isEmpty() ? 0 : 1)];
        SkillIndex[] scored = needed.isEmpty() ? NO_SKILLS : new SkillIndex[needed.size()];
        int count = 0;
        if (available) {
            required[count++] = roomy;
        }
        required[count++] = automatic;
        if (!ownerIds.isEmpty()) {
            required[count++] = members(ownerIds);
        }
        int firstSkill = count;
        int[] minimums = needed.isEmpty() ? NO_MINIMUMS : new int[needed.size()];
        for (int i = 0; i < needed.size(); i++) {
            SkillRequirement requirement = needed.get(i);
            minimums[i] = requirement.minProficiency();
            SkillIndex index = skills.get(requirement.skill());
            Bits bits = index == null ? null : index.atLeast(requirement.minProficiency());
            required[count++] = bits == null ? NOBODY : bits;
            scored[i] = index;
        }
        if (!requirements.language().isEmpty()) {
            required[count++] = languages.getOrDefault(requirements.language(), NOBODY);
        }
        if (!requirements.region().isEmpty()) {
            required[count++] = regions.getOrDefault(requirements.region(), NOBODY);
        }
        return new Hits(required, available, busyPolicy == BusyPolicy.INCLUDE, channel, excluded, now,
                scored, firstSkill, minimums);
    }

    /** The owners whose bits are set in every required set (and the presence sets), then checked one by one. */
    private final class Hits implements Eligible {
        private final Bits[] required;
        private final boolean available;
        private final boolean includeBusy;
        private final String channel;
        private final Set<String> excluded;
        private final Instant now;
        private final SkillIndex[] scored;
        /** Where the bits of {@code scored[i]} sit in {@code required}: at {@code firstSkill + i}. */
        private final int firstSkill;
        private final int[] minimums;
        private int scoreFloor = Integer.MIN_VALUE;
        private int words;
        private int wordIndex = -1;
        private long word;
        /** The current owner's position, or -1 before the first and after the last. */
        private int current = -1;

        Hits(Bits[] required, boolean available, boolean includeBusy, String channel, Set<String> excluded,
                Instant now, SkillIndex[] scored, int firstSkill, int[] minimums) {
            this.required = required;
            this.firstSkill = firstSkill;
            this.minimums = minimums;
            this.available = available;
            this.includeBusy = includeBusy;
            this.channel = channel;
            this.excluded = excluded;
            this.now = now;
            this.scored = scored;
            int limit = (end + 63) >>> 6;
            for (Bits bits : required) {
                limit = Math.min(limit, bits.wordCount());
            }
            this.words = limit;
        }

        private long wordAt(int index) {
            long bits = !available ? -1L : online.word(index) | (includeBusy ? busy.word(index) : 0L);
            for (int i = 0; i < required.length && bits != 0; i++) {
                bits &= required[i].word(index);
            }
            return bits;
        }

        @Override
        public boolean next() {
            while (true) {
                while (word == 0) {
                    if (++wordIndex >= words) {
                        wordIndex = words;
                        current = -1;
                        return false;
                    }
                    word = wordAt(wordIndex);
                }
                int position = (wordIndex << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (qualifies(position)) {
                    current = position;
                    return true;
                }
            }
        }

        @Override
        public boolean advanceTo(long rosterPosition) {
            if (current >= 0 && current >= rosterPosition) {
                return true;
            }
            if (wordIndex >= words || rosterPosition >= (long) words << 6) {
                wordIndex = words;
                word = 0;
                current = -1;
                return false;
            }
            int target = (int) Math.max(rosterPosition, 0);
            int index = target >>> 6;
            if (index > wordIndex) {
                wordIndex = index;
                word = wordAt(index);
            }
            if (index == wordIndex) {
                word &= -1L << target;
            }
            return next();
        }

        /**
         * Each skill must reach the floor less the most the other skills can add: its bits at that level replace the
         * ones the walk used, from the current word on.
         */
        @Override
        public void raiseScoreFloor(int score) {
            if (score <= scoreFloor) {
                return;
            }
            scoreFloor = score;
            int highestSum = 0;
            for (SkillIndex index : scored) {
                if (index == null) {
                    return; // a skill nobody has: the walk visits nobody anyway
                }
                highestSum += index.highest();
            }
            for (int i = 0; i < scored.length; i++) {
                int level = Math.max(minimums[i], score - (highestSum - scored[i].highest()));
                Bits bits = scored[i].atLeast(level);
                required[firstSkill + i] = bits == null ? NOBODY : bits;
                words = Math.min(words, required[firstSkill + i].wordCount());
                word = wordIndex < 0 ? 0 : wordIndex < words ? word & required[firstSkill + i].word(wordIndex) : 0;
            }
        }

        /**
         * What the bits cannot tell, looked at only for the owners that need it: room on the channel, working hours,
         * the cap, a lapsed deadline, and a score floor that the skills' levels alone did not settle.
         */
        private boolean qualifies(int position) {
            if (scoreFloor != Integer.MIN_VALUE && scoreAt(position) < scoreFloor) {
                return false;
            }
            if (!checked.get(position) && excluded.isEmpty()) {
                return true;
            }
            Slot slot = slots[position];
            return (!available || slot.freeCapacityOn(channel) > 0)
                    && (!slot.timed || slot.heldBack(now) == null)
                    && (excluded.isEmpty() || !excluded.contains(slot.owner.id()));
        }

        @Override
        public Owner owner() {
            return slots[current()].owner;
        }

        @Override
        public long rosterPosition() {
            return current();
        }

        @Override
        public int load() {
            return loads[current()];
        }

        @Override
        public double utilisation() {
            int position = current();
            return Capacity.utilisation(loads[position], totals[position]);
        }

        @Override
        public Instant lastAssignedAt() {
            return slots[current()].lastAssignedAt;
        }

        @Override
        public Instant lastReleasedAt() {
            return slots[current()].activity.lastReleasedAt();
        }

        @Override
        public int completedSince(Instant since) {
            Checks.notNull(since, "since");
            Slot slot = slots[current()];
            synchronized (slot) {
                return slot.activity.completedSince(since);
            }
        }

        @Override
        public int score() {
            return scoreAt(current());
        }

        private int scoreAt(int position) {
            int score = 0;
            for (SkillIndex index : scored) {
                score += index.level(position);
            }
            return score;
        }

        @Override
        public Candidate candidate() {
            return slots[current()].candidateFor(channel);
        }

        private int current() {
            if (current < 0) {
                throw new NoSuchElementException("no current owner: call next() first, and only while it returns true");
            }
            return current;
        }
    }
}
