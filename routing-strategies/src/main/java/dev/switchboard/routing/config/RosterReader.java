package dev.switchboard.routing.config;

import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerKind;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.config.JsonFields.Item;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads who can own conversations: the {@code schedules} owners work by, the {@code owners} (with their caps, wrap-up
 * time and the presence each starts in), and the {@code teams} rules route to. Owners are made by {@link Owner.Builder}, so its checks, and
 * messages, are the library's.
 */
final class RosterReader {

    private final Problems problems;
    private final Declarations declared;
    private final Map<Owner, Presence> roster = new LinkedHashMap<>();

    RosterReader(Problems problems, Declarations declared) {
        this.problems = problems;
        this.declared = declared;
    }

    /** Each owner of the document, in document order, with the presence it starts in. */
    Map<Owner, Presence> roster() {
        return roster;
    }

    /** Reads one entry of {@code schedules}, declaring its id for owners and rules to name. */
    void schedule(Item item) {
        JsonFields.of(item, problems).ifPresent(schedule -> {
            Optional<String> id = schedule.text("id", true);
            id.ifPresent(value -> declared.schedule(value, schedule.path("id")));
            ScheduleReader.read(schedule, problems)
                    .ifPresent(read -> id.ifPresent(value -> declared.schedule(value, read)));
        });
    }

    /** Reads one owner; an owner with problems is left off the roster (and the document refused). */
    void owner(Item item) {
        JsonFields.of(item, problems).ifPresent(owner -> {
            int before = problems.count();
            Optional<String> id = owner.text("id", true);
            id.ifPresent(value -> declared.owner(value, owner.path("id")));
            OwnerKind kind = owner.choice("kind", OwnerKind.class).orElse(OwnerKind.AGENT);
            Owner.Builder builder = Owner.builder(id.orElse("?"), kind);
            for (Item language : owner.texts("languages")) {
                problems.attempt(language.path(), () -> builder.languages(language.node().textValue()));
            }
            for (Item region : owner.texts("regions")) {
                problems.attempt(region.path(), () -> builder.regions(region.node().textValue()));
            }
            owner.object("skills", false).ifPresent(skills -> skills.entries().forEach(skill ->
                    JsonFields.integer(skill.getValue(), problems).ifPresent(level -> problems.attempt(
                            skill.getValue().path(), () -> builder.skill(skill.getKey(), level)))));
            owner.integer("capacity").ifPresent(total -> problems.attempt(owner.path("capacity"),
                    () -> builder.capacity(total)));
            owner.object("channelCapacity", false).ifPresent(channels -> channels.entries().forEach(channel ->
                    JsonFields.integer(channel.getValue(), problems).ifPresent(limit -> problems.attempt(
                            channel.getValue().path(), () -> builder.channelCapacity(channel.getKey(), limit)))));
            owner.integer("weight").ifPresent(weight -> problems.attempt(owner.path("weight"),
                    () -> builder.weight(weight)));
            owner.bool("autoAssign").ifPresent(builder::autoAssign);
            owner.object("assignmentCap", false).ifPresent(cap -> assignmentCap(cap, builder));
            owner.text("hours", false).flatMap(name -> declared.scheduleNamed(name, owner.path("hours")))
                    .ifPresent(builder::hours);
            owner.object("dailyCap", false).ifPresent(cap -> dailyCap(cap, builder));
            owner.duration("wrapUp", false, true).ifPresent(builder::wrapUp);
            Presence presence = owner.choice("presence", Presence.class).orElse(Presence.ONLINE);
            owner.rejectUnknown("field of an owner");
            if (problems.count() == before) {
                roster.put(builder.build(), presence);
            }
        });
    }

    private void assignmentCap(JsonFields cap, Owner.Builder builder) {
        Optional<Integer> limit = cap.item("limit", true).flatMap(value -> JsonFields.integer(value, problems));
        Optional<Duration> window = cap.duration("window", true, false);
        cap.rejectUnknown("field of an assignment cap");
        if (limit.isPresent() && window.isPresent()) {
            problems.attempt(cap.path("limit"), () -> builder.assignmentCap(limit.get(), window.get()));
        }
    }

    private void dailyCap(JsonFields cap, Owner.Builder builder) {
        Optional<Integer> limit = cap.item("limit", true).flatMap(value -> JsonFields.integer(value, problems));
        Optional<ZoneId> zone = cap.text("zone", true).flatMap(text -> problems.attempt(cap.path("zone"),
                () -> StrategyReader.zone(text)));
        cap.rejectUnknown("field of a daily cap");
        if (limit.isPresent() && zone.isPresent()) {
            problems.attempt(cap.path("limit"), () -> builder.dailyCap(limit.get(), zone.get()));
        }
    }

    /** Reads one team, whose members must be owners read before it. */
    void team(Item item) {
        JsonFields.of(item, problems).ifPresent(team -> {
            Optional<String> id = team.text("id", true);
            id.ifPresent(value -> declared.team(value, team.path("id")));
            List<String> members = new ArrayList<>();
            team.item("members", true).ifPresent(listed -> {
                List<Item> elements = JsonFields.elements(listed, problems);
                if (listed.node().isArray() && elements.isEmpty()) {
                    problems.add(listed.path(), "must name at least one owner");
                }
                for (Item member : elements) {
                    JsonFields.text(member, problems).filter(ownerId -> declared.knownOwner(ownerId, member.path()))
                            .ifPresent(ownerId -> {
                                if (members.contains(ownerId)) {
                                    problems.add(member.path(), "owner '" + ownerId + "' is listed twice");
                                } else {
                                    members.add(ownerId);
                                }
                            });
                }
            });
            team.rejectUnknown("field of a team");
            id.ifPresent(value -> declared.team(value, members));
        });
    }
}
