package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.switchboard.routing.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFileTest {

    /** A small valid scenario; each test below breaks one thing in it. */
    static final String VALID = """
            {
              "name": "Tiny desk",
              "opens": "09:00",
              "closes": "12:00",
              "queueSlaMinutes": 5,
              "arrivals": {
                "conversations": 50,
                "peaks": [{"at": "10:00", "spreadMinutes": 30, "share": 0.5}],
                "returningShare": 0.2,
                "vipShare": 0.1,
                "specialists": {"share": 0.1, "level": 3, "triageMinutes": 2},
                "channels": {"chat": 2, "email": 1},
                "languages": {"en": 1},
                "priorities": {"normal": 3, "urgent": 1},
                "types": [{"name": "billing", "weight": 1, "skill": "billing", "handlingMinutes": 5}]
              },
              "agents": [
                {"id": "ana", "skills": {"billing": 3}, "languages": ["en"], "capacity": 2, "weight": 2,
                 "shift": {"start": "09:00", "end": "12:00"}},
                {"id": "ben", "skills": {"billing": 1}, "languages": ["en"], "capacity": 3,
                 "channelCapacity": {"phone": 1}, "weight": 1, "shift": {"start": "09:00", "end": "12:00"}}
              ]
            }
            """;

    @Test
    void theShippedScenario_describesTheDefaultDay() {
        Scenario scenario = ScenarioFile.readDefault();

        assertThat(scenario.agents()).hasSize(20);
        assertThat(scenario.arrivals().conversations()).isEqualTo(3000);
        assertThat(scenario.arrivals().peaks()).hasSize(2);
        assertThat(scenario.opens()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void aValidScenario_isReadInTheFilesOrder() {
        Scenario scenario = ScenarioFile.parse(VALID, "tiny.json");

        assertThat(scenario.name()).isEqualTo("Tiny desk");
        assertThat(scenario.queueSla()).isEqualTo(Duration.ofMinutes(5));
        assertThat(scenario.arrivals().channels()).containsExactly(entry("chat", 2.0), entry("email", 1.0));
        assertThat(scenario.arrivals().priorities()).containsOnlyKeys(Priority.NORMAL, Priority.URGENT);
        assertThat(scenario.agents()).extracting(Scenario.AgentSpec::id).containsExactly("ana", "ben");
        assertThat(scenario.agents().get(1).channelCapacity()).containsEntry("phone", 1);
        assertThat(scenario.agents().get(0).channelCapacity()).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"capacity\": 2`              | `\"capacity\": \"two\"`      | tiny.json: agents[0].capacity must be a whole number from 1 to 100, was \"two\"",
        "`\"capacity\": 3`              | `\"capacity\": 0`            | agents[1].capacity must be a whole number from 1 to 100, was 0",
        "`\"end\": \"12:00\"}},`        | `\"end\": \"08:00\"}},`      | agents[0].shift.end must be after shift.start (09:00), was \"08:00\"",
        "`\"opens\": \"09:00\"`         | `\"opens\": \"9am\"`         | opens must be a time of day such as \"08:30\", was \"9am\"",
        "`\"closes\": \"12:00\"`        | `\"closes\": \"09:00\"`      | closes must be after opens (09:00), was \"09:00\"",
        "`\"returningShare\": 0.2`      | `\"returningShare\": 1.5`    | arrivals.returningShare must be a number from 0 to 1, was 1.5",
        "`\"share\": 0.5}]`             | `\"share\": 0.5, \"spread\": 3}]` | arrivals.peaks[0].spread is not a known field; the known ones are at, spreadMinutes, share",
        "`\"urgent\": 1`                | `\"asap\": 1`                | arrivals.priorities.asap is not a known name",
        "`\"chat\": 2`                  | `\"chat\": -2`               | arrivals.channels.chat must be a number above 0, was -2",
        "`\"queueSlaMinutes\": 5,`      | ``                           | queueSlaMinutes is missing",
        "`\"id\": \"ben\"`              | `\"id\": \"ana\"`            | agents[1].id repeats the id 'ana'",
        "`\"at\": \"10:00\"`            | `\"at\": \"23:00\"`          | arrivals.peaks[0].at must be between opens (09:00) and closes (12:00), was \"23:00\"",
        "`\"handlingMinutes\": 5}]`     | `\"handlingMinutes\": 5}, {\"name\": \"Billing\", \"weight\": 1, \"skill\": \"x\", \"handlingMinutes\": 2}]` | arrivals.types[1].name repeats the name 'billing'",
        "`\"languages\": [\"en\"], \"capacity\": 2` | `\"languages\": \"en\", \"capacity\": 2` | agents[0].languages must be an array, was \"en\"",
        "`{\"billing\": 3}`             | `{\"billing\": 11}`          | agents[0].skills.billing must be a whole number from 0 to 10, was 11",
    })
    void eachMistake_isReported_withThePathOfTheFieldAtFault(String original, String replacement, String message) {
        assertThat(VALID).contains(original);
        String broken = VALID.replace(original, replacement);

        assertThatThrownBy(() -> ScenarioFile.parse(broken, "tiny.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("tiny.json: ")
                .hasMessageContaining(message);
    }

    @Test
    void textThatIsNotJson_isReportedWithItsPosition() {
        assertThatThrownBy(() -> ScenarioFile.parse("{\"name\": ", "bad.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("bad.json: is not valid JSON")
                .hasMessageContaining("line 1");
    }

    @Test
    void aFileThatCannotBeRead_isReportedByName() {
        Path missing = Path.of("no-such-scenario.json");

        assertThatThrownBy(() -> ScenarioFile.read(missing))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("no-such-scenario.json: cannot be read");
    }
}
