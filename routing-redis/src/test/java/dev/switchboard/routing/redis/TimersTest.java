package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The timers: a due-time sorted set that hands each due timer to one claimer. */
class TimersTest extends StorePerTest {

    @Test
    void claimsWhatIsDue_earliestFirst_andLeavesWhatIsNot() {
        store.schedule(TimerKind.OFFLINE_GRACE, "ana", T0.plusSeconds(20));
        store.schedule(TimerKind.SLA_BREACH, "c1", T0.plusSeconds(10));
        store.schedule(TimerKind.RESPONSE_DEADLINE, "c2", T0.plusSeconds(30));

        assertThat(store.claimDue(T0.plusSeconds(20), 10)).containsExactly(
                new DueTimer(TimerKind.SLA_BREACH, "c1", T0.plusSeconds(10)),
                new DueTimer(TimerKind.OFFLINE_GRACE, "ana", T0.plusSeconds(20)));
        assertThat(store.claimDue(T0.plusSeconds(20), 10)).isEmpty();
        assertThat(store.claimDue(T0.plusSeconds(30), 10))
                .containsExactly(new DueTimer(TimerKind.RESPONSE_DEADLINE, "c2", T0.plusSeconds(30)));
    }

    @Test
    void claimsAtMostTheLimit_andTheRestLater() {
        for (int i = 0; i < 5; i++) {
            store.schedule(TimerKind.RELAXATION, "c" + i, T0.plusSeconds(i));
        }

        assertThat(store.claimDue(T0.plusSeconds(60), 3)).extracting(DueTimer::subject).containsExactly("c0", "c1",
                "c2");
        assertThat(store.claimDue(T0.plusSeconds(60), 3)).extracting(DueTimer::subject).containsExactly("c3", "c4");
    }

    @Test
    void schedulingAgainMovesTheTimer() {
        store.schedule(TimerKind.SLA_BREACH, "c1", T0);
        store.schedule(TimerKind.SLA_BREACH, "c1", T0.plusSeconds(60));

        assertThat(store.claimDue(T0.plusSeconds(59), 10)).isEmpty();
        assertThat(store.claimDue(T0.plusSeconds(60), 10)).hasSize(1);
    }

    @Test
    void aCancelledTimerDoesNotFire() {
        store.schedule(TimerKind.AGENT_PICK_DEADLINE, "c1", T0);

        assertThat(store.cancel(TimerKind.AGENT_PICK_DEADLINE, "c1")).isTrue();
        assertThat(store.cancel(TimerKind.AGENT_PICK_DEADLINE, "c1")).isFalse();
        assertThat(store.claimDue(T0, 10)).isEmpty();
    }

    @Test
    void aSubjectMayHoldColons() {
        store.schedule(TimerKind.SLA_BREACH, "whatsapp:+4912345", T0);

        assertThat(store.claimDue(T0, 1)).containsExactly(new DueTimer(TimerKind.SLA_BREACH, "whatsapp:+4912345", T0));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> store.claimDue(T0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be positive, was 0");
    }
}
