package dev.switchboard.routing.redis;

/**
 * Redis could not be reached, did not answer in time, or is not ready (loading its data). Thrown at once, without
 * waiting for Redis to return; the next call connects again. Every store operation is one script, which Redis runs
 * whole or not at all: when the connection broke after the script was sent, the operation either happened entirely
 * or not at all, and reading the state again tells which.
 */
public final class RedisUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
