package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis killed (SIGKILL) and started again on the same port, with an append-only file fsynced on every write:
 * calls fail at once with {@link RedisUnavailableException}, no decision is half-applied, and the same stores work
 * again once Redis is back, with everything Redis acknowledged.
 */
class RedisRestartTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.durable();

    @Test
    void whileRedisIsDown_everyCallFailsAtOnce_andTheStoreRecoversWhenItIsBack() {
        try (RedisRoutingStore store = REDIS.store()) {
            store.putOwner(agent("ana", 2), Presence.ONLINE);
            store.commit(Assignment.of(chat("c1"), "ana", T0));

            REDIS.kill();

            assertThatThrownBy(() -> store.commit(Assignment.of(chat("c2"), "ana", T0)))
                    .isInstanceOf(RedisUnavailableException.class).hasMessageContaining("Redis at 127.0.0.1:");
            assertThatThrownBy(() -> store.release("c1", "ana")).isInstanceOf(RedisUnavailableException.class);
            assertThatThrownBy(() -> store.placement("c1")).isInstanceOf(RedisUnavailableException.class);
            assertThatThrownBy(() -> store.enqueue(new WaitingConversation(chat("w1"), "q", "wait", T0, T0)))
                    .isInstanceOf(RedisUnavailableException.class);
            assertThatThrownBy(() -> store.claimDue(T0, 1)).isInstanceOf(RedisUnavailableException.class);

            REDIS.start();

            assertThat(store.placement("c1")).contains(new Placement.Owned(chat("c1"), "ana"));
            assertThat(store.commit(Assignment.of(chat("c2"), "ana", T0))).isEqualTo(CommitResult.COMMITTED);
            assertThat(store.ownerLoad("ana").orElseThrow().conversationIds()).containsExactly("c1", "c2");
        }
    }

    private static final int THREADS = 2;
    private static final int OWNERS = 4;
    private static final int TOTAL = 3;
    private static final int OPERATIONS_AROUND_THE_RESTART = 400;

    /** What one thread knows it holds at the end, and how many calls failed for it. */
    record Outcome(Map<String, String> held, int failures) {}

    @Test
    void killedMidRun_noDecisionIsHalfApplied_andWorkGoesOn() throws Exception {
        List<RedisRoutingStore> stores = List.of(REDIS.store("restart"), REDIS.store("restart"));
        try {
            for (int i = 0; i < OWNERS; i++) {
                stores.get(0).putOwner(Owner.agent("o" + i).capacity(new Capacity(TOTAL, Map.of("chat", 2)))
                        .build(), Presence.ONLINE);
            }
            RedisOutage outage = new RedisOutage(REDIS, THREADS);
            AtomicInteger ids = new AtomicInteger();

            List<Outcome> outcomes = Workers.run(THREADS, thread -> {
                RedisRoutingStore store = stores.get(thread);
                SplittableRandom random = new SplittableRandom(31 + thread);
                Map<String, String> held = new HashMap<>();
                List<String> heldIds = new ArrayList<>();
                List<String> unsure = new ArrayList<>();
                int failures = 0;
                int before = 0;
                int after = 0;
                while (after < OPERATIONS_AROUND_THE_RESTART) {
                    if (!unsure.isEmpty()) { // settled before anything else, so a call never acts on a guess
                        try {
                            resolve(store, unsure, held, heldIds);
                        } catch (RedisUnavailableException e) {
                            failures++;
                            continue;
                        }
                    }
                    boolean release = !heldIds.isEmpty() && random.nextInt(100) < 45;
                    String id = release ? heldIds.get(random.nextInt(heldIds.size())) : "r" + ids.getAndIncrement();
                    String owner = release ? held.get(id) : "o" + random.nextInt(OWNERS);
                    try {
                        if (release) {
                            assertThat(store.release(id, owner)).isTrue();
                            heldIds.remove(id);
                            held.remove(id);
                        } else if (store.commit(Assignment.of(chat(id), owner, T0)).committed()) {
                            held.put(id, owner);
                            heldIds.add(id);
                        }
                    } catch (RedisUnavailableException e) {
                        failures++;
                        unsure.add(id + "@" + owner);
                        if (failures == 1) {
                            outage.sawItDown();
                        }
                        continue;
                    }
                    if (outage.isOver()) {
                        after++;
                    } else if (++before == OPERATIONS_AROUND_THE_RESTART) {
                        outage.workedBefore();
                    }
                }
                resolve(store, unsure, held, heldIds);
                return new Outcome(held, failures);
            });
            outage.awaitEnd();

            RedisRoutingStore store = stores.get(0);
            Map<String, String> held = new HashMap<>();
            for (Outcome outcome : outcomes) {
                assertThat(outcome.failures()).isPositive();
                held.putAll(outcome.held());
            }
            Map<String, String> placed = new HashMap<>();
            for (int i = 0; i < OWNERS; i++) {
                OwnerLoad load = store.ownerLoad("o" + i).orElseThrow();
                assertThat(load.load()).isEqualTo(load.conversationIds().size()).isLessThanOrEqualTo(TOTAL);
                assertThat(load.maxSeenLoad()).isLessThanOrEqualTo(TOTAL);
                assertThat(load.loadByChannel().values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(load.load());
                load.conversationIds().forEach(id -> placed.put(id, load.ownerId()));
            }
            assertThat(placed).isEqualTo(held);
            // no place without its owner's load, nor a load without its place
            List<String> places = REDIS.raw(redis -> redis.keys("switchboard:{restart}:conv:*"));
            assertThat(places).hasSize(placed.size());
            for (String id : placed.keySet()) {
                assertThat(store.placement(id)).contains(new Placement.Owned(chat(id), placed.get(id)));
            }
        } finally {
            stores.forEach(RedisRoutingStore::close);
        }
    }

    /**
     * Settles the calls whose outcome the failure left unknown, by reading where the conversation is: each script
     * ran whole or not at all, so it is either with the owner or not.
     */
    private static void resolve(RedisRoutingStore store, List<String> unsure, Map<String, String> held,
            List<String> heldIds) {
        for (String call : unsure) {
            String id = call.substring(0, call.indexOf('@'));
            String owner = call.substring(call.indexOf('@') + 1);
            Optional<Placement> place = store.placement(id);
            boolean owned = place.isPresent() && ((Placement.Owned) place.get()).ownerId().equals(owner);
            if (owned && !held.containsKey(id)) {
                held.put(id, owner);
                heldIds.add(id);
            } else if (!owned && held.containsKey(id)) {
                held.remove(id);
                heldIds.remove(id);
            }
        }
        unsure.clear();
    }
}
