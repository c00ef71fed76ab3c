package dev.switchboard.routing.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Options are checked when set, and each option leaves the options it came from unchanged. */
class OptionsTest {

    private final SwitchboardInvariants.Options defaults = SwitchboardInvariants.Options.defaults();

    @Test
    void badValues_areRefusedNamingTheOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.tries(0))
                .withMessage("tries must be at least 1, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.maxOperations(-3))
                .withMessage("maxOperations must be at least 1, was -3");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.extraHold(Duration.ofMinutes(-1)))
                .withMessage("extraHold must not be negative, was PT-1M");
    }

    @Test
    void eachOption_returnsACopy() {
        SwitchboardInvariants.Options changed = defaults.tries(5).seed(9).skip(Invariant.NO_STARVATION);

        assertThat(defaults).isEqualTo(SwitchboardInvariants.Options.defaults());
        assertThat(changed.tries()).isEqualTo(5);
        assertThat(changed.seed()).isEqualTo(9);
        assertThat(changed.skipped()).containsExactly(Invariant.NO_STARVATION);
        assertThat(changed.checked()).doesNotContain(Invariant.NO_STARVATION).contains(Invariant.CAPACITY);
    }
}
