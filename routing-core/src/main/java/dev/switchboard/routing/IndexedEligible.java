package dev.switchboard.routing;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@link Eligible} from the {@link Roster}'s indexes: the owners whose bits are set in every required set (and the
 * presence sets), then checked one by one for what the bits cannot tell. It walks roster indexes, which follow roster
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
    /** The sets every visited owner is in: the first {@link #requiredCount}. */
    private Bits[] required = new Bits[4];
    private int requiredCount;
    /** Whether only owners that can take a conversation on {@link #channel} now are visited. */
    private boolean available;
    private boolean includeBusy;
    private String channel;
    private Set<String> excluded;
    private Instant now;
    /** The index of each required skill (null for one nobody has), their bits at {@code firstSkill + i}. */
    private SkillLevels[] scored = new SkillLevels[2];
    private int[] minimums = new int[2];
    private int skillCount;
    /** Where the bits of {@code scored[i]} sit in {@code required}: at {@code firstSkill + i}. */
    private int firstSkill;
    private int scoreFloor;
    private int words;
    private int wordIndex;
    private long word;
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
        this.available = busyPolicy != null;
        int sets = (available ? 2 : 1) + (ownerIds.isEmpty() ? 0 : 1) + needed.size()
                + (requirements.language().isEmpty() ? 0 : 1) + (requirements.region().isEmpty() ? 0 : 1);
        if (required.length < sets) {
            required = new Bits[sets];
        }
        if (scored.length < needed.size()) {
            scored = new SkillLevels[needed.size()];
            minimums = new int[needed.size()];
        }
        int count = 0;
        if (available) {
            required[count++] = roster.sets.roomy;
        }
        required[count++] = roster.sets.automatic;
        if (!ownerIds.isEmpty()) {
            required[count++] = roster.members(ownerIds);
        }
        firstSkill = count;
        for (int i = 0; i < needed.size(); i++) {
            SkillRequirement requirement = needed.get(i);
            minimums[i] = requirement.minProficiency();
            SkillLevels index = roster.sets.skill(requirement.skill());
            Bits bits = index == null ? null : index.atLeast(requirement.minProficiency());
            required[count++] = bits == null ? NOBODY : bits;
            scored[i] = index;
        }
        if (!requirements.language().isEmpty()) {
            required[count++] = roster.sets.language(requirements.language());
        }
        if (!requirements.region().isEmpty()) {
            required[count++] = roster.sets.region(requirements.region());
        }
        this.requiredCount = count;
        this.skillCount = needed.size();
        this.includeBusy = busyPolicy == BusyPolicy.INCLUDE;
        this.channel = channel;
        this.excluded = excluded;
        this.now = now;
        int limit = (roster.end + 63) >>> 6;
        for (int i = 0; i < count; i++) {
            limit = Math.min(limit, required[i].wordCount());
        }
        this.words = limit;
        this.scoreFloor = Integer.MIN_VALUE;
        this.wordIndex = -1;
        this.word = 0;
        this.current = -1;
        return this;
    }

    /** The required sets ANDed last first (region, language, skills: the sparsest), stopping at the first zero. */
    private long wordAt(int index) {
        long bits = -1L;
        for (int i = requiredCount - 1; i >= 0 && bits != 0; i--) {
            bits &= required[i].word(index);
        }
        return !available || bits == 0 ? bits
                : bits & (roster.sets.online.word(index) | (includeBusy ? roster.sets.busy.word(index) : 0L));
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
        for (int i = 0; i < skillCount; i++) {
            if (scored[i] == null) {
                return; // a skill nobody has: the walk visits nobody anyway
            }
            highestSum += scored[i].highest();
        }
        for (int i = 0; i < skillCount; i++) {
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
    private boolean qualifies(int index) {
        if (scoreFloor != Integer.MIN_VALUE && scoreAt(index) < scoreFloor) {
            return false;
        }
        if (!roster.sets.checked.get(index) && excluded.isEmpty()) {
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
        int score = 0;
        for (int i = 0; i < skillCount; i++) {
            score += scored[i].level(index);
        }
        return score;
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
