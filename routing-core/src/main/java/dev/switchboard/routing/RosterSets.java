package dev.switchboard.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Roster}'s bit sets, one bit per roster index: who is online, busy, below its total capacity, assigned
 * automatically and checked one by one, and who has each skill at each level, speaks each language and covers each
 * region. Built anew when the roster is compacted.
 */
final class RosterSets {

    final Bits online = new Bits();
    final Bits busy = new Bits();
    /** Below total capacity. */
    final Bits roomy = new Bits();
    final Bits automatic = new Bits();
    /** Owners whose per-channel limits, working hours or assignment cap must be looked at one by one. */
    final Bits checked = new Bits();
    private final Map<String, SkillLevels> skills = new HashMap<>();
    private final Map<String, Bits> languages = new HashMap<>();
    private final Map<String, Bits> regions = new HashMap<>();

    /** Sets or clears an owner in the sets that follow its changing state. */
    void refresh(Roster.Slot slot) {
        int index = slot.index;
        online.set(index, slot.presence == Presence.ONLINE);
        busy.set(index, slot.presence == Presence.BUSY);
        roomy.set(index, slot.load < slot.owner.capacity().total());
        automatic.set(index, slot.owner.autoAssign());
        checked.set(index, slot.timed || slot.limitedChannels.length > 0);
    }

    /**
     * Sets an owner in the sets of its skills, languages and regions ({@link #refresh} sets it in the others), or
     * clears it from every set when it leaves.
     */
    void index(Roster.Slot slot, boolean present) {
        int index = slot.index;
        Owner owner = slot.owner;
        owner.skills().forEach((skill, level) -> {
            SkillLevels levels = skills.computeIfAbsent(skill, key -> new SkillLevels());
            if (present) {
                levels.add(index, level);
            } else {
                levels.remove(index, level);
            }
        });
        owner.languages().forEach(language -> languages.computeIfAbsent(language, key -> new Bits())
                .set(index, present));
        owner.regions().forEach(region -> regions.computeIfAbsent(region, key -> new Bits()).set(index, present));
        if (!present) {
            online.clear(index);
            busy.clear(index);
            roomy.clear(index);
            automatic.clear(index);
            checked.clear(index);
        }
    }

    /** The index of a skill, or null when nobody has it. */
    SkillLevels skill(String name) {
        return skills.get(name);
    }

    /** The owners who speak a language. */
    Bits language(String name) {
        return languages.getOrDefault(name, IndexedEligible.NOBODY);
    }

    /** The owners who cover a region. */
    Bits region(String name) {
        return regions.getOrDefault(name, IndexedEligible.NOBODY);
    }
}
