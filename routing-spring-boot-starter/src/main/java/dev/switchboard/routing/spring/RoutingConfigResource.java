package dev.switchboard.routing.spring;

import dev.switchboard.routing.config.ConfigException;
import dev.switchboard.routing.config.RoutingConfig;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the routing configuration that {@code switchboard.config} points at, or says in one sentence why not. */
final class RoutingConfigResource {

    private RoutingConfigResource() {
    }

    /**
     * The configuration at a resource location.
     *
     * @throws RoutingConfigUnavailable naming the property and the location when there is no such resource, it cannot
     *     be read, or it is not a usable configuration (then with every problem at its JSON path)
     */
    static RoutingConfig load(String location, ResourceLoader resources) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new RoutingConfigUnavailable("switchboard.config is '" + location + "', but there is no such"
                    + " resource", "Put a routing configuration (its format is in docs/configuration.md) at "
                    + location + ", or set switchboard.config to where it is.", null);
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return RoutingConfig.load(reader);
        } catch (ConfigException invalid) {
            throw new RoutingConfigUnavailable("switchboard.config '" + location + "': " + invalid.getMessage(),
                    "Correct the document at " + location + " (its format is in docs/configuration.md), or set"
                    + " switchboard.config to another one.", invalid);
        } catch (IOException | UncheckedIOException failed) {
            throw new RoutingConfigUnavailable("switchboard.config '" + location + "' could not be read: " + failed,
                    "Make " + location + " readable, or set switchboard.config to another document.", failed);
        }
    }
}
