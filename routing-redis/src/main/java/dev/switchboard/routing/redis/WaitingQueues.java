package dev.switchboard.routing.redis;

import dev.switchboard.routing.Placement;
import dev.switchboard.routing.WaitingConversation;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The waiting queues, each a sorted set in serve order (see {@link ServeScore}), and one more for all of them:
 * enqueue, dequeue, and take the first conversation an owner has room for, which one caller alone gets.
 */
final class WaitingQueues {

    private static final Scripts.Script ENQUEUE = Scripts.load("enqueue");
    private static final Scripts.Script DEQUEUE = Scripts.load("dequeue");
    private static final Scripts.Script TAKE = Scripts.load("take");
    private static final Scripts.Script WAITING = Scripts.load("waiting");

    private final Scripts scripts;
    private final Keys keys;
    private final ServeScore serveScore;
    private final Duration customerTtl;
    private final int takeScan;

    WaitingQueues(Scripts scripts, Keys keys, ServeScore serveScore, Duration customerTtl, int takeScan) {
        this.scripts = scripts;
        this.keys = keys;
        this.serveScore = serveScore;
        this.customerTtl = customerTtl;
        this.takeScan = takeScan;
    }

    boolean enqueue(WaitingConversation entry) {
        Keys.notNull(entry, "entry");
        String id = entry.conversation().id();
        Long added = scripts.run(ENQUEUE, ScriptOutputType.INTEGER, keys.conversation(id), List.of(id,
                entry.queue(), ServeScore.member(entry), Long.toString(serveScore.score(entry.conversation())),
                entry.conversation().channel(), entry.conversation().customerId(),
                ConversationCodec.encode(entry.conversation()), entry.reason(), entry.enqueuedAt().toString(),
                entry.slaDeadline().toString(), Long.toString(entry.slaDeadline().toEpochMilli())));
        return added == 1L;
    }

    Optional<WaitingConversation> dequeue(String conversationId) {
        List<Object> reply = scripts.run(DEQUEUE, ScriptOutputType.MULTI,
                keys.conversation(Keys.id(conversationId, "conversationId")), List.of(conversationId));
        return reply.isEmpty() ? Optional.empty() : Optional.of(ConversationCodec.waiting(reply));
    }

    Optional<Placement.Owned> take(String ownerId, String queue, Instant at) {
        Keys.notNull(queue, "queue (empty for every queue)");
        Keys.notNull(at, "at");
        List<Object> reply = scripts.run(TAKE, ScriptOutputType.MULTI, keys.owner(Keys.id(ownerId, "ownerId")),
                List.of(ownerId, queue, Integer.toString(takeScan), Long.toString(at.toEpochMilli()),
                        Long.toString(customerTtl.toMillis())));
        return reply.isEmpty() ? Optional.empty()
                : Optional.of(new Placement.Owned(ConversationCodec.decode((String) reply.get(0)), ownerId));
    }

    List<WaitingConversation> waiting(String queue) {
        Keys.notNull(queue, "queue (empty for every queue)");
        List<Object> reply = scripts.run(WAITING, ScriptOutputType.MULTI,
                queue.isEmpty() ? keys.waiting() : keys.queue(queue), List.of());
        List<WaitingConversation> entries = new ArrayList<>(reply.size());
        reply.forEach(entry -> entries.add(ConversationCodec.waiting((List<?>) entry)));
        return List.copyOf(entries);
    }
}
