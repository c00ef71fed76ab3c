package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.redis.NearCache.Member;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The near-cache's roster: owners stay in roster order through every change, a change replaces an owner in its slot
 * without disturbing the others (nor a roster handed out before it), and owners joining, leaving or moving re-sort it.
 */
class CachedRosterTest {

    private static Member member(String id, long position, int load) {
        OwnerState state = new OwnerState(id, position, 1, Presence.ONLINE, load, Map.of(), List.of(), Instant.MIN,
                Instant.MIN, List.of(), Instant.MIN, Optional.empty(), 0, List.of(), Optional.empty());
        return new Member(state, Owner.agent(id).capacity(5).build());
    }

    private static List<String> ids(CachedRoster roster) {
        return roster.inOrder().stream().map(member -> member.state().ownerId()).toList();
    }

    private final CachedRoster roster = CachedRoster.of(List.of(member("cy", 2, 0), member("ana", 0, 0),
            member("ben", 1, 0)));

    @Test
    void holdsOwnersInRosterPositionOrder_andFindsEachById() {
        assertThat(ids(roster)).containsExactly("ana", "ben", "cy");
        assertThat(roster.get("ben").state().position()).isEqualTo(1);
        assertThat(roster.get("dee")).isNull();
    }

    @Test
    void aChangedOwnerIsReplacedInItsSlot_andARosterHandedOutBeforeKeepsWhatItHeld() {
        CachedRoster next = roster.with(List.of(member("ben", 1, 3)), List.of());

        assertThat(ids(next)).containsExactly("ana", "ben", "cy");
        assertThat(next.get("ben").state().load()).isEqualTo(3);
        assertThat(next.inOrder().get(1).state().load()).isEqualTo(3);
        assertThat(roster.get("ben").state().load()).isZero();
        assertThat(roster.inOrder().get(1).state().load()).isZero();
    }

    @Test
    void ownersJoiningAndLeaving_keepRosterOrder() {
        CachedRoster next = roster.with(List.of(member("dee", 3, 0), member("ana", 0, 1)), List.of("ben"));

        assertThat(ids(next)).containsExactly("ana", "cy", "dee");
        assertThat(next.get("ana").state().load()).isEqualTo(1);
        assertThat(next.get("ben")).isNull();
        assertThat(ids(next.with(List.of(), List.of("nobody")))).containsExactly("ana", "cy", "dee");
    }

    @Test
    void anOwnerAtANewPosition_movesToIt() {
        CachedRoster next = roster.with(List.of(member("ana", 7, 0)), List.of());

        assertThat(ids(next)).containsExactly("ben", "cy", "ana");
        assertThat(next.get("ana").state().position()).isEqualTo(7);
    }
}
