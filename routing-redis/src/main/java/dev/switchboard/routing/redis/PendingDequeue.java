package dev.switchboard.routing.redis;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.DailyCap;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.WaitingConversation;
import java.time.Instant;
import java.util.Optional;

/**
 * Dequeues made together with what follows them. A router takes a waiting conversation out of its queue before it
 * commits it to an owner (a drain, a claim), and puts it back when the commit is refused: three calls, between which
 * the conversation would be in no place for every other instance to see, and lost if this JVM died. So a dequeue is
 * only read and held pending for the thread that asked, then made in the same script as the commit that follows it,
 * or not at all when the conversation is put back; before any other call the live state makes it alone
 * ({@link #flush}).
 */
final class PendingDequeue {

    private final ThreadLocal<WaitingConversation> pending = new ThreadLocal<>();
    private final WaitingQueues queues;
    private final LivePlaces places;

    PendingDequeue(WaitingQueues queues, LivePlaces places) {
        this.queues = queues;
        this.places = places;
    }

    /** Reads the waiting conversation and holds its dequeue pending. */
    WaitingConversation dequeue(String conversationId) {
        flush();
        Placement.Waiting waiting = places.placement(Keys.id(conversationId, "conversationId"))
                .filter(Placement.Waiting.class::isInstance).map(Placement.Waiting.class::cast)
                .filter(place -> place.conversation().id().equals(conversationId))
                .orElseThrow(() -> notWaiting(conversationId));
        pending.set(waiting.entry());
        return waiting.entry();
    }

    /**
     * Puts a conversation in a queue; putting the one whose dequeue is pending back in the same queue cancels the
     * dequeue, even when the entry it is put back with is older than the one in Redis (another instance changed why it
     * waits meanwhile): it never left, and stays as Redis has it.
     */
    void enqueue(WaitingConversation entry) {
        Keys.notNull(entry, "entry");
        WaitingConversation held = pending.get();
        if (held != null && held.conversation().id().equals(entry.conversation().id())
                && held.queue().equals(entry.queue())) {
            pending.remove();
            return;
        }
        flush();
        if (!queues.enqueue(entry)) {
            throw new IllegalStateException("conversation '" + entry.conversation().id() + "' is already placed");
        }
    }

    /**
     * Commits an assignment with the pending dequeue of its conversation, if there is one, in one script; refused, the
     * dequeue stays pending (the router puts the conversation back next); failed, it is dropped, and the conversation
     * still waits.
     */
    CommitResult commit(Assignment assignment, boolean automatic, Optional<DailyCap> dailyCap) {
        WaitingConversation from = pending.get();
        if (from == null || !from.conversation().id().equals(assignment.conversation().id())) {
            flush();
            return places.commit(assignment, automatic, dailyCap);
        }
        CommitResult result;
        try {
            result = places.commit(assignment.fromQueue(from.queue()), automatic, dailyCap);
        } catch (RuntimeException e) { // Redis unavailable: the conversation stays where it is, waiting
            pending.remove();
            throw e;
        }
        if (result.committed()) {
            pending.remove();
        }
        return result;
    }

    /** Assigns a conversation to an owner (a claim or a transfer, not automatic), with its pending dequeue if any. */
    void assign(Conversation conversation, Owner owner, Instant at) {
        CommitResult result = commit(Assignment.of(conversation, owner.id(), at), false, owner.dailyCap());
        if (result == CommitResult.OWNER_GONE) {
            throw LiveRoster.notOnRoster(owner.id());
        }
        if (!result.committed()) {
            throw new IllegalStateException("owner '" + owner.id() + "' cannot take conversation '"
                    + conversation.id() + "': " + result);
        }
    }

    /** Makes the pending dequeue, if there is one; refused when the conversation no longer waits. */
    void flush() {
        WaitingConversation entry = pending.get();
        if (entry != null) {
            pending.remove();
            String id = entry.conversation().id();
            queues.dequeue(id).orElseThrow(() -> notWaiting(id));
        }
    }

    static IllegalStateException notWaiting(String conversationId) {
        return new IllegalStateException("conversation '" + conversationId + "' is not waiting");
    }
}
