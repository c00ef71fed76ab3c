package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.strategy.RoundRobin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two JVMs route on one Redis: this one and a second one ({@link SecondInstance}, a real process on the test
 * classpath), which is killed ({@code destroyForcibly}) in the middle of its run. Nothing the killed JVM committed is
 * lost (every conversation it said it routed and did not release is owned or waiting), nothing is half-applied, and
 * this JVM's router serves the queues it left behind.
 */
class TwoJvmRoutersTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    static final String START = "2026-03-02T09:00:00Z";
    private static final int OWNERS = 4;
    private static final int CAPACITY = 2;
    /** How many of the second JVM's calls to let return before it is killed. */
    private static final int CALLS_BEFORE_THE_KILL = 400;
    private static final RoutingPlan PLAN = new RoutingPlan(List.of(new QueueSpec("general", Duration.ofHours(1))),
            List.of(Rule.builder("everyone").chain(new RoundRobin()).queue("general").build()));

    /** The router both JVMs build. */
    static Router router(RedisRoutingStore store, ManualClock clock) {
        List<Owner> owners = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            owners.add(Owner.agent("owner-" + i).capacity(CAPACITY).build());
        }
        return Router.builder().plan(PLAN).clock(clock).owners(owners)
                .offlinePolicy(OfflinePolicy.keepFor(Duration.ofHours(1))).liveState(store.liveState()).build();
    }

    @Test
    void aJvmKilledMidRun_losesNothingItCommitted_andTheOtherServesItsQueue() throws Exception {
        String tenant = REDIS.newTenant();
        Path log = Files.createTempFile("second-instance", ".log");
        Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SecondInstance.class.getName(), REDIS.uri(), tenant,
                "17").redirectError(log.toFile()).start();
        BlockingQueue<String> said = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(second, said), "second-instance-reader");
        reader.start();
        try (RedisRoutingStore store = REDIS.store(tenant)) {
            ManualClock clock = new ManualClock(Instant.parse(START));
            Router router = router(store, clock);
            SplittableRandom random = new SplittableRandom(5);
            List<String> open = new ArrayList<>();
            List<String> secondSaid = new ArrayList<>();
            for (int n = 0; secondSaid.size() < CALLS_BEFORE_THE_KILL; n++) {
                String line = said.poll(n == 0 ? 60_000 : 5, TimeUnit.MILLISECONDS);
                if (line != null) {
                    secondSaid.add(line);
                }
                assertThat(second.isAlive() || line != null).as("the second JVM runs; its log:\n%s",
                        Files.readString(log)).isTrue();
                work(router, random, open, "first-" + n, clock);
            }
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(30));
            said.drainTo(secondSaid);

            Set<String> committed = new HashSet<>();
            String inFlight = "";
            for (String line : secondSaid) {
                String id = line.substring(line.indexOf(' ') + 1);
                if (line.startsWith("routed ")) {
                    committed.add(id);
                } else if (line.startsWith("released ")) {
                    committed.remove(id);
                }
                inFlight = line.startsWith("routing ") || line.startsWith("releasing ") ? id : "";
            }
            committed.remove(inFlight); // the call the kill interrupted was made whole or not at all: either is right
            assertThat(committed).isNotEmpty();
            for (String id : committed) {
                assertThat(router.placement(id)).as("%s, committed by the killed JVM", id).isPresent();
            }
            List<String> leftWaiting = router.waiting().stream().map(entry -> entry.conversation().id())
                    .filter(id -> id.startsWith("second-")).toList();
            assertThat(leftWaiting).as("the killed JVM left conversations waiting").isNotEmpty();

            // this JVM serves the queue: each release of a conversation it owns drains it
            Set<String> releasedHere = new HashSet<>();
            for (int round = 0; !router.waiting().isEmpty() && round < 1_000; round++) {
                String owned = router.roster().stream().flatMap(status -> status.conversationIds().stream())
                        .findFirst().orElseThrow();
                router.release(owned);
                releasedHere.add(owned);
            }
            assertThat(router.waiting()).isEmpty();
            Set<String> owned = new HashSet<>();
            router.roster().forEach(status -> {
                assertThat(status.load()).isEqualTo(status.conversationIds().size()).isLessThanOrEqualTo(CAPACITY);
                status.conversationIds().forEach(id -> assertThat(owned.add(id)).as("%s owned twice", id).isTrue());
            });
            committed.removeAll(releasedHere);
            assertThat(owned).as("what the killed JVM committed, less what this one released since")
                    .containsAll(committed);
            for (String id : leftWaiting) {
                assertThat(owned.contains(id) || releasedHere.contains(id)).as("%s served by this JVM", id).isTrue();
            }
        } finally {
            second.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** One call of this JVM: a route or a release of its own conversations. */
    private static void work(Router router, SplittableRandom random, List<String> open, String id,
            ManualClock clock) {
        try {
            if (open.isEmpty() || random.nextInt(100) < 55) {
                open.add(id);
                router.route(Conversation.builder(id).customer("customer-" + id).channel("chat")
                        .createdAt(clock.instant()).build());
            } else {
                String released = open.remove(random.nextInt(open.size()));
                router.release(released);
            }
        } catch (IllegalStateException lostARace) {
            open.removeIf(conversation -> router.placement(conversation).isEmpty());
        }
    }

    private static void read(Process process, BlockingQueue<String> said) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                said.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
