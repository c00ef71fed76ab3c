package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The Redis tests are never skipped: a test that aborts on an assumption fails instead. */
class RedisServerExtensionTest {

    private final RedisServerExtension extension = new RedisServerExtension();

    @Test
    void anAbortedTestFails() {
        TestAbortedException aborted = new TestAbortedException("no Redis here");

        assertThatThrownBy(() -> extension.handleTestExecutionException(null, aborted))
                .isInstanceOf(AssertionError.class)
                .hasMessage("a Redis test must run, not be skipped: no Redis here").hasCause(aborted);
        assertThatThrownBy(() -> extension.handleBeforeAllMethodExecutionException(null, aborted))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> extension.handleBeforeEachMethodExecutionException(null, aborted))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anyOtherFailureIsLeftAsItIs() {
        IllegalStateException failure = new IllegalStateException("broken");

        assertThatThrownBy(() -> extension.handleTestExecutionException(null, failure)).isSameAs(failure);
    }
}
