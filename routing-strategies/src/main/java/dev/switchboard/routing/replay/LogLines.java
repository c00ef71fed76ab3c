package dev.switchboard.routing.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** The lines of a log, one at a time, and each line's one JSON object. */
interface LogLines {

    /** The next line without its terminator, or null at the end; bytes that are not UTF-8 are a {@link LineFields.BadLine}. */
    String next() throws IOException;

    /** Lines of characters already decoded. */
    record Decoded(BufferedReader reader) implements LogLines {
        @Override
        public String next() throws IOException {
            return reader.readLine();
        }
    }

    /**
     * Lines of UTF-8 bytes, ended by {@code \n} (a {@code \r} before it is dropped), each decoded on its own so
     * that a malformed byte is reported on its line.
     */
    final class Utf8 implements LogLines {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Utf8(InputStream in) {
            this.in = in;
        }

        @Override
        public String next() throws IOException {
            line.reset();
            int read;
            while ((read = in.read()) != -1 && read != '\n') {
                line.write(read);
            }
            if (read == -1 && line.size() == 0) {
                return null;
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            } catch (CharacterCodingException e) {
                throw new LineFields.BadLine("not valid UTF-8 (a damaged file, or one written in another encoding)");
            }
        }
    }

    /**
     * The line's JSON object. Anything after it is an error: two lines merged by a lost newline, or trailing
     * garbage; so is a duplicate key.
     */
    static JsonNode parse(String text) {
        try (JsonParser parser = LogJson.MAPPER.createParser(text)) {
            JsonNode line;
            try {
                line = LogJson.MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                throw new LineFields.BadLine("not valid JSON (a truncated or damaged line?): " + e.getOriginalMessage());
            }
            if (line == null || !line.isObject()) {
                throw new LineFields.BadLine("not a JSON object (a truncated or damaged line?)");
            }
            long end = parser.currentLocation().getColumnNr();
            boolean more;
            try {
                more = parser.nextToken() != null;
            } catch (JsonProcessingException e) {
                more = true;
            }
            if (more) {
                throw new LineFields.BadLine("more after the line's JSON object, from column " + end
                        + ": two lines merged by a lost newline, or trailing garbage");
            }
            return line;
        } catch (IOException impossible) {
            throw new IllegalStateException("reading a string failed", impossible);
        }
    }
}
