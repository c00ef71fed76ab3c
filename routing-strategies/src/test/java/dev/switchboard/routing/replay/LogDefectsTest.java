package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.strategy.RoundRobin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing log's defects of issue 12 (item 7), each pinned by the test named after it. */
class LogDefectsTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Owner ANA = Owner.agent("ana").capacity(1).build();
    private static final String HEADER = "{\"type\":\"header\",\"schema\":2,\"format\":\"switchboard-routing-log\"}";
    private static final String ROSTER = "{\"at\":\"2026-03-02T08:00:00Z\",\"type\":\"roster\",\"presences\":{\"ana\":\"online\"}}";

    private final ManualClock clock = new ManualClock(START);

    private Router.Builder desk() {
        return Router.builder().owner(ANA).chain(new RoundRobin()).fallbackQueue("waiting", Duration.ofMinutes(5))
                .clock(clock);
    }

    private static Conversation conversation(String id) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").createdAt(START).build();
    }

    @Test
    void loneSurrogateInAnIdNoLongerBreaksTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("day.jsonl");
        List<RoutingEvent> seen = new ArrayList<>();
        JsonLinesRecorder recorder = JsonLinesRecorder.toFile(file);
        Router router = desk().recorder(seen::add).recorder(recorder).build();
        router.route(conversation("c0"));
        router.route(conversation("c\uD800"));
        for (int i = 1; i <= 1000; i++) {
            router.route(conversation("c" + i));
            router.release("c" + (i - 1));
        }

        recorder.close();

        assertThat(recorder.droppedLines()).isZero();
        assertThat(Files.readString(file)).contains("\"c\\ud800\"");
        assertThat(RoutingLog.read(file, List.of(ANA)).events()).isEqualTo(seen);
    }

    @Test
    void textBesideSurrogates_isWrittenAsItIs_andSurrogatesEscaped_andReadsBackEqual(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("day.jsonl");
        List<RoutingEvent> seen = new ArrayList<>();
        JsonLinesRecorder recorder = JsonLinesRecorder.toFile(file);
        Router router = desk().recorder(seen::add).recorder(recorder).build();
        router.route(Conversation.builder("c-jos\u00e9").customer("jos\u00e9 \uD83D\uDE00 \"quoted\"\t")
                .channel("chat").createdAt(START).build());

        recorder.close();

        String written = Files.readString(file);
        assertThat(written).contains("\"c-jos\u00e9\"", "jos\u00e9 \\ud83d\\ude00 \\\"quoted\\\"\\t");
        assertThat(RoutingLog.read(file, List.of(ANA)).events()).isEqualTo(seen);
    }

    @Test
    void twoLinesMergedByALostNewlineAreRefusedWithTheLineNumber() {
        String merged = ROSTER + "{\"at\":\"2026-03-02T08:00:01Z\",\"type\":\"tick\"}";

        assertThatThrownBy(() -> read(HEADER + "\n" + merged)).isInstanceOfSatisfying(LogException.class,
                error -> assertThat(error.line()).isEqualTo(2))
                .hasMessage("day.jsonl line 2: more after the line's JSON object, from column " + (ROSTER.length() + 1)
                        + ": two lines merged by a lost newline, or trailing garbage");
    }

    @Test
    void trailingGarbageIsRefusedWithTheLineNumber() {
        assertThatThrownBy(() -> read(HEADER + "\n" + ROSTER + " xyz")).isInstanceOf(LogException.class)
                .hasMessageStartingWith("day.jsonl line 2: more after the line's JSON object");
    }

    @Test
    void duplicateKeyIsRefusedWithTheLineNumber() {
        String duplicate = "{\"at\":\"2026-03-02T08:00:00Z\",\"at\":\"2026-03-02T09:00:00Z\",\"type\":\"tick\"}";

        assertThatThrownBy(() -> read(HEADER + "\n" + ROSTER + "\n" + duplicate)).isInstanceOf(LogException.class)
                .hasMessageStartingWith("day.jsonl line 3: not valid JSON").hasMessageContaining("Duplicate field 'at'");
    }

    @Test
    void timeGoingBackwardsIsRefusedWithTheLineNumber() {
        String earlier = "{\"at\":\"2026-03-02T07:59:59Z\",\"type\":\"tick\"}";

        assertThatThrownBy(() -> read(HEADER + "\n" + ROSTER + "\n" + earlier)).isInstanceOf(LogException.class)
                .hasMessage("day.jsonl line 3: time goes backwards: 2026-03-02T07:59:59Z is before"
                        + " 2026-03-02T08:00:00Z, the instant of the line before");
    }

    @Test
    void instantInYear2400IsRefusedWithTheLineNumber() {
        String future = "{\"at\":\"2400-03-02T08:00:00Z\",\"type\":\"tick\"}";

        assertThatThrownBy(() -> read(HEADER + "\n" + ROSTER + "\n" + future)).isInstanceOf(LogException.class)
                .hasMessage("day.jsonl line 3: field 'at' must be from 1970-01-01T00:00:00Z to before"
                        + " 2262-01-01T00:00:00Z (what a count of nanoseconds since the epoch holds), was"
                        + " '2400-03-02T08:00:00Z'");
    }

    @Test
    void malformedUtf8ByteIsRefusedOnItsOwnLine(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\n" + ROSTER + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 500; i++) {
            bytes.writeBytes("{\"at\":\"2026-03-02T08:00:00Z\",\"type\":\"tick\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("{\"at\":\"2026-03-02T08:00:00Z\",\"type\":\"release\",\"conversation\":\"c".getBytes(
                StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("day.jsonl"), bytes.toByteArray());

        assertThatThrownBy(() -> RoutingLog.read(file, List.of(ANA))).isInstanceOfSatisfying(LogException.class,
                error -> assertThat(error.line()).isEqualTo(503))
                .hasMessageEndingWith("line 503: not valid UTF-8 (a damaged file, or one written in another encoding)");
    }

    @Test
    void replayWhoseOutcomesDifferFromTheRecordedLinesReportsTheDivergence() throws IOException {
        StringWriter text = new StringWriter();
        JsonLinesRecorder recorder = new JsonLinesRecorder(text);
        Router router = desk().recorder(recorder).build();
        router.route(conversation("c1"));
        router.route(conversation("c2"));
        recorder.close();
        RoutingLog log = RoutingLog.read(new StringReader(text.toString()), "day.jsonl", List.of(ANA));

        Replay same = Replay.run(log, desk());
        Replay other = Replay.run(log, Router.builder().owner(Owner.agent("ana").capacity(2).build())
                .chain(new RoundRobin()).fallbackQueue("waiting", Duration.ofMinutes(5)));

        assertThat(same.divergence().isEmpty()).isTrue();
        // line 6 recorded c2 queued (ana was full); with capacity 2 it is assigned to ana
        assertThat(other.divergence().count()).isEqualTo(1);
        Divergence.Difference difference = other.divergence().first().get(0);
        assertThat(difference.line()).isEqualTo(6);
        assertThat(difference.recorded()).get().isInstanceOf(RoutingEvent.Queued.class);
        assertThat(difference.replayed()).get().isInstanceOf(RoutingEvent.Assigned.class);
    }

    private static RoutingLog read(String text) throws IOException {
        return RoutingLog.read(new StringReader(text), "day.jsonl", List.of(ANA));
    }
}
