package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The line writer writes what the log's own mapper writes, character for character: every string (control characters,
 * quotes, backslashes, lone surrogates and pairs included), every number, and the commas between names and values.
 */
class LineWriterProperties {

    @Property(tries = 2_000)
    void aStringIsWrittenAsTheMapperWritesIt(@ForAll("texts") String text) throws JsonProcessingException {
        LineWriter out = new LineWriter();
        out.string(text);

        assertThat(out.toString()).isEqualTo(LogJson.MAPPER.writeValueAsString(text));
        assertThat(LogJson.MAPPER.readValue(out.toString(), String.class)).isEqualTo(text);
    }

    @Property(tries = 1_000)
    void aNumberIsWrittenAsTheMapperWritesIt(@ForAll long number) throws JsonProcessingException {
        LineWriter out = new LineWriter();
        out.number(number);

        assertThat(out.toString()).isEqualTo(LogJson.MAPPER.writeValueAsString(number));
    }

    @Example
    void theExtremesOfLong() throws JsonProcessingException {
        for (long number : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 9, 10, 999_999_999_999_999_999L}) {
            LineWriter out = new LineWriter();
            out.number(number);
            assertThat(out.toString()).isEqualTo(Long.toString(number));
        }
    }

    @Property(tries = 300)
    void namesValuesArraysAndObjects_readBackAsWritten(@ForAll("texts") String key, @ForAll("texts") String value,
            @ForAll long number, @ForAll boolean flag) throws JsonProcessingException {
        LineWriter out = new LineWriter();
        out.startObject();
        out.name(LineField.NAME);
        out.string(value);
        out.key(key.equals("name") ? key + "!" : key);
        out.startArray();
        out.number(number);
        out.bool(flag);
        out.string(null);
        out.startObject();
        out.endObject();
        out.startArray();
        out.endArray();
        out.endArray();
        out.endObject();

        JsonNode read = LogJson.MAPPER.readTree(out.toString());
        Map<String, Object> expected = Map.of("name", value, MapKeys.encode(key.equals("name") ? key + "!" : key),
                Arrays.asList(number, flag, null, Map.of(), List.of()));
        assertThat(read).isEqualTo(LogJson.MAPPER.readTree(LogJson.MAPPER.writeValueAsString(expected)));
    }

    @Example
    void aLineEndsAndTheNextStartsWithoutAComma() {
        LineWriter out = new LineWriter();
        out.startObject();
        out.endObject();
        out.newline();
        out.startObject();
        out.endObject();

        assertThat(out.toString()).isEqualTo("{}\n{}");
    }

    @Property(tries = 500)
    void aKeyIsWrittenAsTheMapperWritesItsWrittenForm_withItsColon(@ForAll("texts") String key) throws JsonProcessingException {
        LineWriter out = new LineWriter();
        out.key(key);

        assertThat(out.toString()).isEqualTo(LogJson.MAPPER.writeValueAsString(MapKeys.encode(key)) + ":");
    }

    /** Any characters, with the ones that need escaping often: controls, quotes, backslashes and surrogates. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> special = Arbitraries.of('"', '\\', '\n', '\t', '\r', '\b', '\f', '\u0000', '\u001f',
                '\u007f', '\u2028', '\ud800', '\udbff', '\udc00', '\udfff', 'é', '/');
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.strings().ascii()),
                        Tuple.of(2, Arbitraries.strings().all()),
                        Tuple.of(2, Arbitraries.oneOf(special, Arbitraries.chars().alpha())
                                .list().ofMaxSize(20).map(LineWriterProperties::join)));
    }

    private static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    }
}
