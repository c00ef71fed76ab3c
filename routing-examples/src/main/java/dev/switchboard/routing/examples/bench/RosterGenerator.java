package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, realistic roster of agents for the benchmarks. The same size and seed always give the same roster.
 *
 * <ul>
 *   <li>Skills from a catalogue of twelve, common ones (billing, technical) far more often than rare ones
 *       (compliance, the enterprise offer), each with a proficiency of 1 to 5, mostly 2 to 4; every agent has at
 *       least one.</li>
 *   <li>Languages: English for most, then Spanish, Portuguese, German, French; regions amer, emea, apac.</li>
 *   <li>Presence: 70% online, 10% busy, 10% away, 10% offline.</li>
 *   <li>Capacity 2 to 8 in total; a third of the agents take at most one phone call.</li>
 *   <li>Weight (a daily reception limit) 50, 100, 150 or 200.</li>
 *   <li>A background load: each agent that is not offline already holds between none and all of its capacity
 *       (half on average), on email and chat; offline agents hold nothing (theirs were re-routed when they left).</li>
 * </ul>
 */
public final class RosterGenerator {

    /** Skills with the share of agents that have each. */
    static final String[] SKILLS = {"billing", "technical", "sales", "scheduling", "onboarding", "refunds",
            "complaints", "integrations", "product:implementation", "offer:consulting", "compliance",
            "offer:enterprise"};
    static final double[] SKILL_SHARE = {0.45, 0.40, 0.30, 0.30, 0.25, 0.20, 0.20, 0.15, 0.12, 0.10, 0.05, 0.03};

    static final String[] LANGUAGES = {"en", "es", "pt", "de", "fr"};
    static final double[] LANGUAGE_SHARE = {0.85, 0.30, 0.15, 0.10, 0.10};

    static final String[] REGIONS = {"amer", "emea", "apac"};
    static final double[] REGION_SHARE = {0.45, 0.40, 0.25};

    /** Proficiency 1..5 with these weights (in tenths). */
    private static final int[] PROFICIENCY_TENTHS = {1, 2, 4, 2, 1};

    /**
     * One agent of a generated roster.
     *
     * @param owner the agent, with its skills, languages, regions, capacity and weight
     * @param presence its presence while measuring
     * @param backgroundLoad how many conversations it already holds when measuring starts
     */
    public record Member(Owner owner, Presence presence, int backgroundLoad) {}

    private RosterGenerator() {}

    /** A roster of {@code size} agents named {@code a0}, {@code a1}, ... in roster order. */
    public static List<Member> generate(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Member> roster = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            roster.add(member("a" + i, random));
        }
        return roster;
    }

    private static Member member(String id, SplittableRandom random) {
        Owner.Builder owner = Owner.agent(id);
        boolean anySkill = false;
        for (int s = 0; s < SKILLS.length; s++) {
            if (random.nextDouble() < SKILL_SHARE[s]) {
                owner.skill(SKILLS[s], proficiency(random));
                anySkill = true;
            }
        }
        if (!anySkill) {
            owner.skill(SKILLS[random.nextInt(4)], proficiency(random));
        }
        boolean anyLanguage = false;
        for (int l = 0; l < LANGUAGES.length; l++) {
            if (random.nextDouble() < LANGUAGE_SHARE[l]) {
                owner.languages(LANGUAGES[l]);
                anyLanguage = true;
            }
        }
        if (!anyLanguage) {
            owner.languages("en");
        }
        boolean anyRegion = false;
        for (int r = 0; r < REGIONS.length; r++) {
            if (random.nextDouble() < REGION_SHARE[r]) {
                owner.regions(REGIONS[r]);
                anyRegion = true;
            }
        }
        if (!anyRegion) {
            owner.regions(REGIONS[random.nextInt(REGIONS.length)]);
        }
        int capacity = 2 + random.nextInt(7);
        owner.capacity(capacity);
        if (random.nextInt(3) == 0) {
            owner.channelCapacity("phone", 1);
        }
        owner.weight(50 * (1 + random.nextInt(4)));

        double p = random.nextDouble();
        Presence presence = p < 0.70 ? Presence.ONLINE
                : p < 0.80 ? Presence.BUSY
                : p < 0.90 ? Presence.AWAY
                : Presence.OFFLINE;
        int backgroundLoad = presence == Presence.OFFLINE ? 0 : random.nextInt(capacity + 1);
        return new Member(owner.build(), presence, backgroundLoad);
    }

    private static int proficiency(SplittableRandom random) {
        int draw = random.nextInt(10);
        for (int level = 0; level < PROFICIENCY_TENTHS.length; level++) {
            draw -= PROFICIENCY_TENTHS[level];
            if (draw < 0) {
                return level + 1;
            }
        }
        return PROFICIENCY_TENTHS.length;
    }
}
