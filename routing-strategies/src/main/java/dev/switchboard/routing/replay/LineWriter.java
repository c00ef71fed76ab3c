package dev.switchboard.routing.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * One JSON line, written into a buffer this writer reuses, for {@link LineEncoder}: objects, arrays, names and values
 * in order, each comma put in from what the line ends with. Strings are escaped as {@link LogJson#MAPPER} escapes
 * them: {@code \"}, {@code \\}, the short escapes of {@code \b \t \f \n \r}, {@code \\u00XX} for the other control
 * characters, and {@code \\uxxxx} for every UTF-16 surrogate, so that a line reads back exactly and its file is valid
 * UTF-8 whatever the ids hold. A routing log's lines are mostly short ASCII texts, which this copies in bulk and
 * checks once; it is several times faster than a general generator, which checks the state of the document at every
 * token.
 */
final class LineWriter implements JsonOut {

    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

    private char[] buffer = new char[1_024];
    private int length;

    /** Empties the line. */
    void reset() {
        length = 0;
    }

    /** Writes the line, as it is now, to {@code out}. */
    void writeTo(Writer out) throws IOException {
        out.write(buffer, 0, length);
    }

    @Override
    public String toString() {
        return new String(buffer, 0, length);
    }

    @Override
    public void startObject() {
        separate();
        put('{');
    }

    @Override
    public void endObject() {
        put('}');
    }

    @Override
    public void startArray() {
        separate();
        put('[');
    }

    @Override
    public void endArray() {
        put(']');
    }

    /** The field's name as {@link LineField} quoted it once, with its colon. */
    @Override
    public void name(LineField field) {
        separate();
        char[] quoted = field.quoted();
        append(quoted, 0, quoted.length);
    }

    /** A map's key as a field's name, escaped. */
    @Override
    public void key(String key) {
        separate();
        quoted(MapKeys.encode(key));
        put(':');
    }

    /** A string, escaped; null writes {@code null}. */
    @Override
    public void string(String value) {
        separate();
        if (value == null) {
            append("null");
        } else {
            quoted(value);
        }
    }

    /** Characters that need no escaping (an instant's), as a string. */
    @Override
    public void plainString(char[] text, int offset, int count) {
        separate();
        put('"');
        append(text, offset, count);
        put('"');
    }

    @Override
    public void number(int value) {
        number((long) value);
    }

    @Override
    public void number(long value) {
        separate();
        if (value == Long.MIN_VALUE) {
            append(Long.toString(value)); // the one whose negation is not a long
            return;
        }
        long rest = value;
        if (rest < 0) {
            put('-');
            rest = -rest;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && rest >= bound; bound *= 10) {
            digits++;
        }
        ensure(digits);
        for (int at = length + digits - 1; at >= length; at--) {
            buffer[at] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
    }

    @Override
    public void bool(boolean value) {
        separate();
        append(value ? "true" : "false");
    }

    /** A document, as {@link LogJson#MAPPER} writes it. */
    @Override
    public void tree(JsonNode document) {
        String json;
        try {
            json = LogJson.MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a document into a routing log line", e);
        }
        separate();
        append(json);
    }

    /** Ends the line. */
    void newline() {
        put('\n');
    }

    /** A comma, unless the line is empty or ends with what opens a value's place. */
    private void separate() {
        if (length > 0) {
            char last = buffer[length - 1];
            if (last != '{' && last != '[' && last != ':' && last != '\n') {
                put(',');
            }
        }
    }

    /**
     * The string in quotes: copied whole, then, from the first character that needs an escape (if any), again one
     * character at a time.
     */
    private void quoted(String value) {
        int count = value.length();
        ensure(count + 2);
        buffer[length] = '"';
        int start = length + 1;
        value.getChars(0, count, buffer, start);
        int end = start + count;
        int at = start;
        while (at < end && !needsEscape(buffer[at])) {
            at++;
        }
        if (at == end) {
            buffer[end] = '"';
            length = end + 1;
            return;
        }
        length = at;
        for (int i = at - start; i < count; i++) {
            char c = value.charAt(i);
            if (needsEscape(c)) {
                escape(c);
            } else {
                put(c);
            }
        }
        put('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c);
    }

    private void escape(char c) {
        char shortEscape = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortEscape != 0) {
            put('\\');
            put(shortEscape);
            return;
        }
        char[] hex = Character.isSurrogate(c) ? HEX_LOWER : HEX_UPPER;
        ensure(6);
        buffer[length++] = '\\';
        buffer[length++] = 'u';
        buffer[length++] = hex[(c >> 12) & 0xF];
        buffer[length++] = hex[(c >> 8) & 0xF];
        buffer[length++] = hex[(c >> 4) & 0xF];
        buffer[length++] = hex[c & 0xF];
    }

    private void put(char c) {
        ensure(1);
        buffer[length++] = c;
    }

    private void append(String text) {
        ensure(text.length());
        text.getChars(0, text.length(), buffer, length);
        length += text.length();
    }

    private void append(char[] text, int offset, int count) {
        ensure(count);
        System.arraycopy(text, offset, buffer, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (buffer.length - length < more) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
