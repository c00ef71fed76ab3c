package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Once most roster indexes belong to owners who left, the roster renumbers the owners on it densely and rebuilds its
 * indexes; roster positions, rotations and the index's answers stay as they were.
 */
class RosterCompactionTest {

    /** Round-robin through the roster's index: the first owner with room at or after the cursor, else the first. */
    private final List<Long> positionsChosen = new ArrayList<>();
    private final Strategy indexedRotation = TestStrategies.strategy("rr", (conversation, view) -> {
        Eligible eligible = view.eligible(Requirements.NONE, BusyPolicy.EXCLUDE);
        if (!eligible.advanceTo(view.cursor("rr"))) {
            eligible = view.eligible(Requirements.NONE, BusyPolicy.EXCLUDE);
            if (!eligible.next()) {
                return Verdict.pass(PassReason.NO_CAPACITY, "nobody has room");
            }
        }
        positionsChosen.add(eligible.rosterPosition());
        return new Verdict.Assign(eligible.owner().id(), "next", Map.of("rr", eligible.rosterPosition() + 1));
    });

    private Router router(String... owners) {
        Router.Builder builder = Router.builder().clock(new ManualClock(START)).chain(indexedRotation)
                .fallbackQueue("waiting", Duration.ofMinutes(5));
        for (String owner : owners) {
            builder.owner(agent(owner, 10));
        }
        return builder.build();
    }

    private static String owner(Decision decision) {
        return ((Decision.Assigned) decision).ownerId();
    }

    @Test
    void aRotationKeepsItsPlace_andPositionsKeepGrowing_afterManyOwnersJoinedAndLeft() {
        Router router = router("a", "b", "c");
        assertThat(owner(router.route(conversation("c1").build()))).isEqualTo("a");

        for (int i = 0; i < 300; i++) { // several compactions
            router.addOwner(agent("gone-" + i, 1), Presence.ONLINE);
            router.removeOwner("gone-" + i);
        }
        router.addOwner(agent("d", 10), Presence.ONLINE);

        List<String> next = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            next.add(owner(router.route(conversation("c" + i).build())));
        }
        assertThat(next).containsExactly("b", "c", "d", "a", "b");
        assertThat(positionsChosen).containsExactly(0L, 1L, 2L, 303L, 0L, 1L);
    }

    @Test
    void theIndexFindsWhatAScanFinds_afterOwnersLeftFromAnywhere() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add("o" + i);
        }
        List<List<String>> indexed = new ArrayList<>();
        List<List<String>> scanned = new ArrayList<>();
        Strategy compare = TestStrategies.strategy("compare", (conversation, view) -> {
            Requirements billing = new Requirements(List.of(SkillRequirement.required("billing", 2)), "", "");
            indexed.add(visit(view.eligible(billing, BusyPolicy.EXCLUDE)));
            scanned.add(visit(Eligible.scan(view.candidates(), billing, BusyPolicy.EXCLUDE)));
            return Verdict.pass(PassReason.NOT_APPLICABLE, "only looking");
        });
        Router.Builder builder = Router.builder().clock(new ManualClock(START)).chain(compare)
                .fallbackQueue("waiting", Duration.ofMinutes(5));
        for (int i = 0; i < ids.size(); i++) {
            builder.owner(Owner.agent(ids.get(i)).capacity(2).skill("billing", i % 4).build());
        }
        Router router = builder.build();
        for (int i = 0; i < ids.size(); i++) {
            if (i % 7 != 3) {
                router.removeOwner(ids.get(i)); // past half the indexes: compacted, more than once
            }
        }
        router.addOwner(Owner.agent("late").capacity(2).skill("billing", 3).build(), Presence.ONLINE);

        router.route(conversation("c1").build());

        assertThat(indexed).isNotEmpty().isEqualTo(scanned); // each decision the router made, indexed and scanned
        assertThat(indexed.get(0)).hasSize(16).endsWith("late");
    }

    private static List<String> visit(Eligible eligible) {
        List<String> visited = new ArrayList<>();
        while (eligible.next()) {
            visited.add(eligible.owner().id());
        }
        return visited;
    }
}
