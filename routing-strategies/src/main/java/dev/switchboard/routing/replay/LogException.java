package dev.switchboard.routing.replay;

/**
 * A routing log that cannot be read, naming the line (counted from 1) and what is wrong there. Nothing of a log that
 * fails is returned, so nothing of it is replayed.
 */
public final class LogException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;

    LogException(String source, int line, String message) {
        super(source + " line " + line + ": " + message);
        this.line = line;
    }

    /** The line that could not be read, counted from 1. */
    public int line() {
        return line;
    }
}
