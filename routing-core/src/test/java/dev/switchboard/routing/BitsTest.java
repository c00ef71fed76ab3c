package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The roster's growable bit sets: one bit per roster position, 64 to a word. */
class BitsTest {

    @Nested
    class SettingAndClearing {
        @Test
        void setsAndClearsPositions_onBothSidesOfAWordBoundary() {
            Bits bits = new Bits();

            bits.set(63);
            bits.set(64);
            bits.set(128);

            assertThat(bits.get(63)).isTrue();
            assertThat(bits.get(64)).isTrue();
            assertThat(bits.get(128)).isTrue();
            assertThat(bits.get(62)).isFalse();
            assertThat(bits.get(65)).isFalse();
            assertThat(bits.get(127)).isFalse();
            assertThat(bits.word(0)).isEqualTo(1L << 63);
            assertThat(bits.word(1)).isEqualTo(1L);
            assertThat(bits.word(2)).isEqualTo(1L);

            bits.clear(64);

            assertThat(bits.get(63)).isTrue();
            assertThat(bits.get(64)).isFalse();
            assertThat(bits.word(1)).isZero();
        }

        @Test
        void setWithAValue_setsOrClears() {
            Bits bits = new Bits();

            bits.set(5, true);
            bits.set(70, true);
            bits.set(5, false);

            assertThat(bits.get(5)).isFalse();
            assertThat(bits.get(70)).isTrue();
        }

        @Test
        void settingTwice_orClearingAPositionNeverSet_changesNothingElse() {
            Bits bits = new Bits();
            bits.set(3);

            bits.set(3);
            bits.clear(4);

            assertThat(bits.word(0)).isEqualTo(1L << 3);
        }
    }

    @Nested
    class Growth {
        @Test
        void startsWithOneEmptyWord() {
            Bits bits = new Bits();

            assertThat(bits.words().length).isEqualTo(1);
            assertThat(bits.word(0)).isZero();
        }

        @Test
        void growsToHoldAFarPosition_keepingWhatWasSet() {
            Bits bits = new Bits();
            bits.set(1);

            bits.set(1000);

            assertThat(bits.words().length).isGreaterThan(1000 / 64);
            assertThat(bits.get(1000)).isTrue();
            assertThat(bits.get(999)).isFalse();
            assertThat(bits.get(1)).isTrue();
        }

        @Test
        void aWordPastTheEnd_isZero_andClearingOrReadingThereDoesNotGrow() {
            Bits bits = new Bits();
            bits.set(10);

            bits.clear(5000);

            assertThat(bits.words().length).isEqualTo(1);
            assertThat(bits.word(1)).isZero();
            assertThat(bits.word(500)).isZero();
            assertThat(bits.get(5000)).isFalse();
        }

        @Test
        void reserving_growsToHoldAPositionWithoutSettingIt_soThatSettingItLaterKeepsTheSameWords() {
            Bits bits = new Bits();
            bits.set(1);

            long[] reserved = bits.reserve(1000);
            bits.set(1000);
            bits.clear(1000);
            bits.set(999);

            assertThat(bits.words()).isSameAs(reserved);
            assertThat(reserved.length).isGreaterThan(1000 / 64);
            assertThat(bits.get(1)).isTrue();
            assertThat(bits.get(999)).isTrue();
            assertThat(bits.get(1000)).isFalse();
        }
    }

    @Nested
    class Copies {
        @Test
        void haveTheSameBits_andChangeIndependently() {
            Bits original = new Bits();
            original.set(2);
            original.set(70);

            Bits copy = original.copy();
            copy.set(3);
            copy.clear(70);
            original.set(200);

            assertThat(copy.get(2)).isTrue();
            assertThat(copy.get(3)).isTrue();
            assertThat(copy.get(70)).isFalse();
            assertThat(copy.get(200)).isFalse();
            assertThat(original.get(3)).isFalse();
            assertThat(original.get(70)).isTrue();
            assertThat(original.get(200)).isTrue();
        }
    }
}
