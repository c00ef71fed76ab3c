package dev.switchboard.routing.config;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.Targets;
import dev.switchboard.routing.config.JsonFields.Item;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rule's ordered {@code targets}, each a {@code team} or {@code owners} with a {@code timeout} (required but
 * for the last, which keeps the conversation however long) and {@code skipWhenNoneAvailable}, and whether the rule
 * {@code keepEarlierTargets} when a conversation moves on.
 */
final class TargetsReader {

    private final Problems problems;
    private final Declarations declared;

    TargetsReader(Problems problems, Declarations declared) {
        this.problems = problems;
        this.declared = declared;
    }

    /** The targets of a rule's {@code then}, or {@link Targets#NONE} when it lists none or they have problems. */
    Targets read(JsonFields then) {
        List<Item> items = then.array("targets", false);
        Optional<Boolean> keep = then.bool("keepEarlierTargets");
        if (keep.isPresent() && items.isEmpty()) {
            problems.add(then.path("keepEarlierTargets"), "applies only to a rule with 'targets'");
        }
        int before = problems.count();
        Targets.Builder targets = Targets.builder();
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            JsonFields.of(items.get(i), problems).flatMap(fields -> target(fields, last)).ifPresent(targets::then);
        }
        if (keep.orElse(false)) {
            targets.keepEarlier();
        }
        return problems.count() == before ? targets.build() : Targets.NONE;
    }

    private Optional<Targets.Target> target(JsonFields fields, boolean last) {
        int before = problems.count();
        Set<String> owners = new LinkedHashSet<>();
        Optional<String> team = fields.text("team", false);
        team.ifPresent(id -> owners.addAll(declared.membersOf(id, fields.path("team"))));
        List<Item> listed = fields.texts("owners");
        for (Item owner : listed) {
            String id = owner.node().asText();
            if (declared.knownOwner(id, owner.path())) {
                owners.add(id);
            }
        }
        if (team.isPresent() == fields.has("owners")) {
            problems.add(fields.path(), "names its owners by a 'team' or a list of 'owners', one of them");
        }
        Duration timeout = fields.duration("timeout", !last, false).orElse(Bounds.MAX_DURATION);
        boolean skip = fields.bool("skipWhenNoneAvailable").orElse(false);
        fields.rejectUnknown("field of a target");
        if (problems.count() != before) {
            return Optional.empty();
        }
        return problems.attempt(fields.path(), () -> new Targets.Target(owners, timeout, skip));
    }
}
