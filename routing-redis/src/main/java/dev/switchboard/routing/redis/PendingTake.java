package dev.switchboard.routing.redis;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.DailyCap;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.WaitingConversation;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes made together with what follows them. A router takes a conversation from where it is before it places it
 * again: out of its queue before it commits it to an owner (a drain, a claim), and from its owner before it routes it
 * again (a take-back) or gives it to another (a transfer); then, refused, it may put a dequeued one back. Made one call
 * each, the conversation would be in no place between them for every other instance to see, and lost if this JVM
 * died. So a take (a dequeue or an unassign) is only read and held pending for the thread that asked, then made in the
 * same script as the commit or enqueue that places the conversation (or the alias that makes it a name of another, in
 * a customer merge), which first checks it is still where it was
 * taken from, or not at all when a dequeued one is put back; before any other call the live state makes it alone
 * ({@link #flush}), so the router sees every take made as it asked.
 */
final class PendingTake {

    /**
     * Where the conversation whose take is pending is taken from (its queue, or its owner), and how many calls to
     * Redis had failed on the thread when it was held.
     */
    private record Held(Placement place, int failuresThen) {}

    private final ThreadLocal<Held> pending = new ThreadLocal<>();
    private final RedisLink link;
    private final WaitingQueues queues;
    private final LivePlaces places;
    private final LiveMemory memory;
    private final NearCache cache;

    PendingTake(RedisLink link, WaitingQueues queues, LivePlaces places, LiveMemory memory, NearCache cache) {
        this.link = link;
        this.memory = memory;
        this.queues = queues;
        this.places = places;
        this.cache = cache;
    }

    /** Reads the waiting conversation and holds its dequeue pending. */
    WaitingConversation dequeue(String conversationId) {
        Placement.Waiting waiting = hold(conversationId, Placement.Waiting.class, "waiting");
        return waiting.entry();
    }

    /** Reads the owned conversation and holds its unassign (from the owner it has now) pending. */
    Conversation unassign(String conversationId) {
        return hold(conversationId, Placement.Owned.class, "owned").conversation();
    }

    private <P extends Placement> P hold(String conversationId, Class<P> kind, String where) {
        flush();
        P place = places.placement(Keys.id(conversationId, "conversationId")).filter(kind::isInstance).map(kind::cast)
                .filter(found -> found.conversation().id().equals(conversationId))
                .orElseThrow(() -> new IllegalStateException("conversation '" + conversationId + "' is not " + where));
        pending.set(new Held(place, link.failuresOnThisThread()));
        return place;
    }

    /**
     * Puts a conversation in a queue; putting the one whose dequeue is pending back in the same queue cancels the
     * dequeue, even when the entry it is put back with is older than the one in Redis (another instance changed why it
     * waits meanwhile): it never left, and stays as Redis has it. One whose unassign is pending moves from its owner to
     * the queue in one script, refused when that owner no longer owns it.
     */
    void enqueue(WaitingConversation entry) {
        Keys.notNull(entry, "entry");
        Placement held = held();
        String fromOwner = "";
        if (held != null && held.conversation().id().equals(entry.conversation().id())) {
            if (held instanceof Placement.Waiting waiting && waiting.entry().queue().equals(entry.queue())) {
                pending.remove();
                return;
            }
            if (held instanceof Placement.Owned owned) {
                pending.remove();
                fromOwner = owned.ownerId();
                cache.stale();
            }
        }
        flush();
        if (!queues.enqueue(entry, fromOwner)) {
            throw new IllegalStateException("conversation '" + entry.conversation().id() + "' is already placed"
                    + (fromOwner.isEmpty() ? "" : " (no longer owned by '" + fromOwner + "'); nothing changed"));
        }
    }

    /**
     * Makes {@code alias} a name of conversation {@code conversationId}, as a customer merge does after it took the
     * alias from where it was: the pending take of the alias, if there is one, is made in the same script, refused
     * when the conversation is no longer where it was taken from (another instance moved it), with nothing changed.
     */
    void alias(String alias, String conversationId) {
        Placement held = held();
        String fromOwner = "";
        String fromQueue = "";
        if (held != null && held.conversation().id().equals(alias)) {
            pending.remove();
            if (held instanceof Placement.Owned owned) {
                fromOwner = owned.ownerId();
                cache.stale();
            } else {
                fromQueue = ((Placement.Waiting) held).entry().queue();
            }
        }
        flush();
        if (!memory.addAlias(alias, conversationId, fromOwner, fromQueue)) {
            throw new IllegalStateException("conversation '" + alias + "' is no longer "
                    + (fromOwner.isEmpty() ? "waiting in '" + fromQueue : "owned by '" + fromOwner)
                    + "' (another instance moved it); nothing changed");
        }
    }

    /**
     * Commits an assignment with the pending take of its conversation, if there is one, in one script; refused, the
     * take stays pending (the router puts the conversation back or decides again next), but when the conversation is
     * no longer where it was taken from (another instance moved it): then it is dropped and the call fails, with
     * nothing changed; failed, it is dropped, and the conversation is still where it was.
     */
    CommitResult commit(Assignment assignment, boolean automatic, Optional<DailyCap> dailyCap) {
        Placement from = held();
        if (from == null || !from.conversation().id().equals(assignment.conversation().id())) {
            flush();
            return places.commit(assignment, automatic, dailyCap, "");
        }
        CommitResult result;
        try {
            result = from instanceof Placement.Owned owned
                    ? places.commit(assignment, automatic, dailyCap, owned.ownerId())
                    : places.commit(assignment.fromQueue(((Placement.Waiting) from).entry().queue()), automatic,
                            dailyCap, "");
        } catch (RuntimeException e) { // Redis unavailable: the conversation stays where it is
            pending.remove();
            throw e;
        }
        if (result.committed()) {
            pending.remove();
        } else if (result == CommitResult.ALREADY_PLACED && from instanceof Placement.Owned owned) {
            pending.remove();
            throw new IllegalStateException("conversation '" + owned.conversation().id() + "' is no longer owned by '"
                    + owned.ownerId() + "' (another instance moved it); nothing changed");
        }
        return result;
    }

    /**
     * Assigns a conversation to the owner {@code to} reads (a claim or a transfer, not automatic), with its pending
     * take if any; refused, or the owner not read, the take is dropped too, and the conversation stays where it was.
     */
    void assign(Conversation conversation, Supplier<Owner> to, Instant at) {
        Owner owner;
        try {
            owner = to.get();
        } catch (RuntimeException e) {
            drop(conversation.id());
            throw e;
        }
        CommitResult result = commit(Assignment.of(conversation, owner.id(), at), false, owner.dailyCap());
        if (!result.committed()) {
            drop(conversation.id());
            throw result == CommitResult.OWNER_GONE ? LiveRoster.notOnRoster(owner.id())
                    : new IllegalStateException("owner '" + owner.id() + "' cannot take conversation '"
                            + conversation.id() + "': " + result);
        }
    }

    private void drop(String conversationId) {
        Placement held = held();
        if (held != null && held.conversation().id().equals(conversationId)) {
            pending.remove();
        }
    }

    /** Makes the pending take, if there is one, alone; refused when the conversation is no longer where it was. */
    void flush() {
        Placement held = held();
        if (held == null) {
            return;
        }
        pending.remove();
        String id = held.conversation().id();
        if (held instanceof Placement.Owned owned) {
            places.unassign(id, owned.ownerId(), Optional.empty()).orElseThrow(() -> new IllegalStateException(
                    "conversation '" + id + "' is no longer owned by '" + owned.ownerId() + "'"));
        } else {
            queues.dequeue(id).orElseThrow(() -> notWaiting(id));
        }
    }

    /**
     * The take pending for this thread, or null. One held before a call to Redis on this thread failed is dropped: the
     * router's call that held it failed with that call, and the conversation is still where it was taken from.
     */
    private Placement held() {
        Held held = pending.get();
        if (held != null && held.failuresThen() != link.failuresOnThisThread()) {
            pending.remove();
            return null;
        }
        return held == null ? null : held.place();
    }

    static IllegalStateException notWaiting(String conversationId) {
        return new IllegalStateException("conversation '" + conversationId + "' is not waiting");
    }
}
