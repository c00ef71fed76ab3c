package dev.switchboard.routing.replay;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * The JSON of routing logs, for writing and reading alike. Reading is strict: a duplicate key is an error (and
 * {@link LogLines#parse} refuses anything after a line's object). Writing escapes every UTF-16
 * surrogate as {@code \\uXXXX}: a string with a lone surrogate (which no charset can encode, and which used to make
 * the file's UTF-8 encoder fail on every later line) is written, and read back, exactly.
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

    /**
     * Writes a string value as {@link #MAPPER}'s generators do, escaping its surrogates when it has any: a string
     * without one (almost every string of a log) goes through the generator's standard escaping, which writes the
     * same characters as the surrogate escapes would and is several times faster than their per-character check.
     */
    static void writeString(JsonGenerator out, String value) throws IOException {
        if (value == null || hasSurrogate(value)) {
            out.writeString(value);
            return;
        }
        CharacterEscapes escapes = out.getCharacterEscapes();
        out.setCharacterEscapes(null);
        try {
            out.writeString(value);
        } finally {
            out.setCharacterEscapes(escapes);
        }
    }

    /** Writes characters that hold no surrogate (such as an instant's) through the generator's standard escaping. */
    static void writeWithoutSurrogates(JsonGenerator out, char[] text, int offset, int length) throws IOException {
        CharacterEscapes escapes = out.getCharacterEscapes();
        out.setCharacterEscapes(null);
        try {
            out.writeString(text, offset, length);
        } finally {
            out.setCharacterEscapes(escapes);
        }
    }

    private static boolean hasSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

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
