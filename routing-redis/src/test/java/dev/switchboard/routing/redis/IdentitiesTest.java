package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Presence;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The link script: identities become one customer, named by the one seen first, memory kept, with TTLs. */
class IdentitiesTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration IDENTITY_TTL = Duration.ofDays(7);

    private RedisRoutingStore store;
    private String tenant;

    @BeforeEach
    void openStore() {
        tenant = REDIS.newTenant();
        store = RedisRoutingStore.builder().uri(REDIS.uri()).tenant(tenant).identityTtl(IDENTITY_TTL).build();
        store.putOwner(agent("ana", 5), Presence.ONLINE);
        store.putOwner(agent("ben", 5), Presence.ONLINE);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void assign(String id, String customer, String owner) {
        Conversation conversation = Conversation.builder(id).customer(customer).channel("chat").createdAt(T0).build();
        store.commit(Assignment.of(conversation, owner, T0));
    }

    @Test
    void anIdentityNeverLinkedIsItsOwnCustomer() {
        assertThat(store.customerOf("maria@example.com")).isEqualTo("maria@example.com");
    }

    @Test
    void linkedIdentitiesAreOneCustomer_namedByTheOneSeenFirst() {
        assertThat(store.link("mail", "phone")).isEqualTo("mail");
        assertThat(store.link("instagram", "whatsapp")).isEqualTo("instagram");

        assertThat(store.link("whatsapp", "phone")).isEqualTo("mail");

        for (String identity : new String[] {"mail", "phone", "instagram", "whatsapp"}) {
            assertThat(store.customerOf(identity)).as(identity).isEqualTo("mail");
        }
        assertThat(store.link("phone", "instagram")).isEqualTo("mail"); // linking again changes nothing
    }

    @Test
    void theCustomersMemoryIsKept_orTakenFromTheOtherSet() {
        assign("c1", "phone", "ben");

        store.link("mail", "phone");
        assertThat(store.previousOwner("mail")).contains("ben");

        assign("c2", "instagram", "ana");
        store.link("instagram", "mail");
        assertThat(store.previousOwner("instagram")).contains("ben"); // the first set's memory wins
    }

    @Test
    void everyIdentityOfTheSetExpires_identityTtlAfterTheLatestLink() {
        store.link("mail", "phone");
        store.link("phone", "whatsapp");

        long expected = IDENTITY_TTL.toMillis();
        String start = "switchboard:{" + tenant + "}:";
        for (String key : new String[] {"identity:mail", "identity:phone", "identity:whatsapp", "members:mail"}) {
            Long ttl = REDIS.raw(redis -> redis.pttl(start + key));
            assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(expected);
        }
    }

    @Test
    void theCustomersMemoryExpires_customerTtlAfterTheAssignment() {
        assign("c1", "mail", "ana");

        Long ttl = REDIS.raw(redis -> redis.pttl("switchboard:{" + tenant + "}:memory:mail"));

        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofDays(30).toMillis());
    }
}
