package dev.switchboard.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.config.RoutingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ExampleConfigsTest {

    @ParameterizedTest
    @FieldSource("dev.switchboard.routing.examples.ExampleConfigs#NAMES")
    void eachExampleLoads_andWritesBackEqual(String name) {
        RoutingConfig config = ExampleConfigs.load(name);

        assertThat(RoutingConfig.load(config.write())).isEqualTo(config);
        assertThat(config.plan().rules()).isNotEmpty();
    }

    @Test
    void onlyTheExamplesCanBeLoaded() {
        assertThatThrownBy(() -> ExampleConfigs.load("../pom")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be one of [dental-clinic, b2b-leads, airline-after-sales], was '../pom'");
    }
}
