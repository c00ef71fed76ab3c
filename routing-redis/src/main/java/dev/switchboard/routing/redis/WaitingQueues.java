package dev.switchboard.routing.redis;

import dev.switchboard.routing.Placement;
import dev.switchboard.routing.WaitingConversation;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
    private static final Scripts.Script AFTER = Scripts.load("waiting-after");
    private static final Scripts.Script REASON = Scripts.load("reason");
    private static final Scripts.Script BREACH = Scripts.load("breach");

    private final Scripts scripts;
    private final Keys keys;
    private final ServeScore serveScore;
    private final Duration customerTtl;
    private final int takeScan;
    private final String tracked;

    /** @param tracksCustomers whether to keep each customer's placed conversations (see {@code lib.lua}'s track) */
    WaitingQueues(Scripts scripts, Keys keys, ServeScore serveScore, Duration customerTtl, int takeScan,
            boolean tracksCustomers) {
        this.tracked = tracksCustomers ? "1" : "0";
        this.scripts = scripts;
        this.keys = keys;
        this.serveScore = serveScore;
        this.customerTtl = customerTtl;
        this.takeScan = takeScan;
    }

    boolean enqueue(WaitingConversation entry) {
        return enqueue(entry, "");
    }

    /**
     * Puts a conversation in its queue: one in no place, or, when {@code fromOwner} is not empty, one that owner
     * owns, taken from it in the same script; false, and nothing changed, when it is not there.
     */
    boolean enqueue(WaitingConversation entry, String fromOwner) {
        Keys.notNull(entry, "entry");
        String id = entry.conversation().id();
        Long added = scripts.run(ENQUEUE, ScriptOutputType.INTEGER, keys.conversation(id), List.of(id,
                entry.queue(), ServeScore.member(entry), Long.toString(serveScore.score(entry.conversation())),
                entry.conversation().channel(), entry.conversation().customerId(),
                ConversationCodec.encode(entry.conversation()), entry.reason(), entry.enqueuedAt().toString(),
                entry.slaDeadline().toString(), Long.toString(entry.slaDeadline().toEpochMilli()), tracked, fromOwner));
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

    /** The first conversation after {@code previous} in serve order, among {@code queues} (every queue when empty). */
    Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous, Collection<String> queues) {
        List<String> args = new ArrayList<>(List.of(
                previous.map(entry -> Long.toString(serveScore.score(entry.conversation()))).orElse(""),
                previous.map(ServeScore::member).orElse("")));
        args.addAll(queues);
        List<Object> reply = scripts.run(AFTER, ScriptOutputType.MULTI, keys.waiting(), args);
        return reply.isEmpty() ? Optional.empty() : Optional.of(ConversationCodec.waiting(reply));
    }

    /** Replaces why a conversation waits; refused when it does not wait. */
    void updateReason(String conversationId, String reason) {
        Keys.notNull(reason, "reason");
        Long updated = scripts.run(REASON, ScriptOutputType.INTEGER, keys.conversation(conversationId),
                List.of(reason));
        if (updated != 1L) {
            throw PendingTake.notWaiting(conversationId);
        }
    }

    /** Marks a waiting conversation's SLA breach reported; false when it was already, or it does not wait. */
    boolean markBreachReported(String conversationId) {
        Long marked = scripts.run(BREACH, ScriptOutputType.INTEGER, keys.conversation(conversationId), List.of());
        return marked == 1L;
    }
}
