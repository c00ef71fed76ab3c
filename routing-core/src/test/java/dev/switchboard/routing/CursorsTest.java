package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One rule's strategy cursors, kept in arrays that move in place. */
class CursorsTest {

    @Test
    void aKeyThatNeverMoved_isAtZero() {
        Cursors cursors = new Cursors();

        assertThat(cursors.get("round-robin")).isZero();

        cursors.move(Map.of("round-robin", 4L));

        assertThat(cursors.get("weighted")).isZero();
    }

    @Test
    void aMoveIsStored_andTheNextMoveReplacesIt() {
        Cursors cursors = new Cursors();

        cursors.move(Map.of("round-robin", 4L));
        assertThat(cursors.get("round-robin")).isEqualTo(4L);

        cursors.move(Map.of("round-robin", 9L));
        assertThat(cursors.get("round-robin")).isEqualTo(9L);

        cursors.move(Map.of("round-robin", 2L));
        assertThat(cursors.get("round-robin")).as("cursors may move back, as a rotation wraps").isEqualTo(2L);
    }

    @Test
    void keepsSeveralKeys_eachAtItsOwnPosition() {
        Cursors cursors = new Cursors();

        cursors.move(Map.of("a", 1L, "b", 2L));
        cursors.move(Map.of("c", 3L));

        assertThat(cursors.get("a")).isEqualTo(1L);
        assertThat(cursors.get("b")).isEqualTo(2L);
        assertThat(cursors.get("c")).isEqualTo(3L);
    }

    @Test
    void movingSomeKeys_leavesTheOthersWhereTheyWere() {
        Cursors cursors = new Cursors();
        cursors.move(Map.of("a", 1L, "b", 2L, "c", 3L));

        cursors.move(Map.of("b", 20L));
        cursors.move(Map.of("c", 30L, "d", 40L));
        cursors.move(Map.of());

        assertThat(cursors.get("a")).isEqualTo(1L);
        assertThat(cursors.get("b")).isEqualTo(20L);
        assertThat(cursors.get("c")).isEqualTo(30L);
        assertThat(cursors.get("d")).isEqualTo(40L);
    }
}
