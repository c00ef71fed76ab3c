package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.state.StateSnapshot;
import dev.switchboard.routing.strategy.RoundRobin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON of a state snapshot: its shape, a file round trip, and documents it refuses, each naming the path. */
class StateSnapshotJsonTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private static Router.Builder helpdesk(ManualClock clock) {
        return Router.builder().clock(clock).chain(new RoundRobin()).fallbackQueue("waiting", Duration.ofMinutes(5));
    }

    /** Ana owns c1; ben has no room, so c2 and c3 wait. */
    private static Router routed() {
        ManualClock clock = new ManualClock(START);
        Router router = helpdesk(clock).owner(Owner.agent("ana").capacity(1).build())
                .owner(Owner.agent("ben").capacity(0).build()).build();
        for (String id : new String[] {"c1", "c2", "c3"}) {
            router.route(Conversation.builder(id).customer("maria").channel("chat").createdAt(START).build());
        }
        return router;
    }

    private static ObjectNode document(Router router) throws Exception {
        return (ObjectNode) LogJson.MAPPER.readTree(StateSnapshotJson.write(router.snapshot()));
    }

    @Test
    void writesTheFormatAndSchema_theRosterAndWhereEachConversationIs() throws Exception {
        JsonNode json = document(routed());

        assertThat(json.get("format").asText()).isEqualTo("switchboard-state-snapshot");
        assertThat(json.get("schema").asInt()).isEqualTo(1);
        assertThat(json.at("/roster/0/owner/id").asText()).isEqualTo("ana");
        assertThat(json.at("/roster/0/conversations/0").asText()).isEqualTo("c1");
        assertThat(json.at("/owned/0/owner").asText()).isEqualTo("ana");
        assertThat(json.at("/owned/0/conversation/id").asText()).isEqualTo("c1");
        assertThat(json.at("/waiting/0/conversation/id").asText()).isEqualTo("c2");
        assertThat(json.at("/waiting/1/conversation/id").asText()).isEqualTo("c3");
        assertThat(json.at("/roster/1/activity").has("lastAssignedAt")).as("never is left out").isFalse();
    }

    @Test
    void aFileReadsBackAsTheSnapshotWritten_andARouterBuiltFromItPlacesTheSame(@TempDir Path directory) {
        Router router = routed();
        Path file = directory.resolve("state.json");

        StateSnapshotJson.write(router.snapshot(), file);
        StateSnapshot read = StateSnapshotJson.read(file);
        Router restarted = helpdesk(new ManualClock(START)).restoreFrom(read).build();

        assertThat(read).isEqualTo(router.snapshot());
        restarted.release("c1");
        assertThat(restarted.ownerStatus("ana").conversationIds()).containsExactly("c2");
    }

    @Test
    void refusesAMissingField_namingItsPath() throws Exception {
        ObjectNode json = document(routed());
        ((ObjectNode) json.at("/waiting/1/conversation")).remove("createdAt");

        assertThatThrownBy(() -> StateSnapshotJson.read(json.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state snapshot at waiting[1].conversation: field 'createdAt' is missing");
    }

    @Test
    void refusesAValueOfTheWrongType_namingItsPath() throws Exception {
        ObjectNode json = document(routed());
        ((ArrayNode) json.at("/roster/0/activity/recentAssignments")).add(42);
        ((ObjectNode) json.at("/roster/1")).put("presence", "asleep");

        assertThatThrownBy(() -> StateSnapshotJson.read(json.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state snapshot at roster[0].activity: field 'recentAssignments[0]' must be a string,"
                        + " was 42");
        ((ArrayNode) json.at("/roster/0/activity/recentAssignments")).removeAll();
        assertThatThrownBy(() -> StateSnapshotJson.read(json.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state snapshot at roster[1]: field 'presence' has unknown value 'asleep'");
    }

    @Test
    void refusesAnInconsistentSnapshot_namingTheConversation() throws Exception {
        ObjectNode json = document(routed());
        ((ObjectNode) json.at("/waiting/0/conversation")).put("id", "c1");

        assertThatThrownBy(() -> StateSnapshotJson.read(json.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state snapshot at $: conversation 'c1' is in two places: owned by 'ana' and waiting in"
                        + " 'waiting'");
    }

    @Test
    void refusesWhatIsNotASnapshot() {
        assertThatThrownBy(() -> StateSnapshotJson.read("{\"format\":\"switchboard-routing-log\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state snapshot at $: not a state snapshot");
        assertThatThrownBy(() -> StateSnapshotJson.read("{\"format\":\"switchboard-state-snapshot\",\"schema\":2}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state snapshot at $: schema 2 is not the schema this reader reads, 1");
        assertThatThrownBy(() -> StateSnapshotJson.read(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("state snapshot at $: is empty");
        assertThatThrownBy(() -> StateSnapshotJson.read("{\"format\":1,\"format\":2}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state snapshot at $: is not valid JSON: Duplicate field 'format'");
        assertThatThrownBy(() -> StateSnapshotJson.read("{} {}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state snapshot at $: is not valid JSON: Trailing token");
    }

    @Test
    void refusesADocumentPastItsBounds_beforeBuildingIt() throws Exception {
        String deep = "[".repeat(StateSnapshotJson.MAX_NESTING + 1) + "]".repeat(StateSnapshotJson.MAX_NESTING + 1);
        ObjectNode json = document(routed());
        ((ObjectNode) json.at("/owned/0/conversation")).put("type", "x".repeat(StateSnapshotJson.MAX_STRING_CHARS
                + 1));

        assertThatThrownBy(() -> StateSnapshotJson.read(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> StateSnapshotJson.read(json.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("String value length");
        assertThatThrownBy(() -> StateSnapshotJson.read("{\"n\":" + "9".repeat(StateSnapshotJson.MAX_NUMBER_CHARS
                + 1) + "}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Number value length");
    }

    @Test
    void refusesNulls_namingTheArgument() {
        assertThatThrownBy(() -> StateSnapshotJson.write(null)).hasMessage("snapshot must not be null");
        assertThatThrownBy(() -> StateSnapshotJson.write(routed().snapshot(), null)).hasMessage("file must not be null");
        assertThatThrownBy(() -> StateSnapshotJson.read((String) null)).hasMessage("json must not be null");
        assertThatThrownBy(() -> StateSnapshotJson.read((Path) null)).hasMessage("file must not be null");
    }
}
