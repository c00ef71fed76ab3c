package dev.switchboard.routing;

/**
 * A skill a conversation needs, with the lowest proficiency that will do. Optional requirements are preferred
 * but may be dropped when a conversation has waited long enough (skill relaxation).
 *
 * @param skill the skill's name (lower case), such as {@code billing} or {@code product:implementation}
 * @param minProficiency the lowest acceptable proficiency, zero or more
 * @param optional whether routing may drop this requirement after waiting
 */
public record SkillRequirement(String skill, int minProficiency, boolean optional) {

    public SkillRequirement {
        skill = Checks.key(skill, "skill");
        if (minProficiency < 0) { // the message is made only when the check fails
            Checks.nonNegative(minProficiency, "minProficiency of skill '" + skill + "'");
        }
    }

    /** A skill that must be present with at least the given proficiency. */
    public static SkillRequirement required(String skill, int minProficiency) {
        return new SkillRequirement(skill, minProficiency, false);
    }

    /** A skill that is preferred, with at least the given proficiency. */
    public static SkillRequirement preferred(String skill, int minProficiency) {
        return new SkillRequirement(skill, minProficiency, true);
    }
}
