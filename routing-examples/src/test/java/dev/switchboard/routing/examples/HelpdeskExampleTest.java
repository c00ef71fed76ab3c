package dev.switchboard.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.RouterStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HelpdeskExampleTest {

    @Test
    void theMorningPlaysOutTheSameWayEveryTime_andLosesNothing() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        RouterStats stats = new HelpdeskExample(new PrintStream(first, true, StandardCharsets.UTF_8)).run();
        new HelpdeskExample(new PrintStream(second, true, StandardCharsets.UTF_8)).run();

        String story = first.toString(StandardCharsets.UTF_8);
        assertThat(story).isEqualTo(second.toString(StandardCharsets.UTF_8));
        assertThat(stats.routed()).isEqualTo(7);
        assertThat(stats.transferred()).isEqualTo(1);
        assertThat(stats.rerouted()).isEqualTo(2);
        assertThat(story)
                .contains("c1 resolved\n   -> notify lucia: c6 is yours (round-robin)")
                .contains("1. sticky assigned lucia: returning customer ana goes back to previous owner lucia")
                .contains("-> notify manager: c6 handed over by lucia. Next: Call Femi before noon")
                .contains("   waiting: []");
    }
}
