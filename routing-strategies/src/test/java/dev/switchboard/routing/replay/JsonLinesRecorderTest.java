package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.event.RoutingEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The recorder's lines as it streams them: whole, exact, and every one of them. */
class JsonLinesRecorderTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00.250Z");

    private final StringWriter log = new StringWriter();

    private static RoutingEvent release(Instant at, String conversation) {
        return new RoutingEvent.Input(at, new RouterInput.Release(conversation));
    }

    private List<String> lines() {
        return log.toString().lines().toList();
    }

    @Test
    void writesEachLineWithItsTerminatorAndNothingBetweenLines() throws IOException {
        try (JsonLinesRecorder recorder = new JsonLinesRecorder(log)) {
            recorder.onEvent(release(AT, "c1"));
            recorder.onEvent(new RoutingEvent.Input(AT, new RouterInput.Tick()));
        }

        assertThat(log.toString()).endsWith("\n{\"at\":\"2026-03-02T08:00:00.250Z\",\"type\":\"release\",\"conversation\":\"c1\"}"
                + "\n{\"at\":\"2026-03-02T08:00:00.250Z\",\"type\":\"tick\"}\n");
    }

    @Test
    void writesAnInstantBefore1970AsInstantToStringDoes() throws IOException {
        Instant before = Instant.parse("1969-12-31T23:59:59.5Z");
        try (JsonLinesRecorder recorder = new JsonLinesRecorder(log)) {
            recorder.onEvent(release(before, "c1"));
        }

        assertThat(lines()).last().isEqualTo("{\"at\":\"1969-12-31T23:59:59.500Z\",\"type\":\"release\",\"conversation\":\"c1\"}");
    }

    @Test
    void aLineAfterOneTheOutputRefusedIsWrittenWhole() throws IOException {
        StringWriter written = new StringWriter();
        Writer failingOnce = new Writer() {
            private int writes;

            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                if (++writes == 2) {
                    throw new IOException("disk full, for a moment");
                }
                written.write(buffer, offset, length);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        try (JsonLinesRecorder recorder = new JsonLinesRecorder(failingOnce)) {
            recorder.onEvent(release(AT, "c1"));
            recorder.onEvent(release(AT, "c2"));

            assertThat(recorder.droppedLines()).isEqualTo(1);
        }

        List<String> lines = written.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("{\"at\":\"2026-03-02T08:00:00.250Z\",\"type\":\"release\",\"conversation\":\"c2\"}");
    }

    @Test
    void linesFromSeveralThreadsAtOnceAreEachWrittenWholeAndNoneIsLost() throws Exception {
        int threads = 4;
        int perThread = 500;
        JsonLinesRecorder recorder = new JsonLinesRecorder(log);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    recorder.onEvent(release(AT.plusSeconds(i), "t" + thread + "-c" + i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        recorder.close();

        List<String> lines = lines();
        assertThat(recorder.droppedLines()).isZero();
        assertThat(lines).hasSize(1 + threads * perThread);
        for (int t = 0; t < threads; t++) {
            String prefix = "\"t" + t + "-c";
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                expected.add("{\"at\":\"" + AT.plusSeconds(i) + "\",\"type\":\"release\",\"conversation\":" + prefix + i
                        + "\"}");
            }
            assertThat(lines.stream().filter(line -> line.contains(prefix)).toList()).as("thread %d", t)
                    .containsExactlyElementsOf(expected);
        }
    }
}
