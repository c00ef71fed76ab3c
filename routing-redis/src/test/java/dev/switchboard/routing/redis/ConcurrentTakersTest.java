package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.WaitingConversation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several owners on several connections take from the same queues at once: each waiting conversation goes to
 * exactly one of them, and each taker receives conversations in serve order.
 */
class ConcurrentTakersTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int CONVERSATIONS = 10_000;
    private static final int TAKERS = 4;

    @Test
    void everyWaitingConversationIsTakenOnce_andEachTakerGetsThemInServeOrder() throws Exception {
        List<RedisRoutingStore> stores = List.of(REDIS.store("takers"), REDIS.store("takers"));
        try {
            RedisRoutingStore setup = stores.get(0);
            for (int i = 0; i < TAKERS; i++) {
                setup.putOwner(Owner.agent("taker-" + i).capacity(CONVERSATIONS).build(), Presence.ONLINE);
            }
            SplittableRandom random = new SplittableRandom(7);
            Priority[] priorities = Priority.values();
            for (int i = 0; i < CONVERSATIONS; i++) {
                Conversation conversation = Conversation.builder("w" + i).customer("cust-" + i).channel("chat")
                        .priority(priorities[random.nextInt(priorities.length)]).vip(random.nextInt(5) == 0)
                        .createdAt(T0.plusMillis(random.nextInt(60_000))).build();
                assertThat(setup.enqueue(new WaitingConversation(conversation, i % 2 == 0 ? "a" : "b", "wait", T0,
                        T0.plusSeconds(600)))).isTrue();
            }
            Map<String, Integer> serveOrder = new HashMap<>();
            List<WaitingConversation> waiting = setup.waiting("");
            for (int i = 0; i < waiting.size(); i++) {
                serveOrder.put(waiting.get(i).conversation().id(), i);
            }
            assertThat(serveOrder).hasSize(CONVERSATIONS);

            List<List<String>> taken = Workers.run(TAKERS, taker -> {
                RedisRoutingStore store = stores.get(taker % stores.size());
                List<String> mine = new ArrayList<>();
                Optional<Placement.Owned> next;
                while ((next = store.takeNext("taker-" + taker, "", T0)).isPresent()) {
                    mine.add(next.get().conversation().id());
                }
                return mine;
            });

            Set<String> all = new HashSet<>();
            int load = 0;
            for (int taker = 0; taker < TAKERS; taker++) {
                List<String> mine = taken.get(taker);
                for (String id : mine) {
                    assertThat(all.add(id)).as("%s taken twice", id).isTrue();
                }
                assertThat(mine).as("taker %s in serve order", taker).isSortedAccordingTo(
                        (first, second) -> Integer.compare(serveOrder.get(first), serveOrder.get(second)));
                OwnerLoad owner = setup.ownerLoad("taker-" + taker).orElseThrow();
                assertThat(owner.conversationIds()).containsExactlyElementsOf(mine);
                load += owner.load();
            }
            assertThat(all).isEqualTo(serveOrder.keySet());
            assertThat(load).isEqualTo(CONVERSATIONS);
            assertThat(setup.waiting("")).isEmpty();
            assertThat(setup.waiting("a")).isEmpty();
        } finally {
            stores.forEach(RedisRoutingStore::close);
        }
    }
}
