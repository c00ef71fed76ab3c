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

    /**
     * Whether an owner is at its own limit on one of the channels it limits: only then can its room on a channel be
     * less than its room in total, so only then must a decision look at its slot to tell whether it has room.
     */
    static boolean anyAtLimit(ChannelRoom[] limitedChannels) {
        for (ChannelRoom limited : limitedChannels) {
            if (limited.load >= limited.limit) {
                return true;
            }
        }
        return false;
    }
}
