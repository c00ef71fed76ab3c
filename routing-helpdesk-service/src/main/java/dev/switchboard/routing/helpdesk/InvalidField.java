package dev.switchboard.routing.helpdesk;

/** A request field that is missing or not usable; answered with 400 naming the field. */
final class InvalidField extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field's path in the request body, such as {@code skills.billing}. */
    String field() {
        return field;
    }
}
