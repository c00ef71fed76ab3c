package dev.switchboard.routing.helpdesk;

/** The conversation's or the owner's state does not allow the call; answered with 409. */
final class Conflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Conflict(String message) {
        super(message);
    }
}
