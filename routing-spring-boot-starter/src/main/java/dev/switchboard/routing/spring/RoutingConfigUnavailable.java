package dev.switchboard.routing.spring;

/**
 * The routing configuration that {@code switchboard.config} points at cannot be used. Its message names the property
 * and the location (and, for an invalid document, every problem at its JSON path); {@link #action()} says what to do,
 * which {@link RoutingConfigFailureAnalyzer} shows when the application fails to start.
 */
final class RoutingConfigUnavailable extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    RoutingConfigUnavailable(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /** What to do about it. */
    String action() {
        return action;
    }
}
