package dev.switchboard.routing.examples;

import dev.switchboard.routing.config.RoutingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The example routing configurations in {@code src/main/resources/config}: a dental clinic's front desk, a multi-offer
 * B2B lead router, and an airline's after-sales team. Each is a complete document in the format of
 * {@code docs/configuration.md}.
 */
public final class ExampleConfigs {

    /** The examples' names: the file names without {@code .json}. */
    public static final List<String> NAMES = List.of("dental-clinic", "b2b-leads", "airline-after-sales");

    private ExampleConfigs() {}

    /** Loads one example from the classpath. */
    public static RoutingConfig load(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("name must be one of " + NAMES + ", was '" + name + "'");
        }
        try (InputStream json = ExampleConfigs.class.getResourceAsStream("/config/" + name + ".json");
                Reader reader = new InputStreamReader(json, StandardCharsets.UTF_8)) {
            return RoutingConfig.load(reader);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
