package dev.switchboard.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Decision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void theReadmeShowsExactlyTheQuickStartCode() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/switchboard/routing/examples/QuickStart.java"));
        String snippet = source.subList(source.indexOf("        // README:start") + 1,
                        source.indexOf("        // README:end")).stream()
                .map(line -> line.isBlank() ? "" : line.substring(8))
                .collect(Collectors.joining("\n", "```java\n", "\n```"));

        assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
    }

    @Test
    void theQuickStartAssignsTheConversation_andExplainsWhy() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Decision decision;
        try {
            decision = QuickStart.run();
        } finally {
            System.setOut(console);
        }

        assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class, assigned -> {
            assertThat(assigned.ownerId()).isEqualTo("ana");
            assertThat(assigned.strategy()).isEqualTo("round-robin");
        });
        assertThat(decision.trace().explain()).isEqualTo("""
                1. sticky passed (not applicable): customer maria@example.com has no remembered previous owner \
                (first conversation, or not seen for a long time)
                2. round-robin assigned ana: next in rotation among available owners""");
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("event: Assigned[")
                .endsWith(decision.trace().explain() + System.lineSeparator());
    }
}
