package dev.switchboard.routing.examples.simulator;

/** A scenario file that cannot be used; the message names the file and the field at fault. */
final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScenarioException(String message) {
        super(message);
    }
}
