package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.state.StateSnapshot;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Keys with a lone UTF-16 surrogate, which no JSON parser reads back from a field name, are written so that they read
 * back exactly, in routing logs and state snapshots; every other key is written as it is.
 */
class MapKeysProperties {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Property(tries = 2_000)
    void everyKeyReadsBackAsItWas_fromAFieldNameJacksonReads(@ForAll("keys") String key) throws IOException {
        ObjectNode written = LogJson.MAPPER.createObjectNode().put(MapKeys.encode(key), 1);

        JsonNode read = LogJson.MAPPER.readTree(LogJson.MAPPER.writeValueAsString(written));

        assertThat(MapKeys.decode(read.fieldNames().next())).isEqualTo(key);
    }

    @Property(tries = 1_000)
    void aKeyWithoutALoneSurrogateOrALeadingNul_isWrittenAsItIs(@ForAll("keys") String key) {
        boolean plain = key.isEmpty() || key.charAt(0) != '\0' && key.codePoints()
                .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);

        assertThat(MapKeys.encode(key).equals(key)).isEqualTo(plain);
    }

    @Example
    void aWrittenKeyThatIsNotHexIsRefused_namingIt() {
        assertThatThrownBy(() -> MapKeys.decode("\0abc")).isInstanceOf(LineFields.BadLine.class)
                .hasMessageContaining("'\\0abc'");
        assertThatThrownBy(() -> MapKeys.decode("\0zzzz")).isInstanceOf(LineFields.BadLine.class)
                .hasMessageContaining("'z' is not a hex digit");
    }

    @Example
    void aLogWhoseOwnerIdAndAttributeKeyHoldLoneSurrogates_readsBack() throws IOException {
        Owner owner = Owner.agent("ana\ud800").capacity(2).build();
        StringWriter log = new StringWriter();
        JsonLinesRecorder recorder = new JsonLinesRecorder(log);
        Router router = router(owner).recorder(recorder).build();
        router.route(conversation());
        recorder.close();

        RoutingLog read = RoutingLog.read(new StringReader(log.toString()), "log", List.of(owner));
        Replay replayed = Replay.run(read, router(owner));

        assertThat(replayed.divergence().isEmpty()).as("the replay makes the recorded decisions").isTrue();
        assertThat(replayed.events()).isNotEmpty();
        assertThat(log.toString()).contains("\"\\u0000") // the keys, written as their code units
                .contains("\"ana\\ud800\""); // the same id as a value, as it is
    }

    @Example
    void aSnapshotWhoseIdsAndKeysHoldLoneSurrogates_readsBackEqual() {
        Router router = router(Owner.agent("ana\ud800").capacity(2).skill("bill\udc00ing", 3).build()).build();
        router.route(conversation());
        StateSnapshot snapshot = router.snapshot();

        assertThat(StateSnapshotJson.read(StateSnapshotJson.write(snapshot))).isEqualTo(snapshot);
    }

    private static Router.Builder router(Owner owner) {
        return Router.builder().clock(new ManualClock(START)).chain(new StickyPreviousOwner(), new RoundRobin())
                .fallbackQueue("waiting", Duration.ofMinutes(15)).owner(owner, Presence.ONLINE);
    }

    private static Conversation conversation() {
        return Conversation.builder("c1\udc00").customer("maria\ud801").channel("chat")
                .attribute("source\ud802", "web\udc01").createdAt(START).build();
    }

    /** Any text, with lone and paired surrogates and a leading NUL often. */
    @Provide
    Arbitrary<String> keys() {
        Arbitrary<Character> special = Arbitraries.of('\0', '\ud800', '\udbff', '\udc00', '\udfff', '"', '\\', 'a');
        Arbitrary<String> mixed = Arbitraries.oneOf(special, Arbitraries.chars().alpha()).list().ofMaxSize(12)
                .map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
        return Arbitraries.frequencyOf(Tuple.of(3, mixed), Tuple.of(2, Arbitraries.strings().all()),
                Tuple.of(1, Arbitraries.just("\ud83d\udc4d emoji")));
    }
}
