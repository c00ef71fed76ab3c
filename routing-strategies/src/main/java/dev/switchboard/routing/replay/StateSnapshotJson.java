package dev.switchboard.routing.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchboard.routing.state.StateSnapshot;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A {@link StateSnapshot} as a JSON document, so that a single-instance host can write its router's live state
 * before a deploy and build the next router from it ({@code Router.Builder.restoreFrom}); see docs/restarts.md for
 * the format. Conversations are written as routing logs write them, so instants lie from 1970 to before 2262.
 *
 * <p>Reading is bounded, as the configuration reader is: at most {@value #MAX_DOCUMENT_CHARS} characters,
 * {@value #MAX_NESTING} levels of nesting, strings of at most {@value #MAX_STRING_CHARS} characters and numbers of at
 * most {@value #MAX_NUMBER_CHARS}; duplicate keys and anything after the document are refused. A document that
 * cannot be read, or whose snapshot is inconsistent, is refused whole with an {@link IllegalArgumentException} that
 * names the path of the problem ({@code roster[2].activity: field 'completions[0]' ...}).
 */
public final class StateSnapshotJson {

    /** The value of the document's {@code format} field. */
    public static final String FORMAT = "switchboard-state-snapshot";
    /** The schema this class writes and reads. */
    public static final int SCHEMA = 1;

    static final int MAX_DOCUMENT_CHARS = 512 * 1024 * 1024;
    static final int MAX_NESTING = 16;
    static final int MAX_STRING_CHARS = 64 * 1024;
    static final int MAX_NUMBER_CHARS = 32;
    private static final int MAX_NAME_CHARS = 1024;

    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_CHARS)
                            .maxNestingDepth(MAX_NESTING)
                            .maxStringLength(MAX_STRING_CHARS)
                            .maxNameLength(MAX_NAME_CHARS)
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StateSnapshotJson() {}

    /** The snapshot as a JSON document. */
    public static String write(StateSnapshot snapshot) {
        if (snapshot == null) {
            throw new IllegalArgumentException("snapshot must not be null");
        }
        try {
            return LogJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(SnapshotWriter.write(snapshot))
                    + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    /**
     * Writes the snapshot to a file, in UTF-8, replacing it whole: the document is written beside it first and then
     * moved over it, so a crash while writing leaves the previous file as it was, never half of a new one.
     */
    public static void write(StateSnapshot snapshot, Path file) {
        String json = write(snapshot);
        Path target = notNull(file, "file").toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.writeString(partial, json, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write state snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a snapshot document.
     *
     * @throws IllegalArgumentException naming the path of the problem, when it cannot be read
     */
    public static StateSnapshot read(String json) {
        notNull(json, "json");
        try {
            return SnapshotReader.read(tree(READER.readTree(json)));
        } catch (JsonProcessingException invalid) {
            throw notJson(invalid);
        }
    }

    /**
     * Reads a snapshot document from a file in UTF-8.
     *
     * @throws IllegalArgumentException naming the path of the problem, when it cannot be read
     * @throws UncheckedIOException when the file cannot be read
     */
    public static StateSnapshot read(Path file) {
        try (Reader reader = Files.newBufferedReader(notNull(file, "file"), StandardCharsets.UTF_8)) {
            return SnapshotReader.read(tree(READER.readTree(reader)));
        } catch (JsonProcessingException invalid) {
            throw notJson(invalid);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new SnapshotReader.BadSnapshot("$", "is empty");
        }
        return root;
    }

    private static IllegalArgumentException notJson(JsonProcessingException invalid) {
        return new SnapshotReader.BadSnapshot("$", "is not valid JSON: " + invalid.getOriginalMessage()
                + (invalid.getLocation() == null ? "" : " (line " + invalid.getLocation().getLineNr() + ", column "
                        + invalid.getLocation().getColumnNr() + ")"));
    }

    private static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
