package dev.switchboard.routing.redis;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Presence;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roster as the live state keeps it in Redis: owners put with their whole definition, their presence, capacity
 * and activity read at one moment. Definitions are cached per instance by version (every put raises it, and each
 * read of the roster carries the versions), so a decision fetches an owner's definition only when it changed.
 */
final class LiveRoster {

    private static final Scripts.Script OWNERS = Scripts.load("owners");

    /** An owner's definition as cached, with its version. */
    private record Definition(long version, Owner owner) {}

    private final OwnerRoster roster;
    private final Scripts scripts;
    private final RedisLink link;
    private final Keys keys;
    private final Duration defaultWrapUp;
    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();

    LiveRoster(OwnerRoster roster, Scripts scripts, RedisLink link, Keys keys, Duration defaultWrapUp) {
        this.roster = roster;
        this.scripts = scripts;
        this.link = link;
        this.keys = keys;
        this.defaultWrapUp = defaultWrapUp;
    }

    boolean hasOwner(String ownerId) {
        return link.call(redis -> redis.exists(keys.owner(Keys.id(ownerId, "ownerId")))) == 1L;
    }

    /** Puts an owner; one already on the roster (a router built on a store that holds state) keeps its presence. */
    void add(Owner owner, Presence presence) {
        roster.put(owner, Keys.notNull(presence, "presence").name(), true, defaultWrapUp);
    }

    void remove(String ownerId) {
        roster.remove(ownerId);
    }

    void setPresence(String ownerId, Presence presence, Instant at) {
        if (!roster.setPresence(ownerId, presence, at)) {
            throw notOnRoster(ownerId);
        }
    }

    void setCapacity(String ownerId, Capacity capacity) {
        Keys.notNull(capacity, "capacity");
        roster.put(owner(require(ownerId)).withCapacity(capacity), "", true, defaultWrapUp);
    }

    /** Every owner on the roster at one moment, in roster order. */
    List<OwnerState> states() {
        return states("");
    }

    /** One owner's state, or empty when it is not on the roster. */
    Optional<OwnerState> state(String ownerId) {
        List<OwnerState> one = states(Keys.id(ownerId, "ownerId"));
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    OwnerState require(String ownerId) {
        return state(ownerId).orElseThrow(() -> notOnRoster(ownerId));
    }

    private List<OwnerState> states(String only) {
        List<Object> reply = scripts.run(OWNERS, ScriptOutputType.MULTI, keys.owners(), List.of(only));
        return parse(reply);
    }

    /** The owners of an {@code owner_states} reply. */
    static List<OwnerState> parse(List<?> reply) {
        List<OwnerState> states = new ArrayList<>(reply.size());
        reply.forEach(entry -> states.add(OwnerState.of((List<?>) entry)));
        return states;
    }

    /** An owner's definition, from the cache when its version is the one read. */
    Owner owner(OwnerState state) {
        Definition cached = definitions.get(state.ownerId());
        if (cached != null && cached.version() == state.definitionVersion()) {
            return cached.owner();
        }
        String data = link.call(redis -> redis.hget(keys.owner(state.ownerId()), "def"));
        if (data == null) {
            throw new IllegalArgumentException("ownerId '" + state.ownerId() + "' is not on the roster");
        }
        Owner owner = OwnerCodec.decode(data);
        definitions.put(state.ownerId(), new Definition(state.definitionVersion(), owner));
        return owner;
    }

    OwnerStatus status(String ownerId) {
        OwnerState state = require(ownerId);
        return state.status(owner(state));
    }

    List<OwnerStatus> statuses() {
        List<OwnerStatus> statuses = new ArrayList<>();
        states().forEach(state -> statuses.add(state.status(owner(state))));
        return statuses;
    }

    /** The owner, if on the roster and it may be offered work at {@code at}: not opted out, and in its hours. */
    Optional<Owner> mayBeOffered(String ownerId, Instant at) {
        return state(ownerId).map(this::owner).filter(owner -> owner.autoAssign()
                && owner.hours().filter(hours -> !hours.isOpen(at)).isEmpty());
    }

    boolean hasRoom(String ownerId, Instant now) {
        Optional<OwnerState> state = state(ownerId);
        if (state.isEmpty()) {
            return false;
        }
        Owner owner = owner(state.get());
        return state.get().presence().mayReceiveWork() && state.get().load() < owner.capacity().total()
                && state.get().heldBack(owner, now) == null;
    }

    static IllegalArgumentException notOnRoster(String ownerId) {
        return new IllegalArgumentException("ownerId '" + ownerId + "' is not on the roster");
    }
}
