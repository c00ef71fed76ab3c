package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Conversations idle longer than a limit are kept from automatic assignment, as Chatwoot's
 * {@code exclude_older_than_hours}; fresh ones go on down the chain.
 */
class ExcludeStaleTest {

    private final PeerRouters peers = new PeerRouters();

    private Router router() {
        return Router.builder().clock(peers.clock).owner(Owner.agent("ana").capacity(1).build())
                .chain(new ExcludeStale("exclude-stale", Duration.ofHours(24), Optional.of("stale")),
                        new RoundRobin())
                .queue("stale", Duration.ofHours(8)).fallbackQueue("waiting", Duration.ofMinutes(15)).build();
    }

    @Test
    void aConversationQuietLongerThanTheLimitGoesToTheStaleQueue_aFreshOneIsAssigned() {
        Router router = router();
        peers.clock.advance(Duration.ofHours(30));

        Decision stale = router.route(peers.next().createdAt(Fixtures.NOW).lastActivityAt(Fixtures.NOW).build());
        Decision fresh = router.route(peers.next().createdAt(Fixtures.NOW)
                .lastActivityAt(peers.clock.instant().minus(Duration.ofHours(2))).build());

        assertThat(stale).isInstanceOf(Decision.Queued.class).extracting(decision -> ((Decision.Queued) decision)
                .queue()).isEqualTo("stale");
        assertThat(stale.trace().explain()).contains("no activity for 30h, longer than the limit of 24h, so it is not"
                + " assigned automatically");
        assertThat(PeerRouters.ownerOf(fresh)).isEqualTo("ana");
    }

    @Test
    void aConversationThatGoesStaleWhileItWaitsIsMovedOnTheNextTick() {
        Router router = router();
        router.route(peers.next().build()); // ana is full
        router.route(peers.next().build());

        peers.clock.advance(Duration.ofHours(25));
        router.tick();

        assertThat(((Placement.Waiting) router.placement("c2").orElseThrow()).entry().queue()).isEqualTo("stale");
    }

    @Test
    void withoutAQueue_aStaleConversationIsHeldWhereItWaits_andMayBeClaimed() {
        Router router = Router.builder().clock(peers.clock).owner(Owner.agent("ana").capacity(1).build())
                .chain(new ExcludeStale(Duration.ofHours(1)), new RoundRobin())
                .fallbackQueue("waiting", Duration.ofMinutes(15)).build();
        peers.clock.advance(Duration.ofHours(2));

        Decision held = router.route(peers.next().createdAt(Fixtures.NOW).build());

        assertThat(((Decision.Queued) held).queue()).isEqualTo("waiting");
        assertThat(router.claim("ana", held.conversationId())).isInstanceOf(Decision.Assigned.class);
    }
}
