package dev.switchboard.routing.helpdesk;

/** A path names a conversation that is not open, or an agent who is not on the roster; answered with 404. */
final class UnknownId extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnknownId(String message) {
        super(message);
    }
}
