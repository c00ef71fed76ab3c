package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A router of capacity-one agents, as the peer systems' queues have, for asserting their expected order of picks. */
final class PeerRouters {

    final ManualClock clock = new ManualClock(Fixtures.NOW);
    private int conversations;

    /** A router over agents of capacity one, in roster order, routing by {@code chain}. */
    Router router(List<String> agents, Strategy... chain) {
        Router.Builder builder = Router.builder().clock(clock).chain(chain)
                .fallbackQueue("waiting", Duration.ofMinutes(15));
        agents.forEach(id -> builder.owner(Owner.agent(id).capacity(1).build()));
        return builder.build();
    }

    /** A new conversation, created now. */
    Conversation.Builder next() {
        return Fixtures.conversationBuilder("c" + ++conversations).createdAt(clock.instant());
    }

    /** Routes {@code count} new conversations and gives who got each, in order. */
    List<String> picks(Router router, int count) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            owners.add(ownerOf(router.route(next().build())));
        }
        return owners;
    }

    static String ownerOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        return ((Decision.Assigned) decision).ownerId();
    }

    /** Routes {@code count} new conversations, keeping them open, and returns their ids. */
    List<String> busy(Router router, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Conversation conversation = next().build();
            router.route(conversation);
            ids.add(conversation.id());
        }
        return ids;
    }
}
