package dev.switchboard.routing.redis;

import dev.switchboard.routing.AssignmentCap;
import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The owners on the roster: what the scripts need of each (presence, capacity, fairness cap) and their loads. */
final class OwnerRoster {

    private static final Scripts.Script PUT = Scripts.load("put-owner");
    private static final Scripts.Script PRESENCE = Scripts.load("set-presence");
    private static final Scripts.Script REMOVE = Scripts.load("remove-owner");
    private static final Scripts.Script STATUS = Scripts.load("owner-status");

    private final Scripts scripts;
    private final RedisLink link;
    private final Keys keys;

    OwnerRoster(Scripts scripts, RedisLink link, Keys keys) {
        this.scripts = scripts;
        this.link = link;
        this.keys = keys;
    }

    void put(Owner owner, Presence presence) {
        put(owner, Keys.notNull(presence, "presence").name(), false, Duration.ZERO);
    }

    /**
     * Puts an owner's definition, capacity and fairness cap, with its presence ({@code ""} keeps it, and so does
     * {@code keepPresence} for an owner already on the roster) and the wrap-up that follows each of its releases.
     */
    void put(Owner owner, String presence, boolean keepPresence, Duration wrapUp) {
        Keys.notNull(owner, "owner");
        Optional<AssignmentCap> cap = owner.assignmentCap();
        List<String> args = new ArrayList<>(List.of(owner.id(), presence,
                Integer.toString(owner.capacity().total()),
                cap.map(value -> Integer.toString(value.limit())).orElse(""),
                cap.map(value -> Long.toString(value.window().toMillis())).orElse(""),
                OwnerCodec.encode(owner), Long.toString(owner.wrapUp().orElse(wrapUp).toMillis()),
                keepPresence ? "1" : "0"));
        owner.capacity().perChannel().forEach((channel, limit) -> {
            args.add(channel);
            args.add(Integer.toString(limit));
        });
        scripts.run(PUT, ScriptOutputType.INTEGER, keys.owner(owner.id()), args);
    }

    boolean setPresence(String ownerId, Presence presence, Instant at) {
        Keys.notNull(presence, "presence");
        Keys.notNull(at, "at");
        Long set = scripts.run(PRESENCE, ScriptOutputType.INTEGER, keys.owner(Keys.id(ownerId, "ownerId")),
                List.of(presence.name(), at.toString()));
        return set == 1L;
    }

    void remove(String ownerId) {
        String result = scripts.run(REMOVE, ScriptOutputType.VALUE, keys.owner(Keys.id(ownerId, "ownerId")),
                List.of(ownerId));
        switch (result) {
            case "GONE" -> throw new IllegalArgumentException("ownerId '" + ownerId + "' is not on the roster");
            case "HOLDS" -> throw new IllegalStateException("owner '" + ownerId + "' still holds conversations");
            default -> { }
        }
    }

    Optional<OwnerLoad> load(String ownerId) {
        List<Object> reply = scripts.run(STATUS, ScriptOutputType.MULTI, keys.owner(Keys.id(ownerId, "ownerId")),
                List.of());
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = Replies.fields((List<?>) reply.get(0));
        Map<String, Integer> limits = new HashMap<>();
        Map<String, Integer> loads = new HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("limit:")) {
                limits.put(field.substring(6), Integer.parseInt(value));
            } else if (field.startsWith("load:") && Integer.parseInt(value) != 0) {
                loads.put(field.substring(5), Integer.parseInt(value));
            }
        });
        List<String> conversations = new ArrayList<>();
        ((List<?>) reply.get(1)).forEach(id -> conversations.add((String) id));
        return Optional.of(new OwnerLoad(ownerId, Presence.valueOf(fields.get("presence")),
                new Capacity(Integer.parseInt(fields.get("total")), limits), Integer.parseInt(fields.get("load")),
                loads, Integer.parseInt(fields.get("maxload")), conversations));
    }

    List<String> ownerIds() {
        return List.copyOf(link.call(redis -> redis.zrange(keys.owners(), 0, -1)));
    }

    /** How many conversations an owner with a fairness cap received in the window {@code (at - window, at]}. */
    long assignmentsInWindow(String ownerId, AssignmentCap cap, Instant at) {
        Keys.notNull(cap, "cap");
        long now = at.toEpochMilli();
        return link.call(redis -> redis.zcount(keys.owner(Keys.id(ownerId, "ownerId")) + ":cap",
                Range.from(Range.Boundary.excluding(now - cap.window().toMillis()), Range.Boundary.including(now))));
    }
}
