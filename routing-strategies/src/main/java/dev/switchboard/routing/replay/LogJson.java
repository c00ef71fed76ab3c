package dev.switchboard.routing.replay;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;

/**
 * The JSON of routing logs, for writing and reading alike. Reading is strict: a duplicate key is an error (and
 * {@link LogLines#parse} refuses anything after a line's object). Writing escapes every UTF-16
 * surrogate as {@code \\uXXXX}: a string with a lone surrogate (which no charset can encode, and which used to make
 * the file's UTF-8 encoder fail on every later line) is written, and read back, exactly. The lines themselves are
 * written by {@link LineWriter}, which escapes as this mapper does.
 */
final class LogJson {

    /** Floats are read as written (as the configuration reader does), so an embedded document reads back equal. */
    static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    .characterEscapes(new SurrogateEscapes()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private LogJson() {}

    /** The standard escapes, and {@code \\uXXXX} for each surrogate. */
    private static final class SurrogateEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isSurrogate((char) ch)
                    ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}
