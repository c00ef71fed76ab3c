package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input with several faults is always refused for the same one, the first by id: the sets and maps that hold the
 * faulty entries are copies whose order changes from one JVM to the next, so the message would too.
 */
class FaultNamedInKeyOrderTest {

    private static final List<String> LAST_FIRST = List.of("o6", "o5", "o4", "o3", "o2", "o1");

    private static Map<String, Instant> eachAt(List<String> keys, Instant at) {
        Map<String, Instant> map = new HashMap<>();
        keys.forEach(key -> map.put(key, at));
        return map;
    }

    private static StateSnapshot snapshot(StateSnapshot.Customers customers, StateSnapshot.Timers timers) {
        return new StateSnapshot(START, List.of(), 0, List.of(), List.of(), List.of(), Map.of(), customers, timers);
    }

    @Test
    void aSnapshotWithSeveralOfflineOwnersNotOnTheRoster_namesTheFirstById() {
        assertThatThrownBy(() -> snapshot(StateSnapshot.empty(START).customers(),
                new StateSnapshot.Timers(eachAt(LAST_FIRST, START), Map.of(), Map.of(), Map.of())))
                .hasMessage("offlineSince: owner 'o1' is not on the roster");
    }

    @Test
    void aSnapshotWithSeveralDeadlinesOfConversationsNotOwned_namesTheFirstById() {
        assertThatThrownBy(() -> snapshot(StateSnapshot.empty(START).customers(),
                new StateSnapshot.Timers(Map.of(), eachAt(LAST_FIRST, START), Map.of(), Map.of())))
                .hasMessage("responseDeadlines: conversation 'o1' is not owned");
    }

    @Test
    void aSnapshotWithSeveralConversationsWhoseAliasIsTaken_namesTheFirstById() {
        Map<String, List<String>> aliases = new HashMap<>();
        LAST_FIRST.forEach(id -> aliases.put(id, List.of("shared")));
        assertThatThrownBy(() -> snapshot(new StateSnapshot.Customers(List.of(), List.of(), aliases),
                StateSnapshot.empty(START).timers()))
                .hasMessageStartingWith("alias 'shared' of conversation 'o2' is an open conversation, or another");
    }

    @Test
    void aRuleNamingSeveralOwnersNotOnTheRoster_namesTheFirstById() {
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(10))), List.of(
                Rule.builder("team").owners(LAST_FIRST).chain(firstAvailable()).queue("waiting").build()));
        assertThatThrownBy(() -> Router.builder().plan(plan).owner(agent("ana", 1)).build())
                .hasMessage("rule 'team' names unknown owner 'o1'; owners: [ana]");
        Router router = Router.builder().chain(firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(10))
                .owner(agent("ana", 1)).build();
        router.route(conversation("c1").build());
        assertThatThrownBy(() -> router.replacePlan(plan))
                .hasMessage("rule 'team' names unknown owner 'o1'; owners: [ana]");
    }
}
