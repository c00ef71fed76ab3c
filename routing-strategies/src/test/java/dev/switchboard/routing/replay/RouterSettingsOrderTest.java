package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.Priority;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Replay's router settings list their response deadlines and identity keys in enum order, whatever order they were
 * set in: a copied map or set would list them in an order that changes from one JVM to the next.
 */
class RouterSettingsOrderTest {

    @Test
    void deadlinesAndIdentityKeys_areListedInEnumOrder_notInTheOrderTheyWereSet() {
        RouterSettings settings = RouterSettings.builder().responseDeadline(Priority.URGENT, Duration.ofMinutes(1))
                .responseDeadline(Priority.LOW, Duration.ofMinutes(30))
                .responseDeadline(Priority.HIGH, Duration.ofMinutes(5))
                .responseDeadline(Priority.NORMAL, Duration.ofMinutes(15))
                .linkIdentitiesBy(IdentityKey.PHONE, IdentityKey.EMAIL).build();

        assertThat(settings.responseDeadlines().keySet()).containsExactly(Priority.LOW, Priority.NORMAL,
                Priority.HIGH, Priority.URGENT);
        assertThat(settings.linkIdentitiesBy()).containsExactly(IdentityKey.EMAIL, IdentityKey.PHONE);
        assertThat(settings.toString()).contains("responseDeadlines={LOW=PT30M, NORMAL=PT15M, HIGH=PT5M, URGENT=PT1M}",
                "linkIdentitiesBy=[EMAIL, PHONE]");
    }
}
