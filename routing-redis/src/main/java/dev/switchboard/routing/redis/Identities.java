package dev.switchboard.routing.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which identities are one customer, and each customer's memory of its previous owner. Every identity of a linked
 * set points straight at the set's customer (the identity seen first), so a look-up is one read; links and memory
 * expire when not renewed.
 */
final class Identities {

    private static final Scripts.Script LINK = Scripts.load("link");

    private final Scripts scripts;
    private final RedisLink link;
    private final Keys keys;
    private final Duration identityTtl;

    Identities(Scripts scripts, RedisLink link, Keys keys, Duration identityTtl) {
        this.scripts = scripts;
        this.link = link;
        this.keys = keys;
        this.identityTtl = identityTtl;
    }

    /** How long linked identities are kept after their latest link. */
    Duration ttl() {
        return identityTtl;
    }

    String link(String identity, String otherIdentity) {
        Keys.id(identity, "identity");
        Keys.id(otherIdentity, "otherIdentity");
        return scripts.run(LINK, ScriptOutputType.VALUE, keys.identity(identity),
                List.of(identity, otherIdentity, Long.toString(identityTtl.toMillis())));
    }

    String customerOf(String identity) {
        String root = link.call(redis -> redis.hget(keys.identity(Keys.id(identity, "identity")), "root"));
        return root == null ? identity : root;
    }

    /** The owner the identity's customer had last, while the memory lasts. */
    Optional<String> previousOwner(String identity) {
        String customer = customerOf(identity);
        return Optional.ofNullable(link.call(redis -> redis.get(keys.memory(customer))));
    }
}
