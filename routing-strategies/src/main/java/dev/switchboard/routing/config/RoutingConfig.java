package dev.switchboard.routing.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A routing configuration read from JSON: the roster, the teams and queues, how identities are linked, how messages
 * are classified, and the ordered routing rules (see {@code docs/configuration.md} for the format). Loading checks
 * the whole document and fails with a {@link ConfigException} listing every problem at its JSON path, so nothing of a
 * bad document is ever applied. A loaded configuration is immutable, and {@link #write()} gives its document back
 * for the host to store.
 *
 * <pre>{@code
 * RoutingConfig config = RoutingConfig.load(Path.of("routing.json"));
 * Router router = config.routerBuilder().clock(clock).listener(notifier).build();
 * // later, after the document was edited:
 * router.replacePlan(RoutingConfig.load(Path.of("routing.json")).plan());
 * }</pre>
 */
public final class RoutingConfig {

    /** Reads numbers as written, so that 70.0 is written back as 70.0, not as 70 or 7E+1. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private final JsonNode document;
    private final DocumentReader.Parts parts;

    private RoutingConfig(JsonNode document, DocumentReader.Parts parts) {
        this.document = document;
        this.parts = parts;
    }

    /**
     * Reads and checks a document.
     *
     * @throws ConfigException listing every problem, when the document is not valid JSON or not a usable configuration
     */
    public static RoutingConfig load(String json) {
        if (json == null) {
            throw new IllegalArgumentException("json must not be null");
        }
        return load(new StringReader(json));
    }

    /**
     * Reads and checks a document from a reader, which is left open.
     *
     * @throws ConfigException listing every problem
     * @throws UncheckedIOException when the reader fails
     */
    public static RoutingConfig load(Reader json) {
        if (json == null) {
            throw new IllegalArgumentException("json must not be null");
        }
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JsonProcessingException invalid) {
            throw new ConfigException(List.of(syntaxProblem(invalid)));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        if (document == null || document.isMissingNode()) {
            throw new ConfigException(List.of(new ConfigException.Problem("$", "is empty")));
        }
        return new RoutingConfig(document, DocumentReader.read(new JsonFields.Item(document, "$")));
    }

    /**
     * Reads and checks a document from a UTF-8 file.
     *
     * @throws ConfigException listing every problem
     * @throws UncheckedIOException when the file cannot be read
     */
    public static RoutingConfig load(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** A JSON syntax error (a duplicate key included) at the path where the parser stopped, with line and column. */
    private static ConfigException.Problem syntaxProblem(JsonProcessingException invalid) {
        Deque<String> parts = new ArrayDeque<>();
        if (invalid.getProcessor() instanceof JsonParser parser) {
            for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                    context = context.getParent()) {
                if (context.inArray()) {
                    parts.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
                } else if (context.getCurrentName() != null) {
                    parts.push("." + context.getCurrentName());
                }
            }
        }
        String path = String.join("", parts);
        String where = invalid.getLocation() == null ? "" : " (line " + invalid.getLocation().getLineNr()
                + ", column " + invalid.getLocation().getColumnNr() + ")";
        return new ConfigException.Problem(path.isEmpty() ? "$" : path.startsWith(".") ? path.substring(1) : path,
                "is not valid JSON: " + invalid.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[") + where);
    }

    /** The document, as JSON that {@link #load(String)} reads back into an equal configuration. */
    public String write() {
        try {
            return JSON.writer(PRETTY).writeValueAsString(document) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    /** Writes the document to a UTF-8 file. */
    public void write(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        try {
            Files.writeString(file, write(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The roster, in document order. */
    public List<Owner> owners() {
        return parts.owners();
    }

    /**
     * The routing plan: the queues and the rules in order, after a rule named {@code low-confidence} when the
     * classification has a {@code minConfidence}. Give it to {@link Router#replacePlan} to apply a reloaded document.
     */
    public RoutingPlan plan() {
        return parts.plan();
    }

    /** The keyword and pattern classifier the {@code classification.types} describe, if they describe one. */
    public Optional<Classifier> classifier() {
        return parts.classifier();
    }

    /**
     * A router builder with the roster (every owner online), the plan, identity linking, one conversation per
     * customer unless the document says otherwise, and the response deadlines with their review queue; the host adds
     * its clock, listeners and other options, and builds.
     */
    public Router.Builder routerBuilder() {
        Set<IdentityKey> linkBy = parts.linkBy();
        Router.Builder builder = Router.builder().owners(parts.owners()).plan(parts.plan())
                .linkIdentitiesBy(linkBy.toArray(IdentityKey[]::new))
                .oneConversationPerCustomer(parts.oneConversationPerCustomer());
        parts.responseDeadlines().forEach(builder::responseDeadline);
        parts.reviewQueue().ifPresent(queue -> builder.responseReview(parts.maxBounces(), queue));
        parts.router().applyTo(builder);
        return builder;
    }

    /** Configurations are equal when their documents are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RoutingConfig config && document.equals(config.document);
    }

    @Override
    public int hashCode() {
        return document.hashCode();
    }

    @Override
    public String toString() {
        return "RoutingConfig" + document;
    }
}
