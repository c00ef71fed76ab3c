package dev.switchboard.routing.replay;

import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A routing log read whole, as {@link JsonLinesRecorder} wrote it: every call the router received
 * ({@link RoutingEvent.Input}) and every event it published, in order, each with the line it was read from; and,
 * from its header, the configuration and {@link RouterSettings} of the router it was recorded from, when the
 * recorder was given them. Immutable.
 *
 * <p>A log that cannot be read fails as a whole with a {@link LogException} naming the line: bytes that are not
 * UTF-8, a truncated line, two lines merged by a lost newline or anything else after a line's object, a duplicate
 * key, an unknown event type, a schema newer than this reader's, an instant outside
 * {@code [1970-01-01T00:00:00Z, 2262-01-01T00:00:00Z)} or earlier than the line before, a conversation or owner it
 * does not know.
 */
public final class RoutingLog {

    private final String source;
    private final Optional<RoutingConfig> configuration;
    private final RouterSettings settings;
    private final List<RoutingEvent> events;
    private final List<Integer> lines;

    private RoutingLog(String source, LogHeader header, List<RoutingEvent> events, List<Integer> lines) {
        this.source = source;
        this.configuration = header.configuration();
        this.settings = header.settings();
        this.events = List.copyOf(events);
        this.lines = List.copyOf(lines);
    }

    /**
     * Reads a log recorded with its configuration: owners who joined the roster while the router ran are taken from
     * that configuration (a log without one can add no owner).
     *
     * @throws LogException for a log that cannot be read
     * @throws UncheckedIOException when the file cannot be read
     */
    public static RoutingLog read(Path file) {
        return read(file, Optional.empty());
    }

    /**
     * Reads a log. Lines name owners who joined the roster while the router ran by id, so they are taken from
     * {@code roster} (the configuration the log is replayed under).
     *
     * @throws LogException for a log that cannot be read
     * @throws UncheckedIOException when the file cannot be read
     */
    public static RoutingLog read(Path file, Collection<Owner> roster) {
        return read(file, Optional.of(List.copyOf(roster)));
    }

    private static RoutingLog read(Path file, Optional<Collection<Owner>> roster) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(new LogLines.Utf8(in), file.toString(), roster);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routing log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a log from a reader; {@code source} names it in errors; owners who joined come from {@code roster}. */
    public static RoutingLog read(Reader log, String source, Collection<Owner> roster) throws IOException {
        return read(new LogLines.Decoded(new BufferedReader(log)), source, Optional.of(List.copyOf(roster)));
    }

    private static RoutingLog read(LogLines lines, String source, Optional<Collection<Owner>> roster)
            throws IOException {
        LogHeader header = null;
        LineDecoder decoder = null;
        List<RoutingEvent> events = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        Instant previous = LineFields.EARLIEST;
        int number = 0;
        String text;
        while ((text = next(lines, source, number + 1)) != null) {
            number++;
            if (number > 1 && text.isBlank()) {
                continue;
            }
            try {
                if (number == 1) {
                    header = LogHeader.read(LogLines.parse(text));
                    Collection<Owner> owners = roster.orElse(header.configuration().map(RoutingConfig::owners)
                            .orElse(List.of()));
                    decoder = new LineDecoder(owners.stream().collect(Collectors.toMap(Owner::id, Function.identity())));
                    continue;
                }
                RoutingEvent event = decoder.read(LogLines.parse(text));
                if (event.at().isBefore(previous)) {
                    throw new LineFields.BadLine("time goes backwards: " + event.at() + " is before " + previous
                            + ", the instant of the line before");
                }
                previous = event.at();
                events.add(event);
                numbers.add(number);
            } catch (LineFields.BadLine | IllegalArgumentException e) {
                throw new LogException(source, number, e.getMessage());
            }
        }
        if (header == null) {
            throw new LogException(source, 1, "the log is empty; it must start with a header line");
        }
        return new RoutingLog(source, header, events, numbers);
    }

    private static String next(LogLines lines, String source, int number) throws IOException {
        try {
            return lines.next();
        } catch (LineFields.BadLine e) {
            throw new LogException(source, number, e.getMessage());
        }
    }

    /** The inputs and events, in the order the router's state changed. */
    public List<RoutingEvent> events() {
        return events;
    }

    /** The line, counted from 1, that event {@code index} of {@link #events()} was read from. */
    public int line(int index) {
        return lines.get(index);
    }

    /** What names the log in errors: its file, or the source it was read with. */
    public String source() {
        return source;
    }

    /** The configuration the router was built from, when the recorder was given it (schema 2 and later). */
    public Optional<RoutingConfig> configuration() {
        return configuration;
    }

    /** The options the router was built with on top of its configuration (none in a log of schema 1). */
    public RouterSettings settings() {
        return settings;
    }

    /** The presences of the roster the router was built with, from the log's first input (empty if none). */
    public Map<String, Presence> roster() {
        return events.stream().filter(RoutingEvent.Input.class::isInstance)
                .map(event -> ((RoutingEvent.Input) event).input()).findFirst()
                .filter(RouterInput.Roster.class::isInstance)
                .map(input -> ((RouterInput.Roster) input).presences()).orElse(Map.of());
    }
}
