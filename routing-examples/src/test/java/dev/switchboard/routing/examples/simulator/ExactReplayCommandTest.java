package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.examples.ExampleConfigs;
import dev.switchboard.routing.replay.JsonLinesRecorder;
import dev.switchboard.routing.replay.RouterSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17's exact replay, from the command line: a log replayed under the very configuration it was recorded with
 * changes no conversation and refuses no call, for the simulator's shipped day and for every example configuration.
 */
class ExactReplayCommandTest {

    private static final Instant START = Instant.parse("2026-03-03T08:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String replay(Path log, Path config, String... more) {
        List<String> args = new ArrayList<>(List.of("--log", log.toString(), "--config", config.toString(),
                "--out", dir.toString()));
        args.addAll(List.of(more));
        out.reset();
        int status = ReplayCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theShippedDayReplayedUnderItsOwnRulesChangesNothingAndRefusesNothing() throws IOException {
        Path log = dir.resolve("day.jsonl");
        ByteArrayOutputStream simulated = new ByteArrayOutputStream();
        int status = Simulator.run(new String[] {"--record", log.toString(), "--out", dir.toString()},
                new PrintStream(simulated, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        Path rules = dir.resolve("helpdesk-rules.json");
        RulesFile.readDefault().write(rules);

        String replayed = replay(log, rules);
        String baseline = replay(log, rules, "--baseline", rules.toString());

        assertThat(status).isZero();
        assertThat(replayed).startsWith("Replay: 0 of 3000 conversations changed owner or outcome; calls refused: 0"
                + " on the recorded side, 0 on the replayed side\n");
        assertThat(baseline).startsWith("Replay: 0 of 3000 conversations changed owner or outcome; calls refused: 0"
                + " on the baseline side, 0 on the replayed side\n");
        for (String figure : List.of("conversations that waited", "SLA breaches", "transfers")) {
            String simulatorLine = line(simulated.toString(StandardCharsets.UTF_8), figure);
            String rulesColumn = simulatorLine.substring(simulatorLine.lastIndexOf("   ")).trim();
            assertThat(line(replayed, figure)).endsWith("   " + rulesColumn).contains(rulesColumn + "   ");
            assertThat(line(baseline, figure)).endsWith("   " + rulesColumn).contains(rulesColumn + "   ");
        }
    }

    private static String line(String text, String containing) {
        return text.lines().filter(line -> line.contains(containing)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dental-clinic", "b2b-leads", "airline-after-sales"})
    void aDayUnderAnExampleConfigurationReplayedUnderItChangesNothingAndRefusesNothing(String name)
            throws IOException {
        RoutingConfig config = ExampleConfigs.load(name);
        RouterSettings settings = RouterSettings.builder().priorityAging(Duration.ofMinutes(10)).build();
        Path log = dir.resolve(name + ".jsonl");
        try (JsonLinesRecorder recorder = JsonLinesRecorder.toFile(log, config, settings)) {
            playDay(settings.routerBuilder(config), config.owners(), recorder);
        }
        Path file = dir.resolve(name + ".json");
        config.write(file);

        String replayed = replay(log, file);

        assertThat(replayed).startsWith("Replay: 0 of 300 conversations changed owner or outcome; calls refused: 0"
                + " on the recorded side, 0 on the replayed side\n");
        assertThat(Files.readString(log)).contains("\"type\":\"assigned\"", "\"type\":\"queued\"");
    }

    /**
     * A host's day: 300 conversations a minute apart over the configuration's attributes, returning customers
     * (linked by email and phone), presence changes, ticks, and each open conversation released after a while.
     */
    private static void playDay(Router.Builder builder, List<Owner> owners, JsonLinesRecorder recorder) {
        ManualClock clock = new ManualClock(START);
        Router router = builder.clock(clock).recorder(recorder).build();
        Random random = new Random(17);
        List<String> types = List.of("complaint", "specialist-review", "scheduling", "routine", "pricing",
                "post-service", "refund", "change", "order-enquiry", "billing");
        List<String> languages = List.of("en", "es", "pt", "de");
        for (int i = 0; i < 300; i++) {
            int customer = random.nextInt(120);
            Conversation conversation = Conversation.builder("c" + i).customer("customer-" + customer)
                    .channel(List.of("chat", "email", "phone", "whatsapp").get(random.nextInt(4)))
                    .type(types.get(random.nextInt(types.size()))).language(languages.get(random.nextInt(4)))
                    .region(List.of("emea", "uk", "americas").get(random.nextInt(3)))
                    .priority(Priority.values()[random.nextInt(4)]).vip(random.nextInt(10) == 0)
                    .attribute("email", "customer-" + customer + "@example.com")
                    .attribute("phone", "+351 900 " + customer)
                    .attribute("offer", List.of("consulting", "implementation", "retained-support")
                            .get(random.nextInt(3)))
                    .attribute("fitTier", List.of("a", "b", "c").get(random.nextInt(3)))
                    .attribute("fitScore", String.valueOf(random.nextInt(100)))
                    .attribute("accountContext", List.of("new", "existing", "expansion", "partner")
                            .get(random.nextInt(4)))
                    .createdAt(clock.instant()).build();
            router.route(conversation);
            if (i % 25 == 0) {
                String owner = owners.get(random.nextInt(owners.size())).id();
                router.setPresence(owner, i % 50 == 0 ? Presence.AWAY : Presence.ONLINE);
            }
            clock.advance(Duration.ofMinutes(1));
            router.tick();
            String done = "c" + random.nextInt(i + 1);
            if (router.placement(done).isPresent()) {
                router.release(done);
            }
        }
    }
}
