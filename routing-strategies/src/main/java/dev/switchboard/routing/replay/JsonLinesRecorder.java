package dev.switchboard.routing.replay;

import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a routing log: every call the router receives and every event it publishes, one JSON object per line
 * (JSON Lines, schema {@value LogHeader#SCHEMA}, documented in docs/replay.md), for {@link RoutingLog} and
 * {@link Replay}. Register it with {@code Router.Builder.recorder}. Given the router's configuration and
 * {@link RouterSettings}, the header carries them, so that the log alone rebuilds the router ({@link Replay#recorded}).
 *
 * <p>Every string is written exactly, a lone UTF-16 surrogate included (escaped as {@code \\uXXXX}), so the file is
 * valid UTF-8 whatever the ids hold. Writing never breaks routing: a line that cannot be written (a full disk, a
 * closed stream) is counted in {@link #droppedLines()}, and the first one is logged as a warning. Lines are buffered
 * by the writer; {@link #close()} flushes them.
 */
public final class JsonLinesRecorder implements RoutingListener, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesRecorder.class);

    private final Writer out;
    private final Map<RoutingPlan, RoutingConfig> documents = Collections.synchronizedMap(new IdentityHashMap<>());
    private final LineEncoder encoder = new LineEncoder(plan -> Optional.ofNullable(documents.get(plan)));
    /** Writes an event's line; made once, so that a line costs no lambda. */
    private final Encoding<RoutingEvent> events = encoder::write;
    private final AtomicLong dropped = new AtomicLong();
    /** The line being written, reused from line to line; guarded by {@code this}. */
    private final LineWriter line = new LineWriter();

    /** A log whose header names no configuration: replay it with {@link Replay#run}. The recorder owns {@code out}. */
    public JsonLinesRecorder(Writer out) {
        this(out, new LogHeader(LogHeader.SCHEMA, Optional.empty(), RouterSettings.NONE));
    }

    /**
     * A log whose header carries the configuration and the settings the router is built from, as
     * {@code settings.routerBuilder(config)}. The recorder owns {@code out}.
     */
    public JsonLinesRecorder(Writer out, RoutingConfig config, RouterSettings settings) {
        this(out, new LogHeader(LogHeader.SCHEMA, Optional.of(notNull(config, "config")),
                notNull(settings, "settings")));
        documents.put(config.plan(), config);
    }

    private JsonLinesRecorder(Writer out, LogHeader header) {
        this.out = notNull(out, "out");
        writeLine((writer, first) -> writer.tree(first.write()), header);
    }

    /** A recorder writing to a new (or truncated) UTF-8 file, with a header that names no configuration. */
    public static JsonLinesRecorder toFile(Path file) {
        return new JsonLinesRecorder(writer(file));
    }

    /** A recorder writing to a new (or truncated) UTF-8 file, with the configuration and settings in its header. */
    public static JsonLinesRecorder toFile(Path file, RoutingConfig config, RouterSettings settings) {
        return new JsonLinesRecorder(writer(file), config, settings);
    }

    private static Writer writer(Path file) {
        try {
            return Files.newBufferedWriter(notNull(file, "file"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write routing log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tells the recorder the configuration whose plan the host gives {@code Router.replacePlan} next, so that the
     * log carries the new document and a replay makes the same replacement. Call it before
     * {@code router.replacePlan(next.plan())}; a plan replacement the recorder was not told of is written without
     * its document, and a replay stops there.
     */
    public void replacingPlan(RoutingConfig next) {
        documents.put(notNull(next, "next").plan(), next);
    }

    @Override
    public void onEvent(RoutingEvent event) {
        writeLine(events, event);
    }

    /** How many lines could not be written. */
    public long droppedLines() {
        return dropped.get();
    }

    /** How one kind of line is written. */
    private interface Encoding<T> {
        void write(LineWriter out, T value);
    }

    /**
     * Writes one line whole or not at all: the JSON is written into a buffer this recorder reuses (no tree, no string
     * per line), and only a complete line reaches the output.
     */
    private synchronized <T> void writeLine(Encoding<T> encoding, T value) {
        try {
            line.reset();
            encoding.write(line, value);
            line.newline();
            line.writeTo(out);
        } catch (IOException | RuntimeException e) {
            if (dropped.incrementAndGet() == 1) {
                LOG.warn("Routing log line dropped, routing goes on (droppedLines() counts them): {}", e.toString());
            }
        }
    }

    /** Flushes and closes the output. */
    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
