package dev.switchboard.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Roster}'s bit sets, one bit per roster index: who can take work (with busy owners excluded or included),
 * who is assigned automatically and who must be checked one by one, and who has each skill at each level, speaks each
 * language and covers each region. Built anew when the roster is compacted.
 */
final class RosterSets {

    /**
     * Online, below total capacity and assigned automatically: who can take work when busy owners are excluded, in
     * one set, so that a query reads one word for all three.
     */
    private final Bits takesWork = new Bits();
    /** The same, busy owners included. */
    private final Bits takesWorkIfBusy = new Bits();
    final Bits automatic = new Bits();
    /** Online, whatever the room: who is available when busy owners are excluded. */
    private final Bits online = new Bits();
    /** Online or busy, whatever the room. */
    private final Bits onlineOrBusy = new Bits();
    /**
     * Owners that must be looked at one by one: those with working hours, a cap or a wrap-up, and those at their own
     * limit on a channel they limit (below it, their room on any channel is their room in total).
     */
    final Bits checked = new Bits();
    /**
     * Owners with working hours, a cap or a wrap-up: those of {@link #checked} that may be held back, whom a query
     * that asks nothing of presence or room looks at one by one.
     */
    final Bits timed = new Bits();
    private final Map<String, SkillLevels> skills = new HashMap<>();
    private final Map<String, Bits> languages = new HashMap<>();
    private final Map<String, Bits> regions = new HashMap<>();

    /** Sets or clears an owner in the sets that follow its changing state. */
    void refresh(Roster.Slot slot) {
        int index = slot.index;
        boolean room = slot.owner.autoAssign() && slot.load < slot.owner.capacity().total();
        takesWork.set(index, room && slot.presence == Presence.ONLINE);
        takesWorkIfBusy.set(index, room && slot.presence.mayReceiveWork());
        automatic.set(index, slot.owner.autoAssign());
        online.set(index, slot.presence == Presence.ONLINE);
        onlineOrBusy.set(index, slot.presence.mayReceiveWork());
        checked.set(index, slot.timed || ChannelRoom.anyAtLimit(slot.limitedChannels));
        timed.set(index, slot.timed);
    }

    /**
     * Sets an owner in the sets of its skills, languages and regions ({@link #refresh} sets it in the others), or
     * clears it from every set when it leaves.
     */
    void index(Roster.Slot slot, boolean present) {
        int index = slot.index;
        Owner owner = slot.owner;
        if (present) { // refreshes change these sets under a shared lock, which must never grow them
            for (Bits bits : new Bits[] {takesWork, takesWorkIfBusy, automatic, online, onlineOrBusy, checked,
                    timed}) {
                bits.reserve(index);
            }
        }
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
            takesWork.clear(index);
            takesWorkIfBusy.clear(index);
            automatic.clear(index);
            online.clear(index);
            onlineOrBusy.clear(index);
            checked.clear(index);
            timed.clear(index);
        }
    }

    /**
     * The owners that can take work under a busy policy, as far as presence, room in total and automatic assignment
     * tell.
     */
    Bits takingWork(BusyPolicy busyPolicy) {
        return busyPolicy == BusyPolicy.INCLUDE ? takesWorkIfBusy : takesWork;
    }

    /** The owners whose presence lets them take work under a busy policy, whatever their room. */
    Bits available(BusyPolicy busyPolicy) {
        return busyPolicy == BusyPolicy.INCLUDE ? onlineOrBusy : online;
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
