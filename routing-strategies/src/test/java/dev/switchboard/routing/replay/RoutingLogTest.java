package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.SkillBased;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingLogTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Owner ANA = Owner.agent("ana").skill("billing", 2).languages("en").capacity(1).build();
    private static final Owner BEN = Owner.agent("ben").languages("en", "es").capacity(2).build();
    private static final Owner CAROL = Owner.agent("carol").skill("billing", 3).capacity(2).build();

    private final ManualClock clock = new ManualClock(START);
    private final List<RoutingEvent> seen = new ArrayList<>();
    private final StringWriter log = new StringWriter();

    private static Router.Builder helpdesk() {
        return Router.builder().owner(ANA).owner(BEN, Presence.OFFLINE)
                .chain(SkillBased.builder().build(), new RoundRobin())
                .fallbackQueue("waiting", Duration.ofMinutes(5))
                .responseDeadline(Priority.URGENT, Duration.ofMinutes(2))
                .responseReview(1, "waiting");
    }

    private static Conversation conversation(String id, String customer) {
        return Conversation.builder(id).customer(customer).channel("chat").type("billing").language("en")
                .requires("billing", 1).attribute("offer", "pro").createdAt(START).build();
    }

    /** A morning that makes every kind of line: each call, and each event they cause. */
    private void playMorning(Router router) {
        router.route(conversation("c1", "maria@example.com"));
        router.route(conversation("c2", "joao@example.com"));
        router.route(Conversation.builder("c3").customer("+351900").channel("whatsapp").type("sales")
                .priority(Priority.URGENT).vip(true).createdAt(START.minusSeconds(60)).lastActivityAt(START)
                .preferredOwners("ben", "ana").build());
        clock.advance(Duration.ofMinutes(6));
        router.tick();
        router.setPresence("ben", Presence.ONLINE);
        router.addOwner(CAROL);
        router.claim("carol", "c2");
        router.acknowledge("c2");
        router.setCapacity("ana", Capacity.of(2).withChannel("chat", 1));
        router.transfer("c1", "carol", new Handoff("Billing question", "", "Refund the duplicate charge"));
        router.link("maria@example.com", "+351900");
        clock.advance(Duration.ofMinutes(3));
        router.tick();
        router.removeOwner("ben");
        router.release("c1");
    }

    private RoutingLog recordMorning() throws IOException {
        JsonLinesRecorder recorder = new JsonLinesRecorder(log);
        Router router = helpdesk().clock(clock).recorder(seen::add).recorder(recorder).build();
        playMorning(router);
        recorder.close();
        return RoutingLog.read(new StringReader(log.toString()), "morning.jsonl", List.of(ANA, BEN, CAROL));
    }

    @Test
    void readsBackEveryCallAndEventExactlyAsTheRecorderSawThem() throws IOException {
        RoutingLog read = recordMorning();

        assertThat(read.events()).isEqualTo(seen);
        assertThat(seen).extracting(event -> event.getClass().getSimpleName()).contains("Input", "Assigned", "Queued",
                "SlaBreached", "Transferred", "Released", "Rerouted", "ResponseDeadlineMissed", "PresenceChanged",
                "CapacityChanged", "OwnerJoined", "OwnerLeft");
        assertThat(log.toString()).startsWith("{\"type\":\"header\",\"schema\":3,\"format\":\"switchboard-routing-log\","
                + "\"settings\":{}}\n");
    }

    @Test
    void replayUnderTheSameConfigurationReproducesTheLogExactly() throws IOException {
        RoutingLog read = recordMorning();

        Replay replay = Replay.run(read, helpdesk());

        assertThat(replay.events()).isEqualTo(read.events());
        assertThat(replay.refusals()).isEmpty();
        assertThat(replay.divergence().isEmpty()).isTrue();
    }

    @Test
    void replayReportsCallsTheOtherConfigurationRefuses() throws IOException {
        RoutingLog read = recordMorning();

        Replay replay = Replay.run(read, Router.builder().owner(ANA).chain(new RoundRobin())
                .fallbackQueue("waiting", Duration.ofMinutes(5)));

        assertThat(replay.refusals()).first().asString()
                .isEqualTo("line 12, 2026-03-02T08:06:00Z: SetPresence[ownerId=ben, presence=ONLINE]: ownerId 'ben' is"
                        + " not on the roster");
        assertThat(replay.events()).filteredOn(RoutingEvent.Assigned.class::isInstance).isNotEmpty();
    }

    @Test
    void writerThatFailsDropsLinesButNeverBreaksRouting() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        JsonLinesRecorder recorder = new JsonLinesRecorder(broken);
        Router router = helpdesk().clock(clock).recorder(recorder).build();

        Decision decision = router.route(conversation("c1", "maria@example.com"));

        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        assertThat(recorder.droppedLines()).isEqualTo(1 + 3); // header, roster, route, assigned
    }

    @Test
    void truncatedLineIsAnErrorNamingItsLine() throws IOException {
        recordMorning();
        String[] lines = log.toString().split("\n");
        String truncated = String.join("\n", lines[0], lines[1], lines[2].substring(0, lines[2].length() / 2));

        assertThatThrownBy(() -> read(truncated)).isInstanceOfSatisfying(LogException.class,
                error -> assertThat(error.line()).isEqualTo(3))
                .hasMessageStartingWith("day.jsonl line 3: not valid JSON (a truncated or damaged line?)");
    }

    @Test
    void unknownEventTypeIsAnErrorNamingItsLine() {
        String log = header(1) + "\n{\"at\":\"2026-03-02T08:00:00Z\",\"type\":\"teleported\"}";

        assertThatThrownBy(() -> read(log)).isInstanceOf(LogException.class)
                .hasMessage("day.jsonl line 2: unknown event type 'teleported'");
    }

    @Test
    void aRouteWrittenBeforeConversationsHadLastActivityOrPreferredOwners_readsAsLastActiveWhenCreated()
            throws IOException {
        String log = header(1) + "\n{\"at\":\"2026-03-02T08:00:00Z\",\"type\":\"route\",\"conversation\":{\"id\":\"c1\","
                + "\"customer\":\"m\",\"channel\":\"chat\",\"type\":\"general\",\"priority\":\"normal\",\"vip\":false,"
                + "\"language\":\"\",\"region\":\"\",\"requiredSkills\":[],\"attributes\":{},"
                + "\"createdAt\":\"2026-03-02T07:59:00Z\"}}";

        RouterInput.Route route = (RouterInput.Route) ((RoutingEvent.Input) read(log).events().get(0)).input();

        assertThat(route.conversation().lastActivityAt()).isEqualTo(Instant.parse("2026-03-02T07:59:00Z"));
        assertThat(route.conversation().preferredOwners()).isEmpty();
    }

    @Test
    void newerSchemaIsRefusedAtTheHeader() {
        assertThatThrownBy(() -> read(header(4))).isInstanceOf(LogException.class)
                .hasMessageStartingWith("day.jsonl line 1: schema 4 is newer than this reader");
    }

    @Test
    void eventForAConversationNeverRoutedIsAnError() {
        String log = header(1) + "\n{\"at\":\"2026-03-02T08:00:00Z\",\"type\":\"released\",\"conversation\":\"c9\","
                + "\"from\":\"ana\"}";

        assertThatThrownBy(() -> read(log)).isInstanceOf(LogException.class)
                .hasMessage("day.jsonl line 2: conversation 'c9' was not routed on an earlier line");
    }

    @Test
    void invalidValueIsAnErrorNamingItsLineAndField() {
        String log = header(1) + "\n{\"at\":\"2026-03-02T08:00:00Z\",\"type\":\"set-presence\",\"owner\":\"ana\","
                + "\"presence\":\"asleep\"}";

        assertThatThrownBy(() -> read(log)).isInstanceOf(LogException.class)
                .hasMessage("day.jsonl line 2: field 'presence' has unknown value 'asleep'");
    }

    private static String header(int schema) {
        return "{\"type\":\"header\",\"schema\":" + schema + ",\"format\":\"switchboard-routing-log\"}";
    }

    private static RoutingLog read(String text) throws IOException {
        return RoutingLog.read(new StringReader(text), "day.jsonl", List.of(ANA));
    }
}
