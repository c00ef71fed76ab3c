package dev.switchboard.routing.replay;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where {@link LineEncoder} writes, token by token: a routing log's line as text ({@link LineWriter}), or a tree for
 * the documents that embed a part of a line, such as state snapshots and replay diffs ({@link TreeOut}). Names and
 * values come in order; an object's name comes before each of its values.
 */
interface JsonOut {

    void startObject();

    void endObject();

    void startArray();

    void endArray();

    /** One of the fields lines have. */
    void name(LineField field);

    /** A map's key, as a field's name (see {@link MapKeys}). */
    void key(String key);

    /** A string; null writes {@code null}. */
    void string(String value);

    /** Characters that need no escaping (an instant's), as a string. */
    void plainString(char[] text, int offset, int count);

    void number(int value);

    void number(long value);

    void bool(boolean value);

    /** A document whole, as {@link LogJson#MAPPER} writes it. */
    void tree(JsonNode document);
}
