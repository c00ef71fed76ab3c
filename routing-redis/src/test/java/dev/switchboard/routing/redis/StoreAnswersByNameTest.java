package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Presence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The store's answers that hold maps (an owner's load by channel, a scope's cursors) iterate by name: a copied map, or
 * a Redis hash's fields, come in an order that changes from one JVM, or one hash, to the next.
 */
class StoreAnswersByNameTest {

    private static final List<String> NAMES = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot");

    @Test
    void anOwnersLoadByChannel_iteratesByChannelName() {
        OwnerLoad load = new OwnerLoad("ana", Presence.ONLINE, Capacity.of(9), 6, Map.of("foxtrot", 1, "bravo", 1,
                "echo", 1, "alpha", 1, "delta", 1, "charlie", 1), 6, List.of());

        assertThat(load.loadByChannel().keySet()).containsExactlyElementsOf(NAMES);
    }

    @Test
    void aScopesCursors_iterateByKey() {
        Map<String, String> fields = new HashMap<>();
        for (String key : List.of("foxtrot", "bravo", "echo", "alpha", "delta", "charlie")) {
            fields.put("p:" + key, "1");
            fields.put("v:" + key, "1");
        }

        assertThat(Cursor.parse(fields).keySet()).containsExactlyElementsOf(NAMES);
    }
}
