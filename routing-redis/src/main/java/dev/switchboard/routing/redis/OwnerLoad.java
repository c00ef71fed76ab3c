package dev.switchboard.routing.redis;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Presence;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An owner's state in the store at one moment.
 *
 * @param ownerId the owner
 * @param presence its presence
 * @param capacity its capacity
 * @param load its open conversations
 * @param loadByChannel its open conversations per channel (channels with none are absent), by channel name
 * @param maxSeenLoad the highest load it ever had, kept by the commit script: never above its capacity while the
 *     capacity was not lowered
 * @param conversationIds its open conversations, oldest assignment first
 */
public record OwnerLoad(String ownerId, Presence presence, Capacity capacity, int load,
        Map<String, Integer> loadByChannel, int maxSeenLoad, List<String> conversationIds) {

    public OwnerLoad {
        Keys.id(ownerId, "ownerId");
        Keys.notNull(presence, "presence");
        Keys.notNull(capacity, "capacity");
        loadByChannel = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(Keys.notNull(loadByChannel,
                "loadByChannel"))));
        conversationIds = List.copyOf(Keys.notNull(conversationIds, "conversationIds"));
    }
}
