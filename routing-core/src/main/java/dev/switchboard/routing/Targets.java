package dev.switchboard.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule's ordered targets (TaskRouter workflow targets, FreeSWITCH tiers): a conversation is first for the owners of
 * the first target; once it has waited that target's {@code timeout} since it was created, it moves on to the next,
 * and so on, staying with the last however long it waits. When it moves on, the earlier targets' owners no longer
 * get it (TaskRouter), unless the targets {@link #keepEarlier keep them} (the widening of relaxation). A target whose
 * owners are all logged out (offline, or off the roster) is skipped at once instead of making the conversation wait
 * out its timeout (FreeSWITCH {@code tier-rule-no-agent-no-wait}), and so is one with
 * {@link Target#skipWhenNoneAvailable} while none of its owners can take work now. A skipped target takes none of
 * the conversation's time. The rule's chain chooses among the owners of the target reached.
 *
 * <pre>{@code
 * Targets tiers = Targets.builder()
 *         .then(new Targets.Target(Set.of("ana", "ben"), Duration.ofSeconds(30), false))
 *         .then(new Targets.Target(Set.of("cy"), Duration.ofMinutes(2), true))
 *         .then(new Targets.Target(Set.of("dee", "eli"), Duration.ofMinutes(2), false))
 *         .build();
 * }</pre>
 *
 * @param targets in the order a conversation moves through them; empty for a rule without targets
 * @param keepEarlier whether the owners of the targets a conversation moved past still get it
 */
public record Targets(List<Target> targets, boolean keepEarlier) {

    /** No targets: the rule's owners take the conversation. */
    public static final Targets NONE = new Targets(List.of(), false);

    public Targets {
        targets = Checks.list(targets, "targets");
    }

    /**
     * One target.
     *
     * @param owners who may get the conversation while it is at this target, at least one, by id
     * @param timeout how long the conversation stays at this target before it moves on (positive; the last target
     *     keeps it however long)
     * @param skipWhenNoneAvailable whether the target is skipped while none of its owners can take work now (full,
     *     away, busy, or held back), as it always is when all of them are logged out
     */
    public record Target(Set<String> owners, Duration timeout, boolean skipWhenNoneAvailable) {
        public Target {
            Checks.notNull(owners, "owners of target");
            for (String owner : owners) {
                Checks.id(owner, "owner of target");
            }
            if (owners.isEmpty()) {
                throw new IllegalArgumentException("owners of target must not be empty");
            }
            owners = Checks.sorted(owners);
            Checks.positive(timeout, "timeout of target");
        }
    }

    /** A builder: no targets, and the earlier targets' owners left out once the conversation moves on, until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether there are targets. */
    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /** The owners of every target, in target order. */
    Set<String> allOwners() {
        Set<String> owners = new LinkedHashSet<>();
        targets.forEach(target -> owners.addAll(target.owners()));
        return owners;
    }

    /** Builds {@link Targets}; each option is checked when set, and {@link #build()} leaves the builder reusable. */
    public static final class Builder {
        private final List<Target> targets = new ArrayList<>();
        private boolean keepEarlier;

        private Builder() {}

        /** Appends a target, after those added so far. */
        public Builder then(Target target) {
            targets.add(Checks.notNull(target, "target"));
            return this;
        }

        /** Appends a target of these owners with this timeout, not skipped while its owners are only busy. */
        public Builder then(Duration timeout, String... owners) {
            Set<String> ids = new LinkedHashSet<>();
            for (String owner : Checks.notNull(owners, "owners of target")) {
                ids.add(Checks.id(owner, "owner of target"));
            }
            return then(new Target(ids, timeout, false));
        }

        /** Keeps the earlier targets' owners when a conversation moves on, widening instead of moving. */
        public Builder keepEarlier() {
            keepEarlier = true;
            return this;
        }

        public Targets build() {
            return new Targets(targets, keepEarlier);
        }
    }
}
