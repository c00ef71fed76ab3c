package dev.switchboard.routing;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@link Eligible} from the {@link Roster}'s indexes: the owners whose bits are set in every required set (who can
 * take work, or who is assigned automatically, and the requirements' sets), then checked one by one for what the bits
 * cannot tell. It walks roster indexes, which follow roster
 * order; the positions it reports are the owners' roster positions.
 *
 * <p>An eligible walk is valid only during the decision whose view made it, so each view keeps the walks it made and
 * {@link #start}s them again for its next decision: a walk builds nothing once its arrays have grown to the largest
 * requirements it met.
 */
final class IndexedEligible implements Eligible {

    /** The set of nobody, for a skill, language or region nobody on the roster has. */
    static final Bits NOBODY = new Bits();

    private final Roster roster;
    /** The sets every visited owner is in. */
    private final RequiredWords required = new RequiredWords();
    /** Whether only owners that can take a conversation on {@link #channel} now are visited. */
    private boolean available;
    private long[] checked;
    private String channel;
    private Set<String> excluded;
    private Instant now;
    /** The index of each required skill, the first {@link #skillCount} (null for one nobody has). */
    private SkillLevels[] scored = new SkillLevels[2];
    /** The level of each owner in each of {@code scored}, by roster index (null for a skill nobody has). */
    private int[][] levels = new int[2][];
    private int[] minimums = new int[2];
    private int skillCount;
    /** Where the bits of {@code scored[i]} sit in {@link #required}: at {@code firstSkill + i}. */
    private int firstSkill;
    private int scoreFloor;
    /** Whether the skills' bits alone keep every visited owner at or above {@link #scoreFloor}. */
    private boolean floorSettled;
    /**
     * The roster index after which every owner visited scores exactly the floor, as the bits settle it and nobody can
     * score above it; {@link Integer#MAX_VALUE} while that is not so. The owner current when the floor rose keeps its
     * own score.
     */
    private int floorIsTopAfter;
    /** {@link RequiredWords#words}, kept at hand. */
    private int words;
    private int wordIndex;
    private long word;
    /** The {@link RosterSets#checked} word at {@code wordIndex}. */
    private long checkedWord;
    /** The current owner's roster index, or -1 before the first and after the last. */
    private int current;

    IndexedEligible(Roster roster) {
        this.roster = roster;
    }

    /**
     * Starts a new walk, before the first of the owners (of {@code ownerIds}, or anyone when empty) that meet the
     * requirements, are not held back from automatic assignment at {@code now} and are not in {@code excluded}; when
     * {@code busyPolicy} is given, only those that can take a conversation on {@code channel} under it (available,
     * below their capacity on the channel), and when it is null, whatever their presence and room.
     */
    IndexedEligible start(Requirements requirements, BusyPolicy busyPolicy, String channel, Set<String> ownerIds,
            Set<String> excluded, Instant now) {
        List<SkillRequirement> needed = requirements.skills();
        available = busyPolicy != null;
        int sets = 1 + (ownerIds.isEmpty() ? 0 : 1) + needed.size() + (requirements.language().isEmpty() ? 0 : 1)
                + (requirements.region().isEmpty() ? 0 : 1);
        required.clear(sets, (roster.end + 63) >>> 6);
        if (scored.length < needed.size()) {
            scored = new SkillLevels[needed.size()];
            levels = new int[needed.size()][];
            minimums = new int[needed.size()];
        }
        required.add((available ? roster.sets.takingWork(busyPolicy) : roster.sets.automatic).words());
        if (!ownerIds.isEmpty()) {
            required.add(roster.members(ownerIds).words());
        }
        firstSkill = required.size();
        for (int i = 0; i < needed.size(); i++) {
            SkillRequirement requirement = needed.get(i);
            minimums[i] = requirement.minProficiency();
            SkillLevels index = roster.sets.skill(requirement.skill());
            Bits bits = index == null ? null : index.atLeast(requirement.minProficiency());
            required.add((bits == null ? NOBODY : bits).words());
            scored[i] = index;
            levels[i] = index == null ? null : index.levels();
        }
        if (!requirements.language().isEmpty()) {
            required.add(roster.sets.language(requirements.language()).words());
        }
        if (!requirements.region().isEmpty()) {
            required.add(roster.sets.region(requirements.region()).words());
        }
        skillCount = needed.size();
        checked = (available ? roster.sets.checked : roster.sets.timed).words(); // room matters only with a policy
        this.channel = channel;
        this.excluded = excluded;
        this.now = now;
        words = required.words();
        scoreFloor = Integer.MIN_VALUE;
        floorSettled = true;
        floorIsTopAfter = Integer.MAX_VALUE;
        wordIndex = -1;
        word = 0;
        checkedWord = 0;
        current = -1;
        return this;
    }

    /** Moves the walk to a word: the required sets ANDed, and the owners in it that must be looked at one by one. */
    private void moveTo(int index) {
        wordIndex = index;
        word = required.wordAt(index);
        checkedWord = word == 0 ? 0 : Bits.word(checked, index);
    }

    @Override
    public boolean next() {
        while (true) {
            while (word == 0) {
                if (wordIndex + 1 >= words) {
                    wordIndex = words;
                    current = -1;
                    return false;
                }
                moveTo(wordIndex + 1);
            }
            int index = (wordIndex << 6) + Long.numberOfTrailingZeros(word);
            word &= word - 1;
            if (qualifies(index)) {
                current = index;
                return true;
            }
        }
    }

    @Override
    public boolean advanceTo(long rosterPosition) {
        if (current >= 0 && roster.positions[current] >= rosterPosition) {
            return true;
        }
        int target = roster.indexAtOrAfter(rosterPosition);
        if (wordIndex >= words || target >= (long) words << 6) {
            wordIndex = words;
            word = 0;
            current = -1;
            return false;
        }
        int index = target >>> 6;
        if (index > wordIndex) {
            moveTo(index);
        }
        if (index == wordIndex) {
            word &= -1L << target;
        }
        return next();
    }

    /**
     * Each skill must reach the floor less the most the other skills can add: its bits at that level replace the
     * ones the walk used, from the current word on. When those levels add up to the floor (one skill, or a floor at
     * the highest score), the bits settle it and no owner's score is looked at; when the floor is also the highest
     * score anyone can have, it is every visited owner's score.
     */
    @Override
    public void raiseScoreFloor(int score) {
        if (score <= scoreFloor) {
            return;
        }
        scoreFloor = score;
        int highestSum = scoreCeiling();
        if (highestSum == Integer.MIN_VALUE) {
            return; // a skill nobody has: the walk visits nobody anyway
        }
        int guaranteed = 0;
        for (int i = 0; i < skillCount; i++) {
            int level = Math.max(minimums[i], score - (highestSum - scored[i].highest()));
            guaranteed += level;
            Bits bits = scored[i].atLeast(level);
            long[] set = (bits == null ? NOBODY : bits).words();
            required.replace(firstSkill + i, set);
            words = required.words();
            word = wordIndex < 0 ? 0 : wordIndex < words ? word & set[wordIndex] : 0;
        }
        floorSettled = guaranteed >= score;
        floorIsTopAfter = floorSettled && score >= highestSum ? current : Integer.MAX_VALUE;
    }

    /** The highest levels of the required skills summed; {@link Integer#MIN_VALUE} when nobody has one of them. */
    @Override
    public int scoreCeiling() {
        int highestSum = 0;
        for (int i = 0; i < skillCount; i++) {
            if (scored[i] == null) {
                return Integer.MIN_VALUE;
            }
            highestSum += scored[i].highest();
        }
        return highestSum;
    }

    /**
     * Counts the rest a word at a time: the owners whose bits settle everything by their bit count, the others one by
     * one.
     */
    @Override
    public int countRest() {
        int from = Math.max(wordIndex, 0);
        long[] bits = required.andedFrom(from);
        if (wordIndex >= 0 && wordIndex < words) {
            bits[wordIndex] = word; // what is left of the current word
        }
        int rest = countQualifying(bits, from);
        wordIndex = words;
        word = 0;
        current = -1;
        return rest;
    }

    /**
     * How many of the owners in {@code bits}, from word {@code from} on, qualify: when the bits settle all but the
     * checked owners, a word's popcount, and the checked ones one by one; otherwise each owner one by one.
     */
    private int countQualifying(long[] bits, int from) {
        int counted = 0;
        if (floorSettled && excluded.isEmpty()) {
            long[] checks = checked;
            int checkedWords = Math.min(words, checks.length);
            for (int index = from; index < checkedWords; index++) {
                long owners = bits[index];
                long looked = owners & checks[index];
                counted += Long.bitCount(owners ^ looked);
                if (looked != 0) {
                    counted += qualifying(index, looked, checks[index]);
                }
            }
            for (int index = Math.max(from, checkedWords); index < words; index++) {
                counted += Long.bitCount(bits[index]);
            }
        } else {
            for (int index = from; index < words; index++) {
                counted += bits[index] == 0 ? 0 : qualifying(index, bits[index], Bits.word(checked, index));
            }
        }
        return counted;
    }

    /** How many of the owners of word {@code index} in {@code looked} qualify, one by one. */
    private int qualifying(int index, long looked, long checkedBits) {
        checkedWord = checkedBits;
        int qualifying = 0;
        for (; looked != 0; looked &= looked - 1) {
            qualifying += qualifies((index << 6) + Long.numberOfTrailingZeros(looked)) ? 1 : 0;
        }
        return qualifying;
    }

    /**
     * What the bits cannot tell, looked at only for the owners that need it: room on the channel, working hours,
     * the cap, a lapsed deadline, and a score floor that the skills' levels alone did not settle.
     */
    private boolean qualifies(int index) {
        if (!floorSettled && scoreAt(index) < scoreFloor) {
            return false;
        }
        if ((checkedWord & (1L << index)) == 0 && excluded.isEmpty()) {
            return true;
        }
        Roster.Slot slot = roster.slots[index];
        return (!available || slot.freeCapacityOn(channel) > 0)
                && (!slot.timed || slot.heldBack(now) == null)
                && (excluded.isEmpty() || !excluded.contains(slot.owner.id()));
    }

    @Override
    public Owner owner() {
        return slot().owner;
    }

    @Override
    public long rosterPosition() {
        return slot().position;
    }

    @Override
    public int load() {
        return roster.loads[current()];
    }

    @Override
    public double utilisation() {
        int index = current();
        return Capacity.utilisation(roster.loads[index], roster.totals[index]);
    }

    @Override
    public Instant lastAssignedAt() {
        return slot().lastAssignedAt;
    }

    @Override
    public Instant lastReleasedAt() {
        return slot().activity.lastReleasedAt();
    }

    @Override
    public int completedSince(Instant since) {
        Checks.notNull(since, "since");
        Roster.Slot slot = slot();
        synchronized (slot) {
            return slot.activity.completedSince(since);
        }
    }

    @Override
    public int score() {
        return scoreAt(current());
    }

    private int scoreAt(int index) {
        if (index > floorIsTopAfter) {
            return scoreFloor;
        }
        int score = 0;
        for (int i = 0; i < skillCount; i++) {
            int[] skill = levels[i];
            score += index < skill.length ? skill[index] : -1;
        }
        return score;
    }

    /**
     * Counts the owners of a walk just {@link #start started} without a busy policy, and those of them available under
     * {@code busyPolicy} (the roster's presence sets), a word at a time, as {@link #countRest} counts.
     */
    RoutingView.Matched count(BusyPolicy busyPolicy) {
        long[] bits = required.andedFrom(0);
        int owners = countQualifying(bits, 0);
        long[] availableWords = roster.sets.available(busyPolicy).words();
        for (int index = 0; index < words; index++) {
            bits[index] &= Bits.word(availableWords, index);
        }
        return new RoutingView.Matched(owners, countQualifying(bits, 0));
    }

    @Override
    public Candidate candidate() {
        return slot().candidateFor(channel);
    }

    private Roster.Slot slot() {
        return roster.slots[current()];
    }

    private int current() {
        if (current < 0) {
            throw new NoSuchElementException("no current owner: call next() first, and only while it returns true");
        }
        return current;
    }
}
