package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several connections and threads commit and release against the same owners while their presence churns, with
 * every conversation id tried by two commits: no owner is ever over capacity (the script's max-seen figure and the
 * state at the end), no conversation is placed twice, and every conversation is placed exactly when its commits
 * outnumber its releases.
 */
class ConcurrentCommitsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int CONNECTIONS = 3;
    private static final int THREADS_PER_CONNECTION = 2;
    private static final int OPERATIONS_PER_THREAD = 30_000;
    private static final int OWNERS = 12;
    private static final int TOTAL = 3;
    private static final int CHAT_LIMIT = 2;
    private static final String SCOPE = "stress";

    private static final List<RedisRoutingStore> STORES = new ArrayList<>();

    @BeforeAll
    static void openStores() {
        for (int i = 0; i < CONNECTIONS; i++) {
            STORES.add(REDIS.store("stress"));
        }
        for (int i = 0; i < OWNERS; i++) {
            STORES.get(0).putOwner(Owner.agent(owner(i)).capacity(new Capacity(TOTAL, Map.of("chat", CHAT_LIMIT)))
                    .build(), Presence.ONLINE);
        }
    }

    @AfterAll
    static void closeStores() {
        STORES.forEach(RedisRoutingStore::close);
    }

    private static String owner(int index) {
        return "owner-" + index;
    }

    /** What one thread did. */
    record Outcome(Map<CommitResult, Integer> results, Map<String, String> held, int operations) {}

    @Test
    void noOwnerOverCapacity_noConversationPlacedTwice_nothingLost() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Map<String, AtomicInteger> commits = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> releases = new ConcurrentHashMap<>();
        int threads = CONNECTIONS * THREADS_PER_CONNECTION;

        List<Outcome> outcomes = Workers.run(threads, thread -> {
            RedisRoutingStore store = STORES.get(thread % CONNECTIONS);
            SplittableRandom random = new SplittableRandom(1_000 + thread);
            Map<CommitResult, Integer> results = new EnumMap<>(CommitResult.class);
            Map<String, String> held = new HashMap<>();
            List<String> heldIds = new ArrayList<>();
            for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
                int choice = random.nextInt(100);
                if (choice < 3) {
                    Presence presence = random.nextInt(4) == 0 ? Presence.AWAY : Presence.ONLINE;
                    store.setPresence(owner(random.nextInt(OWNERS)), presence, T0);
                } else if (choice < 45 && !heldIds.isEmpty()) {
                    String id = heldIds.remove(random.nextInt(heldIds.size()));
                    assertThat(store.release(id, held.remove(id))).as("release of %s", id).isTrue();
                    releases.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                } else if (choice < 50) {
                    store.cursors(SCOPE);
                } else {
                    int n = attempts.getAndIncrement();
                    String id = "c" + n / 2;
                    String channel = n % 3 == 0 ? "email" : "chat";
                    Conversation conversation = Conversation.builder(id).customer("cust-" + n % 500)
                            .channel(channel).createdAt(T0).build();
                    String owner = owner(random.nextInt(OWNERS));
                    long version = store.cursors(SCOPE).getOrDefault("rr", Cursor.START).version();
                    op++; // the cursor read above is an operation of its own
                    CommitResult result = store.commit(Assignment.of(conversation, owner, T0)
                            .withCursors(SCOPE, Map.of("rr", version), Map.of("rr", (long) n)));
                    results.merge(result, 1, Integer::sum);
                    if (result.committed()) {
                        commits.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                        held.put(id, owner);
                        heldIds.add(id);
                    }
                }
            }
            return new Outcome(results, held, OPERATIONS_PER_THREAD);
        });

        RedisRoutingStore store = STORES.get(0);
        Map<CommitResult, Integer> results = new EnumMap<>(CommitResult.class);
        Map<String, String> held = new HashMap<>();
        int operations = 0;
        for (Outcome outcome : outcomes) {
            outcome.results().forEach((result, count) -> results.merge(result, count, Integer::sum));
            outcome.held().forEach((id, owner) -> assertThat(held.put(id, owner)).as("%s held twice", id).isNull());
            operations += outcome.operations();
        }
        assertThat(operations).isEqualTo(threads * OPERATIONS_PER_THREAD);
        // the races happened: decisions were refused for each reason a concurrent commit can cause
        assertThat(results).containsKeys(CommitResult.COMMITTED, CommitResult.OWNER_FULL,
                CommitResult.CURSOR_MOVED, CommitResult.ALREADY_PLACED, CommitResult.OWNER_UNAVAILABLE);

        Set<String> placed = new HashSet<>();
        for (int i = 0; i < OWNERS; i++) {
            String owner = owner(i);
            OwnerLoad load = store.ownerLoad(owner).orElseThrow();
            assertThat(load.maxSeenLoad()).as("max seen load of %s", owner).isLessThanOrEqualTo(TOTAL);
            assertThat(load.load()).isEqualTo(load.conversationIds().size()).isLessThanOrEqualTo(TOTAL);
            assertThat(load.loadByChannel().getOrDefault("chat", 0)).isLessThanOrEqualTo(CHAT_LIMIT);
            for (String id : load.conversationIds()) {
                assertThat(placed.add(id)).as("%s placed twice", id).isTrue();
                assertThat(held).containsEntry(id, owner);
                assertThat(store.placement(id)).hasValueSatisfying(place ->
                        assertThat(((Placement.Owned) place).ownerId()).isEqualTo(owner));
            }
        }
        assertThat(placed).isEqualTo(held.keySet());
        for (int n = 0; n < attempts.get(); n += 2) {
            String id = "c" + n / 2;
            int net = count(commits, id) - count(releases, id);
            assertThat(net).as("commits less releases of %s", id).isEqualTo(placed.contains(id) ? 1 : 0);
        }
        assertThat(store.cursors(SCOPE).get("rr").version()).isEqualTo(results.get(CommitResult.COMMITTED).longValue());
    }

    private static int count(Map<String, AtomicInteger> counts, String id) {
        AtomicInteger count = counts.get(id);
        return count == null ? 0 : count.get();
    }
}
