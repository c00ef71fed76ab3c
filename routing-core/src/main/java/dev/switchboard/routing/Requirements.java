package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a conversation asks of an owner at one level of strictness: each skill at or above its minimum proficiency,
 * the conversation's language when it has one, and its region when it has one. The one definition of a match,
 * shared by the router's indexes ({@link RoutingView#eligible}), skill-based routing and the agent-pick pool, so
 * that they all count the same owners a match.
 *
 * @param skills the skills that apply at this level
 * @param language the language the owner must speak, or empty for any
 * @param region the region the owner must cover, or empty for any
 */
public record Requirements(List<SkillRequirement> skills, String language, String region) {

    /** Asks for nothing: every owner meets it. */
    public static final Requirements NONE = new Requirements(List.of(), "", "");

    public Requirements {
        skills = Checks.list(skills, "skills");
        language = Checks.optionalKey(language, "language");
        region = Checks.optionalKey(region, "region");
    }

    /**
     * Every requirement of the conversation as stated, optional skills included: the strictest level; {@link #NONE}
     * itself for a conversation that asks for nothing.
     */
    public static Requirements of(Conversation conversation) {
        Checks.notNull(conversation, "conversation");
        if (conversation.requiredSkills().isEmpty() && conversation.language().isEmpty()
                && conversation.region().isEmpty()) {
            return NONE;
        }
        return new Requirements(conversation.requiredSkills(), conversation.language(), conversation.region());
    }

    /** These requirements without optional skills (when asked) and with every minimum lowered, never below zero. */
    public Requirements relaxed(boolean dropOptional, int lowerMinimumsBy) {
        Checks.nonNegative(lowerMinimumsBy, "lowerMinimumsBy");
        List<SkillRequirement> kept = new ArrayList<>(skills.size());
        for (SkillRequirement requirement : skills) {
            if (!(dropOptional && requirement.optional())) {
                kept.add(new SkillRequirement(requirement.skill(),
                        Math.max(0, requirement.minProficiency() - lowerMinimumsBy), requirement.optional()));
            }
        }
        return new Requirements(kept, language, region);
    }

    /** Whether the owner meets every requirement (an owner without a skill has proficiency -1, so never meets it). */
    public boolean metBy(Owner owner) {
        Checks.notNull(owner, "owner");
        for (SkillRequirement requirement : skills) {
            if (owner.proficiency(requirement.skill()) < requirement.minProficiency()) {
                return false;
            }
        }
        return (language.isEmpty() || owner.languages().contains(language))
                && (region.isEmpty() || owner.regions().contains(region));
    }

    /** The owner's proficiency summed over these skills, the higher the stronger; only for owners that meet them. */
    public int score(Owner owner) {
        Checks.notNull(owner, "owner");
        int score = 0;
        for (SkillRequirement requirement : skills) {
            score += owner.proficiency(requirement.skill());
        }
        return score;
    }

    /** The owners these requirements select, for people: "owners with billing 3+ and tech 1+, speaking en". */
    public String describeOwners() {
        StringBuilder text = new StringBuilder("owners");
        for (int i = 0; i < skills.size(); i++) {
            SkillRequirement requirement = skills.get(i);
            text.append(i == 0 ? " with " : " and ").append(requirement.skill()).append(' ')
                    .append(requirement.minProficiency() == 0 ? "(any level)" : requirement.minProficiency() + "+");
        }
        if (!language.isEmpty()) {
            text.append(skills.isEmpty() ? " " : ", ").append("speaking ").append(language);
        }
        if (!region.isEmpty()) {
            text.append(skills.isEmpty() && language.isEmpty() ? " " : ", ").append("covering ").append(region);
        }
        return text.toString();
    }
}
