package dev.switchboard.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A customer conversation (or lead) to be routed. Immutable; build one with {@link #builder(String)}.
 * Names that are matched (channel, type, language, region, skills) are stored lower-cased.
 *
 * @param id unique among open conversations
 * @param customerId who wrote, so that a returning customer can be recognised
 * @param channel where it came in: {@code email}, {@code chat}, {@code whatsapp}, {@code phone}, ...
 * @param type its category, such as {@code scheduling}, {@code pricing} or {@code complaint}
 * @param priority how urgent it is
 * @param vip whether the customer is a VIP (served before others of the same priority)
 * @param language the customer's language, or empty when unknown
 * @param region the customer's region or territory, or empty when unknown
 * @param requiredSkills skills the owner needs
 * @param attributes free attributes for rules (offer, fit tier, account context, tags...), by name
 * @param createdAt when the conversation arrived, within {@link Bounds}
 * @param lastActivityAt when the customer last wrote, within {@link Bounds} and at or after {@code createdAt} (its
 *     creation when not known)
 * @param preferredOwners the owners it should go to, best first (a customer's account manager, a named agent), for
 *     the preferred-owners step
 */
public record Conversation(
        String id,
        String customerId,
        String channel,
        String type,
        Priority priority,
        boolean vip,
        String language,
        String region,
        List<SkillRequirement> requiredSkills,
        Map<String, String> attributes,
        Instant createdAt,
        Instant lastActivityAt,
        List<String> preferredOwners) {

    public Conversation {
        Checks.id(id, "conversation id");
        Checks.id(customerId, "customerId", id);
        channel = Checks.key(channel, "channel", id);
        type = Checks.key(type, "type", id);
        Checks.notNull(priority, "priority", id);
        language = Checks.optionalKey(language, "language", id);
        region = Checks.optionalKey(region, "region", id);
        for (SkillRequirement requirement : Checks.notNull(requiredSkills, "requiredSkills", id)) {
            Checks.notNull(requirement, "skill requirement", id);
        }
        SkillRequirement twice = Checks.firstRepeated(requiredSkills, SkillRequirement::skill);
        if (twice != null) {
            throw new IllegalArgumentException("requiredSkills of conversation '" + id + "' name skill '"
                    + twice.skill() + "' twice");
        }
        requiredSkills = List.copyOf(requiredSkills);
        Checks.notNull(attributes, "attributes", id);
        attributes.forEach((name, value) -> checkAttribute(id, name, value));
        attributes = Checks.byKey(attributes);
        Checks.instant(createdAt, "createdAt", id);
        if (Checks.instant(lastActivityAt, "lastActivityAt", id).isBefore(createdAt)) {
            throw new IllegalArgumentException("lastActivityAt of conversation '" + id + "' must not be before its"
                    + " createdAt " + createdAt + ", was " + lastActivityAt);
        }
        preferredOwners = checkPreferredOwners(id, preferredOwners);
    }

    /** A conversation whose last activity is its creation, with no preferred owners. */
    public Conversation(String id, String customerId, String channel, String type, Priority priority, boolean vip,
            String language, String region, List<SkillRequirement> requiredSkills, Map<String, String> attributes,
            Instant createdAt) {
        this(id, customerId, channel, type, priority, vip, language, region, requiredSkills, attributes, createdAt,
                Checks.instant(createdAt, "createdAt", Checks.id(id, "conversation id")), List.of());
    }

    private static void checkAttribute(String id, String name, String value) {
        Checks.id(name, "attribute name", id);
        if (value == null) {
            Checks.notNull(value, "attribute '" + name + "'", id);
        }
    }

    /** Preferred owners as an immutable list: each an id, none twice. */
    private static List<String> checkPreferredOwners(String id, List<String> owners) {
        for (String owner : Checks.notNull(owners, "preferredOwners", id)) {
            Checks.id(owner, "preferred owner", id);
        }
        String twice = Checks.firstRepeated(owners, Function.identity());
        if (twice != null) {
            throw new IllegalArgumentException("preferredOwners of conversation '" + id + "' name owner '" + twice
                    + "' twice");
        }
        return List.copyOf(owners);
    }

    /**
     * A builder. Customer, channel and creation time must be set; the defaults are type {@code general},
     * priority {@link Priority#NORMAL}, not VIP, no language, region, skills, attributes or preferred owners, and
     * last active when created.
     */
    public static Builder builder(String id) {
        return new Builder(Checks.id(id, "conversation id"));
    }

    /** Builds a {@link Conversation}; each option is checked when set, and {@link #build()} leaves the builder reusable. */
    public static final class Builder {
        private final String id;
        private String customerId;
        private String channel;
        private String type = "general";
        private Priority priority = Priority.NORMAL;
        private boolean vip;
        private String language = "";
        private String region = "";
        /** Immutable, replaced as requirements are added, so that {@link #build()} shares it without a copy. */
        private List<SkillRequirement> requiredSkills = List.of();
        /** Made on the first attribute. */
        private Map<String, String> attributes;
        private Instant createdAt;
        private Instant lastActivityAt;
        /** Immutable, replaced as owners are added. */
        private List<String> preferredOwners = List.of();

        private Builder(String id) {
            this.id = id;
        }

        public Builder customer(String value) {
            customerId = Checks.id(value, "customerId", id);
            return this;
        }

        public Builder channel(String value) {
            channel = Checks.key(value, "channel", id);
            return this;
        }

        public Builder type(String value) {
            type = Checks.key(value, "type", id);
            return this;
        }

        public Builder priority(Priority value) {
            priority = Checks.notNull(value, "priority", id);
            return this;
        }

        public Builder vip(boolean value) {
            vip = value;
            return this;
        }

        public Builder language(String value) {
            language = Checks.key(value, "language", id);
            return this;
        }

        public Builder region(String value) {
            region = Checks.key(value, "region", id);
            return this;
        }

        /** Requires a skill with at least the given proficiency. */
        public Builder requires(String skill, int minProficiency) {
            Checks.key(skill, "skill", id);
            return require(SkillRequirement.required(skill, minProficiency));
        }

        /** Adds a skill requirement (required or optional), in place of one of the same skill added before. */
        public Builder require(SkillRequirement requirement) {
            Checks.notNull(requirement, "skill requirement", id);
            if (requiredSkills.isEmpty()) {
                requiredSkills = List.of(requirement);
                return this;
            }
            List<SkillRequirement> kept = new ArrayList<>(requiredSkills.size() + 1);
            for (int i = 0; i < requiredSkills.size(); i++) {
                if (!requiredSkills.get(i).skill().equals(requirement.skill())) {
                    kept.add(requiredSkills.get(i));
                }
            }
            kept.add(requirement);
            requiredSkills = List.copyOf(kept);
            return this;
        }

        public Builder attribute(String key, String value) {
            checkAttribute(id, key, value);
            if (attributes == null) {
                attributes = new HashMap<>();
            }
            attributes.put(key, value);
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = Checks.instant(value, "createdAt", id);
            return this;
        }

        /** When the customer last wrote (default: when the conversation was created). */
        public Builder lastActivityAt(Instant value) {
            lastActivityAt = Checks.instant(value, "lastActivityAt", id);
            return this;
        }

        /** Adds owners the conversation should go to, best first, after those added so far (all or none). */
        public Builder preferredOwners(String... ownerIds) {
            Checks.notNull(ownerIds, "preferredOwners", id);
            for (String owner : ownerIds) {
                Checks.id(owner, "preferred owner", id);
            }
            List<String> added = new ArrayList<>(preferredOwners);
            added.addAll(Arrays.asList(ownerIds));
            preferredOwners = List.copyOf(added);
            return this;
        }

        public Conversation build() {
            Checks.isSet(customerId, "customer", id);
            Checks.isSet(channel, "channel", id);
            Checks.isSet(createdAt, "createdAt", id);
            return new Conversation(id, customerId, channel, type, priority, vip, language, region,
                    requiredSkills, attributes == null ? Map.of() : attributes, createdAt,
                    lastActivityAt == null ? createdAt : lastActivityAt, preferredOwners);
        }
    }
}
