package dev.switchboard.routing.redis;

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

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
