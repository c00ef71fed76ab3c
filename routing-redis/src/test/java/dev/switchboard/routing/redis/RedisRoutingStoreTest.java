package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import io.lettuce.core.cluster.SlotHash;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store's builder, its key layout, its tenants, and its failure when Redis cannot be reached. */
class RedisRoutingStoreTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Nested
    class Builder {

        @Test
        void checksEachOptionWhenSet() {
            assertThatThrownBy(() -> RedisRoutingStore.builder().tenant("a{b}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tenant must be letters, digits, '.', '_' or '-', was 'a{b}'");
            assertThatThrownBy(() -> RedisRoutingStore.builder().prefix("with:colon"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("prefix must be letters");
            assertThatThrownBy(() -> RedisRoutingStore.builder().uri("http://example"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("uri is not a Redis URI: 'http://example'");
            assertThatThrownBy(() -> RedisRoutingStore.builder().commandTimeout(Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("commandTimeout must be at least a millisecond, was PT0S");
            assertThatThrownBy(() -> RedisRoutingStore.builder().takeScan(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("takeScan must be at least 1, was 0");
            assertThatThrownBy(() -> RedisRoutingStore.builder().agingStep(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("agingStep must not be negative, was PT-1S");
            assertThatThrownBy(() -> RedisRoutingStore.builder().nearCacheMaxAge(Duration.ofMillis(-5)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("nearCacheMaxAge must not be negative, was PT-0.005S");
            assertThatThrownBy(() -> RedisRoutingStore.builder().nearCacheMaxAge(Duration.ZERO)
                    .nearCacheMaxAge(Duration.ofMillis(50)))
                    .isInstanceOf(IllegalStateException.class).hasMessage("nearCacheMaxAge is already set");
        }

        @Test
        void setsEachOptionOnce_andNeedsTheUri() {
            assertThatThrownBy(() -> RedisRoutingStore.builder().tenant("a").tenant("b"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("tenant is already set");
            assertThatThrownBy(() -> RedisRoutingStore.builder().build())
                    .isInstanceOf(IllegalStateException.class).hasMessage("uri is not set");
        }

        @Test
        void buildLeavesTheBuilderAsItWas_soItBuildsAStorePerInstance() {
            RedisRoutingStore.Builder builder = RedisRoutingStore.builder().uri(REDIS.uri()).tenant("shared");
            try (RedisRoutingStore first = builder.build(); RedisRoutingStore second = builder.build()) {
                first.putOwner(agent("ana", 1), Presence.ONLINE);

                assertThat(second.commit(Assignment.of(chat("c1"), "ana", T0))).isEqualTo(CommitResult.COMMITTED);
                assertThat(first.commit(Assignment.of(chat("c2"), "ana", T0))).isEqualTo(CommitResult.OWNER_FULL);
            }
        }
    }

    @Test
    void everyKeyOfATenantStartsWithItsPrefix_andSitsInTheTenantsClusterSlot() {
        try (RedisRoutingStore store = RedisRoutingStore.builder().uri(REDIS.uri()).prefix("sb").tenant("acme")
                .build()) {
            store.putOwner(agent("ana", 2), Presence.ONLINE);
            store.commit(Assignment.of(chat("c1"), "ana", T0).withCursors("rule", Map.of(),
                    Map.of("rr", 1L)));
            store.enqueue(new WaitingConversation(chat("c2"), "front", "wait", T0, T0.plusSeconds(60)));
            store.link("mail", "phone");

            List<String> keys = REDIS.raw(redis -> redis.keys("*"));
            List<String> tenantKeys = keys.stream().filter(key -> key.startsWith("sb:")).toList();

            assertThat(tenantKeys).allMatch(key -> key.startsWith("sb:{acme}:"))
                    .contains("sb:{acme}:owner:ana", "sb:{acme}:owner:ana:convs", "sb:{acme}:conv:c1",
                            "sb:{acme}:conv:c2", "sb:{acme}:queue:front", "sb:{acme}:waiting", "sb:{acme}:timers",
                            "sb:{acme}:owners", "sb:{acme}:cursors:rule", "sb:{acme}:memory:customer-c1",
                            "sb:{acme}:identity:mail", "sb:{acme}:members:mail", "sb:{acme}:seq");
            Set<Integer> slots = tenantKeys.stream().map(SlotHash::getSlot).collect(Collectors.toSet());
            assertThat(slots).containsExactly(SlotHash.getSlot("{acme}"));
        }
    }

    @Test
    void tenantsDoNotSeeEachOther() {
        try (RedisRoutingStore acme = REDIS.store("acme-only"); RedisRoutingStore globex = REDIS.store("globex")) {
            acme.putOwner(agent("ana", 1), Presence.ONLINE);

            assertThat(globex.ownerIds()).isEmpty();
            assertThat(globex.commit(Assignment.of(chat("c1"), "ana", T0))).isEqualTo(CommitResult.OWNER_GONE);
        }
    }

    @Test
    void aRedisThatCannotBeReached_failsEachCallAtOnceWithTheClearException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (RedisRoutingStore store = RedisRoutingStore.builder().uri("redis://127.0.0.1:" + closedPort).build()) {
            assertThatThrownBy(() -> store.commit(Assignment.of(chat("c1"), "ana", T0)))
                    .isInstanceOf(RedisUnavailableException.class)
                    .hasMessageStartingWith("Redis at 127.0.0.1:" + closedPort + " cannot be reached");
            assertThatThrownBy(() -> store.ownerIds()).isInstanceOf(RedisUnavailableException.class);
        }
    }

    @Test
    void aClosedStoreRefusesCalls() {
        RedisRoutingStore store = REDIS.store();
        store.close();

        assertThatThrownBy(store::ownerIds).isInstanceOf(IllegalStateException.class)
                .hasMessage("the Redis routing store is closed");
    }

    @Test
    void aScriptThatRedisForgot_isLoadedAgain() {
        try (RedisRoutingStore store = REDIS.store()) {
            store.putOwner(agent("ana", 1), Presence.ONLINE);
            store.commit(Assignment.of(chat("c1"), "ana", T0));
            store.release("c1", "ana");
            REDIS.raw(redis -> redis.scriptFlush());

            assertThat(store.commit(Assignment.of(chat("c2"), "ana", T0))).isEqualTo(CommitResult.COMMITTED);
        }
    }
}
