package dev.switchboard.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.config.RoutingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md shows the dental clinic's document as its complete example; a test keeps them the same. */
class ConfigurationDocTest {

    @Test
    void theCompleteExampleInTheDocs_isTheDentalClinicsDocument() throws IOException {
        String doc = Files.readString(Path.of("../docs/configuration.md"));
        int section = doc.indexOf("## A complete example");
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```\n", start));

        assertThat(RoutingConfig.load(example)).isEqualTo(ExampleConfigs.load("dental-clinic"));
        assertThat(example).isEqualTo(Files.readString(Path.of("src/main/resources/config/dental-clinic.json")));
    }
}
