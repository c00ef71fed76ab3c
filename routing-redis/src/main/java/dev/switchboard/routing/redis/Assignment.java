package dev.switchboard.routing.redis;

import dev.switchboard.routing.Conversation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A decision to commit with {@link RedisRoutingStore#commit}: give a conversation to an owner at an instant, if what
 * the decision read still holds. Build one with {@link #of}, then say where the conversation waits (if it does) and
 * which cursors the decision read and moves. Immutable; each {@code with} method returns a new assignment.
 *
 * @param conversation the conversation decided
 * @param ownerId the owner chosen
 * @param at when the decision was made
 * @param fromQueue the queue the decision found the conversation waiting in, or empty when it must be in no place
 * @param cursorScope the scope (a rule) of the cursors read and moved
 * @param readVersions each cursor the decision read, with the version it read (see {@link Cursor#version()})
 * @param moves each cursor to move, with its new position
 */
public record Assignment(Conversation conversation, String ownerId, Instant at, String fromQueue,
        String cursorScope, Map<String, Long> readVersions, Map<String, Long> moves) {

    public Assignment {
        Keys.notNull(conversation, "conversation");
        Keys.id(ownerId, "ownerId");
        Keys.notNull(at, "at");
        Keys.notNull(fromQueue, "fromQueue (empty for a conversation in no place)");
        Keys.id(cursorScope, "cursorScope");
        readVersions = copy(readVersions, "readVersions");
        moves = copy(moves, "moves");
    }

    /** A conversation in no place given to an owner, reading and moving no cursor (scope {@code default}). */
    public static Assignment of(Conversation conversation, String ownerId, Instant at) {
        return new Assignment(conversation, ownerId, at, "", "default", Map.of(), Map.of());
    }

    /** This assignment of a conversation that the decision found waiting in {@code queue}. */
    public Assignment fromQueue(String queue) {
        return new Assignment(conversation, ownerId, at, Keys.id(queue, "fromQueue"), cursorScope, readVersions,
                moves);
    }

    /** This assignment, having read {@code readVersions} and moving {@code moves} in a cursor scope. */
    public Assignment withCursors(String scope, Map<String, Long> readVersions, Map<String, Long> moves) {
        return new Assignment(conversation, ownerId, at, fromQueue, scope, readVersions, moves);
    }

    private static Map<String, Long> copy(Map<String, Long> cursors, String field) {
        Keys.notNull(cursors, field);
        Map<String, Long> copy = new HashMap<>();
        cursors.forEach((key, value) -> copy.put(Keys.id(key, field + " key"), Keys.notNull(value, field + "[" + key
                + "]")));
        return Map.copyOf(copy);
    }
}
