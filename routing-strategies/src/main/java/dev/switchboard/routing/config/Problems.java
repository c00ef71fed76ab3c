package dev.switchboard.routing.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The problems found in a document so far, in the order they were found. */
final class Problems {

    private final List<ConfigException.Problem> found = new ArrayList<>();
    private final JsonDocument document;

    Problems(JsonDocument document) {
        this.document = document;
    }

    void add(String path, String message) {
        found.add(new ConfigException.Problem(path, message));
    }

    /** A problem with the number at {@code path}, whose message ends with where the number is written. */
    void addAtNumber(String path, String message) {
        add(path, message + document.whereNumber(path));
    }

    /** How many problems were found so far: compare before and after reading a part to know if it was sound. */
    int count() {
        return found.size();
    }

    /**
     * Makes a value with the library's own checks, and records the refusal of bad input (an
     * {@link IllegalArgumentException} naming the field and value) as a problem at {@code path}.
     */
    <T> Optional<T> attempt(String path, Supplier<T> make) {
        try {
            return Optional.of(make.get());
        } catch (IllegalArgumentException refused) {
            add(path, refused.getMessage());
            return Optional.empty();
        }
    }

    /** Throws every problem found, if there is one. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
    }
}
