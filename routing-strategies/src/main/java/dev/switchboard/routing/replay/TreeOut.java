package dev.switchboard.routing.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A part of a line written as a tree, through Jackson's token buffer: names and strings stay Java strings, so a key
 * that holds a lone UTF-16 surrogate (which no JSON parser reads back from a field name) is kept as it is.
 */
final class TreeOut implements JsonOut {

    /** How each token is handed to the buffer, which writes to memory. */
    private interface Token {
        void write() throws IOException;
    }

    private final TokenBuffer tokens = new TokenBuffer(LogJson.MAPPER, false);

    /** The tree of what was written. */
    JsonNode tree() {
        try {
            return LogJson.MAPPER.readTree(tokens.asParser());
        } catch (IOException impossible) {
            throw new UncheckedIOException("reading a token buffer failed", impossible);
        }
    }

    @Override
    public void startObject() {
        write(tokens::writeStartObject);
    }

    @Override
    public void endObject() {
        write(tokens::writeEndObject);
    }

    @Override
    public void startArray() {
        write(tokens::writeStartArray);
    }

    @Override
    public void endArray() {
        write(tokens::writeEndArray);
    }

    @Override
    public void name(LineField field) {
        write(() -> tokens.writeFieldName(field.fieldName()));
    }

    @Override
    public void key(String key) {
        write(() -> tokens.writeFieldName(MapKeys.encode(key)));
    }

    @Override
    public void string(String value) {
        write(() -> tokens.writeString(value));
    }

    @Override
    public void plainString(char[] text, int offset, int count) {
        write(() -> tokens.writeString(text, offset, count));
    }

    @Override
    public void number(int value) {
        write(() -> tokens.writeNumber(value));
    }

    @Override
    public void number(long value) {
        write(() -> tokens.writeNumber(value));
    }

    @Override
    public void bool(boolean value) {
        write(() -> tokens.writeBoolean(value));
    }

    @Override
    public void tree(JsonNode document) {
        write(() -> tokens.writeTree(document));
    }

    private static void write(Token token) {
        try {
            token.write();
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to a token buffer failed", impossible);
        }
    }
}
