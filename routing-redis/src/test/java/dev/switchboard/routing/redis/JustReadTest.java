package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Placement;
import dev.switchboard.routing.WaitingConversation;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A drain's check that the conversation it just read still waits is answered by that read only while the thread made
 * no other call to Redis since: after any other call, on this instance or another store, the place is read again.
 */
class JustReadTest extends TwoInstancesPerTest {

    private final WaitingConversation entry = new WaitingConversation(chat("c1"), "front", "nobody free", T0,
            T0.plusSeconds(900));

    @BeforeEach
    void oneWaits() {
        live.enqueue(entry);
    }

    @Test
    void theCheckRightAfterTheRead_isAnsweredByIt_withoutARoundTrip() {
        assertThat(live.waitingAfter(Optional.empty())).contains(entry);

        long before = REDIS.scriptCalls();
        assertThat(live.placement("c1")).contains(new Placement.Waiting(entry));
        assertThat(REDIS.scriptCalls()).isEqualTo(before);
    }

    @Test
    void afterAnotherCall_theCheckReadsAgain_andSeesWhatAnotherInstanceDid() {
        assertThat(live.waitingAfter(Optional.empty())).contains(entry);
        other.dequeue("c1");
        other.forget("c1");

        assertThat(live.hasWaiting()).isFalse(); // any call of this thread to Redis ends what the read answers

        assertThat(live.placement("c1")).isEmpty();
    }

    @Test
    void aCallOnAnotherStoreOfTheThread_endsItToo() {
        assertThat(live.waitingAfter(Optional.empty())).contains(entry);
        other.dequeue("c1");
        other.forget("c1"); // the other store's calls on this thread

        assertThat(live.placement("c1")).isEmpty();
    }

    @Test
    void theCheckOfAnotherConversation_orASecondCheck_readsTheStore() {
        assertThat(live.waitingAfter(Optional.empty())).contains(entry);

        assertThat(live.placement("c2")).isEmpty();
        long before = REDIS.scriptCalls();
        assertThat(live.placement("c1")).contains(new Placement.Waiting(entry));
        assertThat(REDIS.scriptCalls()).isEqualTo(before + 1);
    }
}
