package dev.switchboard.routing.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.event.RoutingEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A routing log read whole, as {@link JsonLinesRecorder} wrote it: every call the router received
 * ({@link RoutingEvent.Input}) and every event it published, in order. A log that cannot be read fails as a whole
 * with a {@link LogException} naming the line: a truncated line, an unknown event type, a schema newer than this
 * reader's, a conversation or owner it does not know.
 *
 * @param events the inputs and events, in the order the router's state changed
 */
public record RoutingLog(List<RoutingEvent> events) {

    public RoutingLog {
        events = List.copyOf(events);
    }

    /**
     * Reads a log. Lines name owners who joined the roster while the router ran by id, so they are taken from
     * {@code roster} (the configuration the log is replayed under).
     *
     * @throws LogException for a log that cannot be read
     * @throws UncheckedIOException when the file cannot be read
     */
    public static RoutingLog read(Path file, Collection<Owner> roster) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), roster);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routing log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a log from a reader; {@code source} names it in errors. */
    public static RoutingLog read(Reader log, String source, Collection<Owner> roster) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Owner> owners = roster.stream().collect(Collectors.toMap(Owner::id, Function.identity()));
        LogCodec codec = new LogCodec(json, owners);
        BufferedReader lines = new BufferedReader(log);
        List<RoutingEvent> events = new ArrayList<>();
        int number = 0;
        String text;
        while ((text = lines.readLine()) != null) {
            number++;
            if (number > 1 && text.isBlank()) {
                continue;
            }
            try {
                JsonNode line = parse(json, text);
                if (number == 1) {
                    checkHeader(line);
                } else {
                    events.add(codec.read(line));
                }
            } catch (LogCodec.BadLine | IllegalArgumentException e) {
                throw new LogException(source, number, e.getMessage());
            }
        }
        if (number == 0) {
            throw new LogException(source, 1, "the log is empty; it must start with a header line");
        }
        return new RoutingLog(events);
    }

    private static JsonNode parse(ObjectMapper json, String text) {
        try {
            JsonNode line = json.readTree(text);
            if (line == null || !line.isObject()) {
                throw new LogCodec.BadLine("not a JSON object (a truncated or damaged line?)");
            }
            return line;
        } catch (JsonProcessingException e) {
            throw new LogCodec.BadLine("not valid JSON (a truncated or damaged line?): " + e.getOriginalMessage());
        }
    }

    private static void checkHeader(JsonNode line) {
        if (!LogCodec.HEADER.equals(line.path("type").asText()) || !LogCodec.FORMAT.equals(line.path("format").asText())) {
            throw new LogCodec.BadLine("not a routing log: the first line must be the header {\"type\":\"header\","
                    + "\"schema\":" + LogCodec.SCHEMA + ",\"format\":\"" + LogCodec.FORMAT + "\"}");
        }
        int schema = LogCodec.integer(line, "schema");
        if (schema > LogCodec.SCHEMA) {
            throw new LogCodec.BadLine("schema " + schema + " is newer than this reader, which reads schema "
                    + LogCodec.SCHEMA + " and older; upgrade Switchboard to read it");
        }
        if (schema < 1) {
            throw new LogCodec.BadLine("schema must be 1 or more, was " + schema);
        }
    }
}
