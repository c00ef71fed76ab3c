package dev.switchboard.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * How many open conversations an owner may hold: in total, and optionally fewer on given channels
 * (for example five chats but only one phone call). A channel without its own limit is bounded by the total.
 *
 * @param total the most open conversations across all channels, zero or more
 * @param perChannel channel name (lower case) to its own limit, each zero or more, by name
 */
public record Capacity(int total, Map<String, Integer> perChannel) {

    public Capacity {
        Checks.nonNegative(total, "capacity.total");
        Checks.notNull(perChannel, "capacity.perChannel");
        Map<String, Integer> normalised = new HashMap<>();
        perChannel.forEach((channel, limit) -> {
            String key = Checks.key(channel, "capacity.perChannel channel");
            Checks.notNull(limit, "capacity.perChannel[" + key + "]");
            normalised.put(key, Checks.nonNegative(limit, "capacity.perChannel[" + key + "]"));
        });
        perChannel = Checks.byKey(normalised);
    }

    /** A total limit with no per-channel limits. */
    public static Capacity of(int total) {
        return new Capacity(total, Map.of());
    }

    /** This capacity with a limit of its own on one channel. */
    public Capacity withChannel(String channel, int limit) {
        Map<String, Integer> limits = new HashMap<>(perChannel);
        limits.put(Checks.key(channel, "channel"), limit);
        return new Capacity(total, limits);
    }

    /**
     * How many more conversations fit on a channel, given the open conversations in total and on that channel: the
     * room left under the total and under the channel's limit, whichever is smaller, and never negative.
     */
    public int freeOn(String channel, int load, int loadOnChannel) {
        return Math.max(0, Math.min(total - load, limitOn(channel) - loadOnChannel));
    }

    /** The limit that applies on a channel: its own limit when it has one, never more than the total. */
    public int limitOn(String channel) {
        Integer own = perChannel.get(Checks.notNull(channel, "channel"));
        return own == null ? total : Math.min(own, total);
    }

    /** A load as a share of the total: 1.0 when full; a capacity of zero counts as fully used. */
    public double utilisation(int load) {
        return utilisation(load, total);
    }

    /** A load as a share of a total capacity, where a capacity of zero counts as fully used. */
    static double utilisation(int load, int total) {
        return total == 0 ? 1.0 : (double) load / total;
    }
}
