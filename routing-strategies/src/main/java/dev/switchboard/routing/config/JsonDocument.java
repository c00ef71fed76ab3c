package dev.switchboard.routing.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration document as parsed JSON, within limits that keep a hostile document from exhausting the machine:
 * at most {@value #MAX_DOCUMENT_CHARS} characters, {@value #MAX_NESTING} levels of nesting, strings of at most
 * {@value #MAX_STRING_CHARS} characters and numbers of at most {@value #MAX_NUMBER_CHARS}. A document past a limit,
 * or not JSON, is one problem at the path where the parser stopped, with its line and column. The document keeps
 * where each number was written, so that a problem with a number's value can say where it is.
 */
final class JsonDocument {

    static final int MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;
    static final int MAX_NESTING = 32;
    static final int MAX_STRING_CHARS = 16 * 1024;
    static final int MAX_NUMBER_CHARS = 64;
    private static final int MAX_NAME_CHARS = 1024;

    /**
     * Reads numbers as written, so that 70.0 is written back as 70.0, not as 70 or 7E+1; refuses duplicate keys and
     * anything after the document; leaves the reader open for its owner to close.
     */
    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_CHARS)
                            .maxNestingDepth(MAX_NESTING)
                            .maxStringLength(MAX_STRING_CHARS)
                            .maxNameLength(MAX_NAME_CHARS)
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final JsonNode root;
    private final Map<String, JsonLocation> numbers;

    private JsonDocument(JsonNode root, Map<String, JsonLocation> numbers) {
        this.root = root;
        this.numbers = Map.copyOf(numbers);
    }

    /**
     * Parses a document.
     *
     * @throws ConfigException with one problem, when it is not JSON, is past a limit, or is empty
     * @throws UncheckedIOException when the reader fails
     */
    static JsonDocument parse(Reader json) {
        Map<String, JsonLocation> numbers = new HashMap<>();
        try (JsonParser parser = new NumberLocations(JSON.createParser(json), numbers)) {
            JsonNode root;
            try {
                root = JSON.readTree(parser);
            } catch (JsonProcessingException invalid) {
                throw new ConfigException(List.of(syntaxProblem(invalid, parser)));
            }
            if (root == null || root.isMissingNode()) {
                throw new ConfigException(List.of(new ConfigException.Problem("$", "is empty")));
            }
            return new JsonDocument(root, numbers);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    JsonNode root() {
        return root;
    }

    /** Where the number at {@code path} was written, such as {@code " (line 3, column 17)"}; empty if unknown. */
    String whereNumber(String path) {
        JsonLocation location = numbers.get(path);
        return location == null ? "" : where(location);
    }

    private static String where(JsonLocation location) {
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * A JSON syntax error (a duplicate key included), or a limit the document went past, at the path where the
     * parser stopped, with line and column. A limit's error carries no location of its own, so the parser's is used.
     */
    private static ConfigException.Problem syntaxProblem(JsonProcessingException invalid, JsonParser parser) {
        JsonParser stopped = invalid.getProcessor() instanceof JsonParser own ? own : parser;
        JsonLocation location = invalid.getLocation() != null ? invalid.getLocation() : stopped.currentLocation();
        String path = pathOf(stopped.getParsingContext());
        return new ConfigException.Problem(path, "is not valid JSON: "
                + invalid.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[") + where(location));
    }

    /** The path of a parsing context in the form problems use: {@code owners[0].capacity}, or {@code $}. */
    private static String pathOf(JsonStreamContext start) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = start; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
            } else if (context.getCurrentName() != null) {
                parts.push("." + context.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "$" : path.startsWith(".") ? path.substring(1) : path;
    }

    /** Notes where each number is written, by its path, as the tree is read. */
    private static final class NumberLocations extends JsonParserDelegate {
        private final Map<String, JsonLocation> numbers;

        NumberLocations(JsonParser parser, Map<String, JsonLocation> numbers) {
            super(parser);
            this.numbers = numbers;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token != null && token.isNumeric()) {
                numbers.put(pathOf(getParsingContext()), currentTokenLocation());
            }
            return token;
        }
    }
}
