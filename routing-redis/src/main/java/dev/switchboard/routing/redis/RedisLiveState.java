package dev.switchboard.routing.redis;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateFactory;
import dev.switchboard.routing.state.LiveStateSettings;
import dev.switchboard.routing.state.LiveView;
import dev.switchboard.routing.state.Released;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A router's whole live state in Redis, shared by every router built on a {@link RedisRoutingStore} of the same
 * Redis, prefix and tenant: the roster with each owner's definition, presence, loads and activity (last release,
 * recent releases, wrap-up, daily and fairness caps), where every conversation is (owned, waiting in serve order, or
 * offered), the strategies' cursors with versions, customer memory and identity links with TTLs, aliases of joined
 * conversations, response deadlines and lapses, and the owners passed over for a conversation. Nothing another
 * instance needs stays in this JVM but caches kept by version: the owners' definitions, and the {@link NearCache} of
 * the owners' states and cursors that decisions read; so a router built on a Redis that already holds state carries
 * on from it.
 *
 * <p>Every change is one server-side script that checks before it writes, so it is whole or not at all; a decision's
 * {@link LiveView#commit} checks again, in Redis, everything the decision relied on. When Redis cannot be reached a
 * call throws {@link RedisUnavailableException} and changed nothing it did not report. Build one for a router with
 * {@link #factory(RedisRoutingStore)} (or {@link RedisRoutingStore#liveState()}):
 *
 * <pre>{@code
 * RedisRoutingStore store = RedisRoutingStore.builder().uri("redis://redis:6379").tenant("acme").build();
 * Router router = Router.builder().plan(plan).liveState(RedisLiveState.factory(store)).build();
 * }</pre>
 *
 * <p>Times are kept to the millisecond. Customer memory is bounded by its TTL (on Redis's clock), not by a count;
 * see {@link RedisSnapshots} for what else a {@link #snapshot()} tells its own way.
 */
public final class RedisLiveState implements LiveState {

    private final RedisLink link;
    private final Keys keys;
    private final InstantSource clock;
    private final LiveRoster roster;
    private final LivePlaces places;
    private final WaitingQueues queues;
    private final LiveMemory memory;
    private final Identities identities;
    private final PendingTake pending;
    private final RedisSnapshots snapshots;
    private final NearCache cache;
    private final JustRead justRead;
    private final Duration claimLease;

    private RedisLiveState(RedisRoutingStore store, LiveStateSettings settings) {
        this.link = store.link();
        this.keys = store.keys();
        Scripts scripts = store.scripts();
        this.clock = settings.clock();
        this.roster = new LiveRoster(store.roster(), scripts, link, keys, settings.wrapUp());
        this.cache = new NearCache(scripts, keys, roster, store.nearCacheMaxAge(), store.nearCacheClock());
        this.places = new LivePlaces(scripts, keys, new Assignments(scripts, link, keys, settings.customerTtl()),
                settings.customerTtl(), settings.tracksCustomers(), cache);
        this.queues = new WaitingQueues(scripts, keys, new ServeScore(settings.serveOrder().agingStep(),
                settings.serveOrder().byLastActivity()), settings.customerTtl(), store.takeScan(),
                settings.tracksCustomers());
        this.memory = new LiveMemory(scripts, link, keys, cache);
        this.identities = store.identities();
        this.pending = new PendingTake(link, queues, places, memory, cache);
        this.snapshots = new RedisSnapshots(scripts, keys, settings, store.identities().ttl());
        this.claimLease = store.claimLease();
        this.justRead = new JustRead(link);
    }

    /** Makes a router's live state on the store's Redis, prefix and tenant; the store's connection is shared. */
    public static LiveStateFactory factory(RedisRoutingStore store) {
        Keys.notNull(store, "store");
        return settings -> new RedisLiveState(store, Keys.notNull(settings, "settings"));
    }

    // -- roster

    @Override
    public boolean hasOwner(String ownerId) {
        flush();
        return roster.hasOwner(ownerId);
    }

    @Override
    public void addOwner(Owner owner, Presence presence) {
        flush();
        cache.stale();
        roster.add(owner, presence);
    }

    @Override
    public void removeOwner(String ownerId) {
        flush();
        cache.stale();
        roster.remove(ownerId);
    }

    @Override
    public OwnerStatus status(String ownerId) {
        flush();
        return roster.status(ownerId);
    }

    @Override
    public List<OwnerStatus> statuses() {
        flush();
        return roster.statuses();
    }

    @Override
    public void setPresence(String ownerId, Presence presence, Instant at) {
        flush();
        cache.stale();
        roster.setPresence(ownerId, presence, at);
    }

    @Override
    public void setCapacity(String ownerId, Capacity capacity) {
        flush();
        cache.stale();
        roster.setCapacity(ownerId, capacity);
    }

    @Override
    public boolean hasRoom(String ownerId, Instant now) {
        flush();
        return roster.hasRoom(ownerId, now);
    }

    @Override
    public Map<String, Instant> offlineSince() {
        flush();
        return cache.offlineSince();
    }

    // -- conversations

    @Override
    public Optional<Placement> placement(String conversationId) {
        flush();
        Placement read = justRead.placement(conversationId); // a drain's check of what it just read
        return read != null ? Optional.of(read) : places.placement(conversationId);
    }

    /** A take held pending (a claim's dequeue, a transfer's unassign, see {@link PendingTake}) is made with it. */
    @Override
    public void assign(Conversation conversation, String ownerId, Instant at) {
        Keys.notNull(conversation, "conversation");
        pending.assign(conversation, () -> roster.owner(roster.require(ownerId)), at);
    }

    private void flush() {
        pending.flush();
    }

    @Override
    public boolean tryRelease(Placement.Owned owned, Instant at) {
        flush();
        Keys.notNull(owned, "owned");
        return places.unassign(owned.conversation().id(), owned.ownerId(), Optional.of(at)).isPresent();
    }

    /** One script releases it, says whether any conversation waits and brings the near-cache up to date. */
    @Override
    public Optional<Released> releaseIfOwned(String conversationId, Instant at) {
        flush();
        return places.releaseIfOwned(Keys.id(conversationId, "conversationId"), Keys.notNull(at, "at"));
    }

    /**
     * Yes: a commit is a round trip, and decisions made at once on one instance read the same cursors, so all but one
     * would be refused and made again. Threads of the instance wait for each other's decisions in the JVM instead;
     * instances still decide at once, and their commits are checked in Redis.
     */
    @Override
    public boolean decidesOneAtATime() {
        return true;
    }

    @Override
    public Conversation release(String conversationId, Instant at) {
        flush();
        return places.requireUnassign(conversationId, Optional.of(Keys.notNull(at, "at"))).conversation();
    }

    /** Reads the owned conversation and holds its unassign pending (see {@link PendingTake}). */
    @Override
    public Conversation unassign(String conversationId) {
        return pending.unassign(conversationId);
    }

    @Override
    public List<Conversation> conversationsOf(String ownerId) {
        flush();
        return places.conversationsOf(ownerId);
    }

    /** Putting back a conversation whose dequeue is held pending cancels it; a pending unassign is made with it. */
    @Override
    public void enqueue(WaitingConversation entry) {
        pending.enqueue(entry);
    }

    /** Reads the waiting conversation and holds its dequeue pending (see {@link PendingTake}). */
    @Override
    public WaitingConversation dequeue(String conversationId) {
        return pending.dequeue(conversationId);
    }

    @Override
    public void updateReason(String conversationId, String reason) {
        flush();
        queues.updateReason(Keys.id(conversationId, "conversationId"), reason);
    }

    @Override
    public List<WaitingConversation> waiting() {
        flush();
        return queues.waiting("");
    }

    @Override
    public Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous) {
        flush();
        return justRead.keep(queues.waitingAfter(Keys.notNull(previous, "previous"), List.of()));
    }

    @Override
    public Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous,
            Collection<String> queueNames) {
        flush();
        Keys.notNull(previous, "previous");
        return justRead.keep(queueNames.isEmpty() ? Optional.empty() : queues.waitingAfter(previous, queueNames));
    }

    @Override
    public boolean hasWaiting() {
        flush();
        return link.call(redis -> redis.zcard(keys.waiting())) > 0;
    }

    @Override
    public boolean markBreachReported(String conversationId) {
        flush();
        return queues.markBreachReported(Keys.id(conversationId, "conversationId"));
    }

    // -- customers

    @Override
    public String customerOf(String identity) {
        flush();
        return identities.customerOf(identity);
    }

    @Override
    public void link(String identity, String otherIdentity) {
        flush();
        identities.link(identity, otherIdentity);
    }

    @Override
    public List<String> conversationsOfCustomer(String customer) {
        flush();
        return memory.conversationsOfCustomer(customer);
    }

    @Override
    public void addAlias(String alias, String conversationId) {
        pending.alias(alias, conversationId);
    }

    @Override
    public void forget(String conversationId) {
        flush();
        memory.forget(conversationId);
    }

    // -- response deadlines

    @Override
    public void startResponseDeadline(String conversationId, Instant deadline) {
        flush();
        memory.startResponseDeadline(Keys.id(conversationId, "conversationId"), deadline);
    }

    @Override
    public boolean stopResponseDeadline(String conversationId) {
        flush();
        return memory.stopResponseDeadline(conversationId);
    }

    /**
     * The deadlines due, each leased to this caller alone for the store's {@link RedisRoutingStore.Builder#claimLease}:
     * another instance that ticks gets one only if its lapse did not stop it by then (as when this one died).
     */
    @Override
    public Map<String, Instant> responseDeadlinesDue(Instant now) {
        flush();
        return memory.responseDeadlinesDue(now, claimLease);
    }

    @Override
    public int recordLapse(String conversationId, String ownerId) {
        flush();
        return memory.recordLapse(conversationId, ownerId);
    }

    @Override
    public int lapses(String conversationId) {
        flush();
        return memory.lapses(conversationId);
    }

    // -- offers

    @Override
    public Placement.Offered offer(String conversationId, Instant at, Instant expiresAt) {
        flush();
        return places.offer(Keys.id(conversationId, "conversationId"), at, expiresAt);
    }

    @Override
    public boolean ring(String conversationId, String ownerId, Instant at) {
        flush();
        return roster.mayBeOffered(ownerId, at).map(owner -> places.ring(conversationId, ownerId, at,
                owner.dailyCap())).orElse(false);
    }

    @Override
    public Optional<Placement.Offered> withdraw(String conversationId, String ownerId) {
        flush();
        return places.withdraw(conversationId, ownerId);
    }

    @Override
    public Placement.Owned accept(String conversationId, String ownerId) {
        flush();
        return places.accept(conversationId, ownerId);
    }

    /**
     * The offers due, each leased to this caller alone for the store's {@link RedisRoutingStore.Builder#claimLease}:
     * another instance that ticks gets one only if its expiry did not take it back by then (as when this one died).
     */
    @Override
    public List<Placement.Offered> offersDue(Instant now) {
        flush();
        return places.offersDue(now, claimLease);
    }

    @Override
    public int passOver(String conversationId, String ownerId) {
        flush();
        return memory.passOver(conversationId, ownerId);
    }

    @Override
    public void readmit(String conversationId, String ownerId) {
        flush();
        memory.readmit(conversationId, ownerId);
    }

    /** A read of what no take changes: a take held pending stays pending (a take-back decides with it). */
    @Override
    public int passedOver(String conversationId) {
        return memory.passedOver(conversationId);
    }

    // -- strategy memory

    @Override
    public void keepCompletions(Duration window) {
        flush();
        places.keepCompletions(window);
    }

    /**
     * A view from the near-cache, no round trip while it is fresh (see {@link NearCache#read}, {@link RedisView}); a
     * take held pending stays pending for the view's commit, the view counting it with the owner it is taken from.
     */
    @Override
    public LiveView view(Conversation conversation, Instant now, Set<String> owners, String cursorScope) {
        NearCache.Snapshot snapshot = cache.read(cursorScope);
        return new RedisView(pending, memory, snapshot, snapshot.leftOut(conversation.id()), conversation, now,
                owners, cursorScope);
    }

    /** One script reads the tenant's whole state; see {@link RedisSnapshots} for what Redis keeps its own way. */
    @Override
    public StateSnapshot snapshot() {
        flush();
        return snapshots.read(clock.instant());
    }

    /** One script writes the snapshot, and only into a tenant that holds no key at all. */
    @Override
    public void restore(StateSnapshot snapshot) {
        flush();
        cache.stale();
        snapshots.restore(snapshot, clock.instant());
    }
}
