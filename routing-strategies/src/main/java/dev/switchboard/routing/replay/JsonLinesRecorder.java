package dev.switchboard.routing.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a routing log: every call the router receives and every event it publishes, one JSON object per line
 * (JSON Lines, schema 1, documented in docs/replay.md), for {@link RoutingLog} and {@link Replay}. Register it with
 * {@code Router.Builder.recorder}. Writing never breaks routing: a line that cannot be written is logged (the first
 * failure in full, then one line per hundred) and counted in {@link #dropped()}. Lines are buffered by the writer;
 * {@link #close()} flushes them.
 */
public final class JsonLinesRecorder implements RoutingListener, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesRecorder.class);

    private final Writer out;
    private final ObjectMapper json = new ObjectMapper();
    private final LogCodec codec = new LogCodec(json, Map.of());
    private final AtomicLong dropped = new AtomicLong();

    /** Writes the header line at once; the recorder owns {@code out} and closes it. */
    public JsonLinesRecorder(Writer out) {
        this.out = out;
        writeLine(codec.header());
    }

    /** A recorder writing to a new (or truncated) UTF-8 file. */
    public static JsonLinesRecorder toFile(Path file) {
        try {
            return new JsonLinesRecorder(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write routing log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEvent(RoutingEvent event) {
        writeLine(codec.write(event));
    }

    /** How many lines could not be written. */
    public long dropped() {
        return dropped.get();
    }

    private void writeLine(ObjectNode line) {
        try {
            out.write(json.writeValueAsString(line));
            out.write('\n');
        } catch (IOException | RuntimeException e) {
            long count = dropped.incrementAndGet();
            if (count == 1) {
                LOG.warn("Routing log line dropped; routing goes on", e);
            } else if (count % 100 == 0) {
                LOG.warn("{} routing log lines dropped so far: {}", count, e.toString());
            }
        }
    }

    /** Flushes and closes the output. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
