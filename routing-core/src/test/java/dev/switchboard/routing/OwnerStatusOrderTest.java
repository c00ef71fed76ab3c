package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An owner's load by channel, as {@link Router#roster()} and {@link Router#ownerStatus} answer it, iterates by channel
 * name: a host that lists or serialises it (as JSON, say) gets the same bytes on every JVM.
 */
class OwnerStatusOrderTest {

    @Test
    void loadByChannel_iteratesByChannelName_notInACopiedMapsOrder() {
        Map<String, Integer> load = Map.of("whatsapp", 1, "chat", 1, "email", 1, "phone", 1, "instagram", 1,
                "sms", 1);

        OwnerStatus status = new OwnerStatus(TestStrategies.agent("ana", 6), Presence.ONLINE, 6, load, List.of(),
                Instant.MIN);

        assertThat(status.loadByChannel().keySet()).containsExactly("chat", "email", "instagram", "phone", "sms",
                "whatsapp");
        assertThat(status.loadByChannel()).isEqualTo(load);
    }
}
