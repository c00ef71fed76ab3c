package dev.switchboard.routing;

/**
 * A channel an owner's capacity limits on its own, in the owner's {@link Roster} slot: the limit (at most the total)
 * and the owner's open conversations there, counted under the slot's lock.
 */
final class ChannelRoom {
    final String channel;
    final int limit;
    int load;

    ChannelRoom(String channel, int limit, int load) {
        this.channel = channel;
        this.limit = limit;
        this.load = load;
    }
}
