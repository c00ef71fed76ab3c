package dev.switchboard.routing.redis;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The key layout of one tenant: every key starts with {@code <prefix>:{<tenant>}:}, so that Redis Cluster hashes
 * only the tenant (the part in braces) and keeps all of a tenant's keys in one slot, where a script may touch any of
 * them atomically. The scripts build the keys below from that start (see {@code lib.lua}); Java names only the one
 * key each script is routed by. Also the argument checks of this package.
 */
final class Keys {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final String start;

    Keys(String prefix, String tenant) {
        this.start = name(prefix, "prefix") + ":{" + name(tenant, "tenant") + "}:";
    }

    /** What every key of the tenant starts with: {@code <prefix>:{<tenant>}:}. */
    String start() {
        return start;
    }

    /** An owner's hash: presence, capacity, loads, max seen load, fairness cap, last assignment. */
    String owner(String ownerId) {
        return start + "owner:" + ownerId;
    }

    /** A conversation's place (owner or queue) and its data. */
    String conversation(String conversationId) {
        return start + "conv:" + conversationId;
    }

    /** The waiting conversations of one queue, in serve order. */
    String queue(String queue) {
        return start + "queue:" + queue;
    }

    /** Every waiting conversation of every queue, in serve order. */
    String waiting() {
        return start + "waiting";
    }

    /** The due-time sorted set of every timer. */
    String timers() {
        return start + "timers";
    }

    /** The roster: owner ids by the order they joined. */
    String owners() {
        return start + "owners";
    }

    /** One scope's cursors: {@code p:<key>} its position and {@code v:<key>} its version. */
    String cursors(String scope) {
        return start + "cursors:" + scope;
    }

    /** A customer's memory of its previous owner (expires). */
    String memory(String customer) {
        return start + "memory:" + customer;
    }

    /** An identity's record: the customer (root) it belongs to, and for a root when it was first seen. */
    String identity(String identity) {
        return start + "identity:" + identity;
    }

    /** A customer's primary owner, with how many conversations in a row its last owner served (expires). */
    String primary(String customer) {
        return start + "primary:" + customer;
    }

    /** The conversation a name (an id that joined it) stands for. */
    String alias(String name) {
        return start + "alias:" + name;
    }

    /** The names (ids that joined it) of a conversation. */
    String aliases(String conversationId) {
        return start + "aliases:" + conversationId;
    }

    /** The offers that stand, by expiry, then by the order they were made. */
    String offers() {
        return start + "offers";
    }

    /** The response deadlines of owned conversations, by due time (epoch ms). */
    String deadlines() {
        return start + "deadlines";
    }

    /** The conversations that owners may be left out of (lapsed, or passed over). */
    String leftOut() {
        return start + "leftout";
    }

    /** The owners passed over for a conversation. */
    String passed(String conversationId) {
        return start + "passed:" + conversationId;
    }

    /** The owners that let a conversation's response deadline lapse, in order. */
    String lapses(String conversationId) {
        return start + "lapses:" + conversationId;
    }

    /** A customer's placed conversations. */
    String placed(String customer) {
        return start + "placed:" + customer;
    }

    /** A prefix or tenant: letters, digits, dot, underscore and dash, so that no brace or colon can move the tag. */
    static String name(String value, String field) {
        id(value, field);
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be letters, digits, '.', '_' or '-', was '" + value
                    + "'");
        }
        return value;
    }

    static String id(String value, String field) {
        if (notNull(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** A duration of at least a millisecond, the precision Redis keeps. */
    static Duration positive(Duration value, String field) {
        if (notNull(value, field).isNegative() || value.toMillis() == 0) {
            throw new IllegalArgumentException(field + " must be at least a millisecond, was " + value);
        }
        return value;
    }

    static Duration notNegative(Duration value, String field) {
        if (notNull(value, field).isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
