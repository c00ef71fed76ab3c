package dev.switchboard.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An owner's live state at one moment.
 *
 * @param owner the owner, with its current capacity
 * @param presence its presence
 * @param load its open conversations across all channels, those offered to it and not yet accepted included (an
 *     offer reserves the owner's room, see {@link OfferPolicy})
 * @param loadByChannel its open conversations per channel (channels with none are absent), offers included, by
 *     channel name
 * @param conversationIds the ids of its open conversations, oldest assignment first, offers included (see
 *     {@link Placement.Offered} for where a conversation is)
 * @param lastAssignedAt when it was last given a conversation, or {@link Instant#MIN} if never
 */
public record OwnerStatus(
        Owner owner,
        Presence presence,
        int load,
        Map<String, Integer> loadByChannel,
        List<String> conversationIds,
        Instant lastAssignedAt) {

    public OwnerStatus {
        Checks.notNull(owner, "owner");
        Checks.notNull(presence, "presence");
        loadByChannel = Checks.byKey(Checks.notNull(loadByChannel, "loadByChannel"));
        conversationIds = List.copyOf(Checks.notNull(conversationIds, "conversationIds"));
        Checks.notNull(lastAssignedAt, "lastAssignedAt");
    }

    /** How many more conversations it may take on a channel. */
    public int freeCapacityOn(String channel) {
        return owner.capacity().freeOn(channel, load, loadByChannel.getOrDefault(channel, 0));
    }
}
