package dev.switchboard.routing.spring;

import static dev.switchboard.routing.spring.SwitchboardAutoConfigurationTests.NINE;
import static dev.switchboard.routing.spring.SwitchboardAutoConfigurationTests.english;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code switchboard.state-file}: a single-instance host that stops and starts again (a deploy) finds every owned and
 * waiting conversation where it was, and the roster as it was left, not as the document first gave it.
 */
class RouterStateFileTests {

    @TempDir
    Path directory;

    private ApplicationContextRunner runner(Path file) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class))
                .withUserConfiguration(SwitchboardAutoConfigurationTests.ManualClockConfiguration.class)
                .withPropertyValues("switchboard.state-file=" + file, "switchboard.tick-enabled=false");
    }

    private static String place(Router router, String id) {
        Optional<Placement> placement = router.placement(id);
        return id + " " + placement.map(place -> place instanceof Placement.Owned owned ? "owned by " + owned.ownerId()
                : "waiting in " + ((Placement.Waiting) place).entry().queue()).orElse("nowhere");
    }

    @Test
    void theStateIsWrittenWhenTheContextCloses_andTheNextContextCarriesOnFromIt() {
        Path file = directory.resolve("routing-state.json");
        runner(file).run(context -> {
            Router router = context.getBean(Router.class);
            router.route(english("c1", NINE));
            router.route(english("c2", NINE));
            router.route(english("c3", NINE));
            router.removeOwner("ben");
            assertThat(file).as("written only when the context closes").doesNotExist();
        });
        assertThat(file).exists();

        runner(file).run(context -> {
            Router router = context.getBean(Router.class);
            assertThat(router.roster()).extracting(status -> status.owner().id()).containsExactly("ana");
            assertThat(List.of(place(router, "c1"), place(router, "c2"), place(router, "c3")))
                    .containsExactly("c1 owned by ana", "c2 waiting in waiting", "c3 waiting in waiting");
            assertThat(file).as("moved aside once restored, so a crash never restores it again").doesNotExist();
            assertThat(directory.resolve("routing-state.json.restored")).exists();
            router.release("c1");
            assertThat(place(router, "c2")).isEqualTo("c2 owned by ana");
        });
        assertThat(file).as("written again at the second close").exists();
    }

    @Test
    void withNoFileYet_theRouterStartsFromTheDocument() {
        Path file = directory.resolve("first-start.json");
        runner(file).run(context -> {
            assertThat(context.getBean(Router.class).roster()).extracting(status -> status.owner().id())
                    .containsExactly("ana", "ben");
            assertThat(context.getBean(RouterStateFile.class).file()).isEqualTo(file);
        });
        assertThat(file).exists();
    }

    @Test
    void aFileThatIsNotASnapshot_failsTheStartNamingIt_andIsLeftAsItWas() throws Exception {
        Path file = directory.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"something else\"}");
        runner(file).run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(IllegalArgumentException.class));
        runner(file).run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("switchboard.state-file " + file + " cannot be restored"));
        assertThat(Files.readString(file)).isEqualTo("{\"format\": \"something else\"}");
    }

    @Test
    void aBlankStateFile_isRefusedNamingTheProperty() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class))
                .withPropertyValues("switchboard.state-file= ").run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("switchboard.state-file must name a file"));
    }

    @Test
    void withoutTheProperty_thereIsNoStateFile() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(Router.class)
                        .doesNotHaveBean(RouterStateFile.class));
    }
}
