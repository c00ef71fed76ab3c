package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Condition;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Overflow;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.strategy.RoundRobin;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overflows in the routing log: the event reads back with the conversation as the overflow left it, which the events
 * after it carry, and the day replays exactly.
 */
class OverflowLogTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Owner ANA = Owner.agent("ana").capacity(1).build();
    private static final Owner BEN = Owner.agent("ben").capacity(1).build();

    private final ManualClock clock = new ManualClock(START);
    private final List<RoutingEvent> seen = new ArrayList<>();

    /** billing (ana) and front-line (ben); billing's policies on its rule, or on its queue. */
    private static Router.Builder desk(boolean byQueue) {
        Overflow[] policies = {Overflow.after(Duration.ofMinutes(1)).raisePriority(), byQueue
                ? Overflow.after(Duration.ofMinutes(2)).moveToQueue("front-line")
                : Overflow.after(Duration.ofMinutes(2)).moveTo("front-line")};
        QueueSpec billing = new QueueSpec("billing", Duration.ofMinutes(10));
        return Router.builder().owner(ANA).owner(BEN).plan(new RoutingPlan(
                List.of(byQueue ? billing.withOverflow(policies) : billing,
                        new QueueSpec("front-line", Duration.ofMinutes(10))),
                List.of(Rule.builder("billing").when(new Condition.Is("type", "billing")).owners("ana")
                                .chain(new RoundRobin()).queue("billing").overflow(byQueue ? new Overflow[0] : policies)
                                .build(),
                        Rule.builder("front-line").owners("ben").chain(new RoundRobin()).queue("front-line")
                                .build())));
    }

    private static Conversation billing(String id) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").type("billing").createdAt(START)
                .build();
    }

    @Test
    void overflowsReadBackAndReplayExactly() throws IOException {
        overflowsReadBackAndReplayExactly(false);
    }

    @Test
    void aQueuesOverflows_readBackAndReplayExactly() throws IOException {
        overflowsReadBackAndReplayExactly(true);
    }

    private void overflowsReadBackAndReplayExactly(boolean byQueue) throws IOException {
        StringWriter log = new StringWriter();
        JsonLinesRecorder recorder = new JsonLinesRecorder(log);
        Router router = desk(byQueue).clock(clock).recorder(seen::add).recorder(recorder).build();
        router.route(billing("c1"));
        router.route(conversation("g1"));
        router.route(billing("c2"));
        for (int minute = 0; minute < 3; minute++) {
            clock.advance(Duration.ofMinutes(1));
            router.tick();
        }
        router.release("g1");
        recorder.close();

        RoutingLog read = RoutingLog.read(new StringReader(log.toString()), "overflows.jsonl", List.of(ANA, BEN));
        Replay replay = Replay.run(read, desk(byQueue));

        assertThat(seen).filteredOn(RoutingEvent.Overflowed.class::isInstance).hasSize(2);
        assertThat(read.events()).isEqualTo(seen);
        assertThat(replay.events()).isEqualTo(read.events());
        assertThat(replay.refusals()).isEmpty();
    }

    @Test
    void aLogWrittenBeforeOverflowsNamedTheirQueue_readsBack_withTheQueueUnknown() throws IOException {
        StringWriter log = new StringWriter();
        JsonLinesRecorder recorder = new JsonLinesRecorder(log);
        Router router = desk(true).clock(clock).recorder(seen::add).recorder(recorder).build();
        router.route(billing("c1"));
        router.route(billing("c2"));
        clock.advance(Duration.ofMinutes(3));
        router.tick();
        recorder.close();
        String older = log.toString().replaceAll(",\"fromQueue\":\"[^\"]*\"", "");

        RoutingLog read = RoutingLog.read(new StringReader(older), "overflows.jsonl", List.of(ANA, BEN));

        RoutingEvent.Overflowed written = (RoutingEvent.Overflowed) seen.stream()
                .filter(RoutingEvent.Overflowed.class::isInstance).findFirst().orElseThrow();
        assertThat(written.fromQueue()).isNotEmpty();
        assertThat(older).doesNotContain("fromQueue");
        assertThat(read.events()).filteredOn(RoutingEvent.Overflowed.class::isInstance).singleElement()
                .isEqualTo(new RoutingEvent.Overflowed(written.at(), written.conversation(), written.fromRule(),
                        written.to(), written.reason()));
    }

    private static Conversation conversation(String id) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").createdAt(START).build();
    }
}
