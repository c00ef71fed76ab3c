package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A skill's index answers as a plain scan of the owners' levels does, whatever order levels arrive in and owners
 * leave: at every minimum, the owners at it or above, and the highest level held.
 */
class SkillLevelsProperties {

    /** An owner (roster index) taking a level, or leaving (level -1). */
    record Change(int index, int level) {}

    @Property(tries = 500)
    void answersAsAScanOfTheLevels(@ForAll("changes") List<Change> changes) {
        SkillLevels index = new SkillLevels();
        Map<Integer, Integer> held = new HashMap<>();
        int highestEver = -1;
        for (Change change : changes) {
            Integer before = held.remove(change.index());
            if (before != null) {
                index.remove(change.index(), before);
            }
            if (change.level() >= 0) {
                index.add(change.index(), change.level());
                held.put(change.index(), change.level());
                highestEver = Math.max(highestEver, change.level());
            }
            for (int min = 0; min <= 12; min++) {
                Bits owners = index.atLeast(min);
                for (int owner = 0; owner < 40; owner++) {
                    Integer level = held.get(owner);
                    boolean expected = level != null && level >= min;
                    assertThat(owners != null && owners.get(owner)).as("owner %d at least %d", owner, min)
                            .isEqualTo(expected);
                }
                if (min > highestEver) {
                    assertThat(owners).as("nobody ever had %d", min).isNull();
                }
            }
            assertThat(index.highest()).isEqualTo(highestEver); // levels of owners who left linger
        }
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        return Combinators.combine(Arbitraries.integers().between(0, 39), Arbitraries.integers().between(-1, 10))
                .as(Change::new).list().ofMaxSize(60);
    }
}
