package dev.switchboard.routing.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.state.StateSnapshot;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A routing configuration read from JSON: the roster, the teams and queues, how identities are linked, how messages
 * are classified, and the ordered routing rules (see {@code docs/configuration.md} for the format). Loading checks
 * the whole document and fails with a {@link ConfigException} listing every problem at its JSON path, so nothing of a
 * bad document is ever applied. A document is parsed within limits (its length, nesting, strings and numbers), its
 * numbers are bounded, and its classifier patterns run in linear time, so that no document can exhaust the machine;
 * a field written as {@code null} is a problem, never its default. A loaded configuration is immutable, and {@link #write()} gives its document back
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
        JsonDocument document = JsonDocument.parse(json);
        return new RoutingConfig(document.root(), DocumentReader.read(document));
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

    /** The document, as JSON that {@link #load(String)} reads back into an equal configuration. */
    public String write() {
        try {
            return JsonDocument.JSON.writer(PRETTY).writeValueAsString(document) + "\n";
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
        return List.copyOf(parts.roster().keySet());
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
     * A new router builder with the roster (each owner in the presence the document gives it, online by default),
     * the plan, and every router setting the document makes: identity linking, one conversation per customer, the
     * response deadlines with their review queue, priority aging, the offline grace period and customer memory. A
     * setting the document leaves out keeps the builder's default, as for a router built in Java. The host adds its
     * clock, listeners and other options, and builds.
     */
    public Router.Builder routerBuilder() {
        return routerBuilder(Map.of());
    }

    /**
     * As {@link #routerBuilder()}, with each owner that {@code presences} names at that presence (the others in the
     * presence the document gives them): a router that starts as a recorded one did, for replay.
     */
    public Router.Builder routerBuilder(Map<String, Presence> presences) {
        if (presences == null) {
            throw new IllegalArgumentException("presences must not be null");
        }
        Router.Builder builder = Router.builder().plan(parts.plan());
        parts.roster().forEach((owner, presence) -> builder.owner(owner, presences.getOrDefault(owner.id(), presence)));
        parts.settings().forEach(setting -> setting.accept(builder));
        return builder;
    }

    /**
     * As {@link #routerBuilder()}, for a router that carries on from a {@link Router#snapshot() snapshot}: the
     * document's plan and router settings, with the roster and every conversation taken from {@code snapshot}
     * ({@link Router.Builder#restoreFrom}) instead of the document's owners, so that a host configured in JSON
     * survives a deploy. An owner the document adds or changes since the snapshot joins through
     * {@link Router#addOwner} once the router is built.
     */
    public Router.Builder restoredRouterBuilder(StateSnapshot snapshot) {
        if (snapshot == null) {
            throw new IllegalArgumentException("snapshot must not be null");
        }
        Router.Builder builder = Router.builder().plan(parts.plan()).restoreFrom(snapshot);
        parts.settings().forEach(setting -> setting.accept(builder));
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
