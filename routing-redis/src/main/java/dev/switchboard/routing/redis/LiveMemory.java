package dev.switchboard.routing.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the live state remembers about conversations and customers beyond their places, in Redis: which ids joined
 * which conversation, the owners that let a conversation's response deadline lapse or were passed over for it, the
 * response deadlines, the customer's previous and primary owner, and each customer's placed conversations.
 */
final class LiveMemory {

    /** A customer's last and primary owner, while remembered. */
    record Remembered(Optional<String> last, Optional<String> primary) {}

    private static final Scripts.Script ALIAS = Scripts.load("alias");
    private static final Scripts.Script FORGET = Scripts.load("forget");
    private static final Scripts.Script DEADLINE = Scripts.load("deadline");
    private static final Scripts.Script DEADLINES_DUE = Scripts.load("deadlines-due");
    private static final Scripts.Script PASS_OVER = Scripts.load("pass-over");
    private static final Scripts.Script LAPSE = Scripts.load("lapse");
    private static final Scripts.Script READMIT = Scripts.load("readmit");
    private static final Scripts.Script REMEMBERED = Scripts.load("remembered");

    private final Scripts scripts;
    private final RedisLink link;
    private final Keys keys;
    /** Told of each change this instance makes to the owners left out of conversations, which it keeps. */
    private final NearCache cache;

    LiveMemory(Scripts scripts, RedisLink link, Keys keys, NearCache cache) {
        this.cache = cache;
        this.scripts = scripts;
        this.link = link;
        this.keys = keys;
    }

    List<String> conversationsOfCustomer(String customer) {
        return List.copyOf(link.call(redis -> redis.smembers(keys.placed(Keys.id(customer, "customer")))));
    }

    /**
     * Makes {@code alias} a name of a placed conversation; when {@code fromOwner} (or else {@code fromQueue}) is not
     * empty, the alias leaves that owner (or queue) in the same script: false, and nothing changed, when it is no longer
     * there.
     */
    boolean addAlias(String alias, String conversationId, String fromOwner, String fromQueue) {
        Keys.id(alias, "alias");
        Long made = scripts.run(ALIAS, ScriptOutputType.INTEGER, keys.aliases(Keys.id(conversationId,
                "conversationId")), List.of(alias, conversationId, fromOwner, fromQueue));
        return made == 1L;
    }

    void forget(String conversationId) {
        cache.forgetting(conversationId);
        scripts.run(FORGET, ScriptOutputType.INTEGER, keys.aliases(Keys.id(conversationId, "conversationId")),
                List.of(conversationId));
    }

    /** Starts an owned conversation's response deadline; refused when it is not owned. */
    void startResponseDeadline(String conversationId, Instant deadline) {
        Keys.notNull(deadline, "deadline");
        Long started = scripts.run(DEADLINE, ScriptOutputType.INTEGER, keys.conversation(conversationId),
                List.of(conversationId, Long.toString(deadline.toEpochMilli())));
        if (started != 1L) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not owned");
        }
    }

    boolean stopResponseDeadline(String conversationId) {
        return link.call(redis -> redis.zrem(keys.deadlines(), conversationId)) == 1L;
    }

    /**
     * The response deadlines due by {@code now}, earliest first, leased to this caller alone for {@code lease}: a
     * deadline its lapse did not stop by then is handed out again.
     */
    Map<String, Instant> responseDeadlinesDue(Instant now, Duration lease) {
        List<Object> due = scripts.run(DEADLINES_DUE, ScriptOutputType.MULTI, keys.deadlines(),
                List.of(Long.toString(now.toEpochMilli()), Long.toString(lease.toMillis())));
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        for (int i = 0; i < due.size(); i += 2) {
            deadlines.put((String) due.get(i), Instant.ofEpochMilli((long) Double.parseDouble((String) due.get(i
                    + 1))));
        }
        return deadlines;
    }

    int recordLapse(String conversationId, String ownerId) {
        cache.stale();
        Long lapses = scripts.run(LAPSE, ScriptOutputType.INTEGER, keys.lapses(Keys.id(conversationId,
                "conversationId")), List.of(Keys.id(ownerId, "ownerId"), conversationId));
        return Math.toIntExact(lapses);
    }

    int lapses(String conversationId) {
        return Math.toIntExact(link.call(redis -> redis.llen(keys.lapses(conversationId))));
    }

    int passOver(String conversationId, String ownerId) {
        cache.stale();
        Long passed = scripts.run(PASS_OVER, ScriptOutputType.INTEGER, keys.passed(Keys.id(conversationId,
                "conversationId")), List.of(Keys.id(ownerId, "ownerId"), conversationId));
        return Math.toIntExact(passed);
    }

    void readmit(String conversationId, String ownerId) {
        cache.stale();
        scripts.run(READMIT, ScriptOutputType.INTEGER, keys.passed(Keys.id(conversationId, "conversationId")),
                List.of(Keys.id(ownerId, "ownerId"), conversationId));
    }

    int passedOver(String conversationId) {
        return Math.toIntExact(link.call(redis -> redis.scard(keys.passed(conversationId))));
    }

    /** A customer's last and primary owner (linked identities share them), in one round trip. */
    Remembered remembered(String customer) {
        List<Object> reply = scripts.run(REMEMBERED, ScriptOutputType.MULTI, keys.identity(Keys.id(customer,
                "customerId")), List.of(customer));
        return new Remembered(Optional.ofNullable((String) reply.get(0)), Optional.ofNullable((String) reply.get(1)));
    }
}
