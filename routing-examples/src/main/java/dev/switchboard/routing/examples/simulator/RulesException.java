package dev.switchboard.routing.examples.simulator;

/**
 * A rules document that the simulator cannot use: not a valid routing configuration, or one whose owners are not
 * the scenario's agents. The message names the file and each JSON path at fault.
 */
final class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RulesException(String message) {
        super(message);
    }
}
