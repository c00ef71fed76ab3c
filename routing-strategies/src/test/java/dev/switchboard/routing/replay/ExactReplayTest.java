package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A log that carries its configuration and settings rebuilds the router it was recorded from. */
class ExactReplayTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private static final String DESK = """
            {
              "owners": [{"id": "ana", "capacity": 1}, {"id": "ben", "capacity": 2}],
              "teams": [{"id": "desk", "members": ["ana", "ben"]}],
              "queues": [{"id": "desk", "sla": "PT15M"}, {"id": "review", "sla": "PT4H"}],
              "rules": [
                {"id": "desk", "when": {"channel": "chat"}, "then": {"team": "desk", "queue": "desk", "chain": [{"type": "%s"}]}},
                {"id": "review", "then": {"queue": "review"}}
              ]
            }
            """;
    private static final RoutingConfig ROUND_ROBIN = RoutingConfig.load(DESK.formatted("round-robin"));
    private static final RoutingConfig LEAST_LOADED = RoutingConfig.load(DESK.formatted("least-loaded"));
    private static final RouterSettings SETTINGS = RouterSettings.builder().priorityAging(Duration.ofMinutes(10))
            .offlineGrace(Duration.ofMinutes(2)).customerMemory(1000, Duration.ofDays(1))
            .responseDeadline(Priority.URGENT, Duration.ofMinutes(3)).responseReview(1, "review")
            .oneConversationPerCustomer(false).linkIdentitiesBy(IdentityKey.EMAIL).wrapUp(Duration.ofSeconds(30))
            .serveByLastActivity(true).build();

    private final ManualClock clock = new ManualClock(START);
    private final StringWriter text = new StringWriter();
    private final List<RoutingEvent> seen = new ArrayList<>();

    private static Conversation conversation(String id, Priority priority) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").priority(priority)
                .attribute("email", id + "@example.com").createdAt(START).build();
    }

    private void route(Router router, int from, int to) {
        for (int i = from; i < to; i++) {
            router.route(conversation("c" + i, i % 3 == 0 ? Priority.URGENT : Priority.NORMAL));
            clock.advance(Duration.ofMinutes(1));
            router.tick();
            if (i % 2 == 1) {
                router.release("c" + (i - 1));
            }
        }
    }

    @Test
    void headerCarriesTheConfigurationAndSettingsSoTheLogRebuildsItsRouter() throws IOException {
        JsonLinesRecorder recorder = new JsonLinesRecorder(text, ROUND_ROBIN, SETTINGS);
        Router router = SETTINGS.routerBuilder(ROUND_ROBIN, Map.of("ben", Presence.AWAY)).clock(clock)
                .recorder(seen::add).recorder(recorder).build();
        route(router, 0, 6);
        router.setPresence("ben", Presence.ONLINE);
        route(router, 6, 9);
        recorder.close();

        RoutingLog log = RoutingLog.read(new StringReader(text.toString()), "day.jsonl", ROUND_ROBIN.owners());
        Replay replay = Replay.recorded(log);

        assertThat(log.configuration()).contains(ROUND_ROBIN);
        assertThat(log.settings()).isEqualTo(SETTINGS);
        assertThat(replay.events()).isEqualTo(seen);
        assertThat(replay.refusals()).isEmpty();
        assertThat(replay.divergence().isEmpty()).isTrue();
    }

    @Test
    void planReplacementIsRecordedSoALogCanSpanARuleChange() throws IOException {
        JsonLinesRecorder recorder = new JsonLinesRecorder(text, ROUND_ROBIN, RouterSettings.NONE);
        Router router = RouterSettings.NONE.routerBuilder(ROUND_ROBIN).clock(clock).recorder(seen::add)
                .recorder(recorder).build();
        route(router, 0, 4);
        recorder.replacingPlan(LEAST_LOADED);
        router.replacePlan(LEAST_LOADED.plan());
        route(router, 4, 8);
        recorder.close();

        RoutingLog log = RoutingLog.read(new StringReader(text.toString()), "day.jsonl", ROUND_ROBIN.owners());
        Replay replay = Replay.recorded(log);

        assertThat(text.toString()).contains("\"type\":\"replace-plan\",\"configuration\":");
        assertThat(replay.divergence().isEmpty()).isTrue();
        assertThat(replay.refusals()).isEmpty();
        assertThat(replay.events()).filteredOn(RoutingEvent.Assigned.class::isInstance)
                .extracting(event -> ((RoutingEvent.Assigned) event).strategy())
                .containsSubsequence("round-robin", "least-loaded");
    }

    @Test
    void planReplacementTheRecorderWasNotToldOfStopsTheReadAtItsLine() throws IOException {
        JsonLinesRecorder recorder = new JsonLinesRecorder(text, ROUND_ROBIN, RouterSettings.NONE);
        Router router = ROUND_ROBIN.routerBuilder().clock(clock).recorder(recorder).build();
        router.replacePlan(LEAST_LOADED.plan());
        recorder.close();

        assertThatThrownBy(() -> RoutingLog.read(new StringReader(text.toString()), "day.jsonl", List.of()))
                .isInstanceOfSatisfying(LogException.class, error -> assertThat(error.line()).isEqualTo(3))
                .hasMessageContaining("this plan replacement was recorded without its configuration");
    }

    @Test
    void logWithoutConfigurationCannotRebuildItsRouter() throws IOException {
        new JsonLinesRecorder(text).close();
        RoutingLog log = RoutingLog.read(new StringReader(text.toString()), "day.jsonl", List.of());

        assertThatThrownBy(() -> Replay.recorded(log)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("day.jsonl: the header names no configuration");
    }
}
