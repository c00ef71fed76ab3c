package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Owner;
import java.util.ArrayList;
import java.util.List;

/** Compares owners by several skills in turn (see {@link SkillBased.Builder#orderBy}), and says so for people. */
final class SkillOrder {
    private SkillOrder() {}

    /** Positive when {@code owner} comes before {@code other} by the keys, negative after, zero when tied. */
    static int compare(List<SkillBased.OrderKey> keys, Owner owner, Owner other) {
        for (SkillBased.OrderKey key : keys) {
            int order = Integer.compare(owner.proficiency(key.skill()), other.proficiency(key.skill()));
            if (order != 0) {
                return key.highestFirst() ? order : -order;
            }
        }
        return 0;
    }

    /** The keys and the owner's levels: "ordered by billing (highest first, 5), then tech (lowest first, 1)". */
    static String describe(List<SkillBased.OrderKey> keys, Owner owner) {
        List<String> parts = new ArrayList<>();
        for (SkillBased.OrderKey key : keys) {
            int level = owner.proficiency(key.skill());
            parts.add(key.skill() + " (" + (key.highestFirst() ? "highest" : "lowest") + " first, "
                    + (level < 0 ? "lacks it" : String.valueOf(level)) + ")");
        }
        return "ordered by " + String.join(", then ", parts);
    }
}
