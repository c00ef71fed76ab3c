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
     * @throws IllegalStateException naming the property and the location when there is no such resource, it cannot
     *     be read, or it is not a usable configuration (then with every problem at its JSON path)
     */
    static RoutingConfig load(String location, ResourceLoader resources) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("switchboard.config is '" + location + "', but there is no such resource:"
                    + " put a routing configuration (see docs/configuration.md) there, or set switchboard.config to"
                    + " where it is");
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return RoutingConfig.load(reader);
        } catch (ConfigException invalid) {
            throw new IllegalStateException("switchboard.config '" + location + "': " + invalid.getMessage(), invalid);
        } catch (IOException | UncheckedIOException failed) {
            throw new IllegalStateException("switchboard.config '" + location + "' could not be read: " + failed,
                    failed);
        }
    }
}
