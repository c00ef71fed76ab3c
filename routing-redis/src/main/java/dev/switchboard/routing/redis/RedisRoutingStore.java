package dev.switchboard.routing.redis;

import dev.switchboard.routing.AssignmentCap;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.state.LiveStateFactory;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's live routing state in Redis, shared by every instance that builds a store on the same Redis, prefix
 * and tenant. Each operation that changes state is one server-side script, which Redis runs whole and alone: it
 * checks what it needs, then changes everything or nothing. Thread-safe; one connection serves every thread. When
 * Redis cannot be reached, a call fails at once with {@link RedisUnavailableException} and the next call connects
 * again.
 *
 * <pre>{@code
 * try (RedisRoutingStore store = RedisRoutingStore.builder().uri("redis://localhost:6379").tenant("acme").build()) {
 *     store.putOwner(Owner.agent("ana").capacity(3).build(), Presence.ONLINE);
 *     CommitResult result = store.commit(Assignment.of(conversation, "ana", now));
 * }
 * }</pre>
 *
 * <p>Times are kept to the millisecond. See {@code docs/multi-instance.md} for the key layout and each script.
 */
public final class RedisRoutingStore implements AutoCloseable {

    private final RedisLink link;
    private final Keys keys;
    private final Scripts scripts;
    private final OwnerRoster roster;
    private final Assignments assignments;
    private final WaitingQueues queues;
    private final Timers timers;
    private final Identities identities;
    private final int takeScan;
    private final Duration nearCacheMaxAge;
    private final InstantSource nearCacheClock;
    private final Duration claimLease;

    private RedisRoutingStore(Builder builder) {
        takeScan = builder.takeScan;
        nearCacheMaxAge = builder.nearCacheMaxAge;
        nearCacheClock = builder.nearCacheClock;
        claimLease = builder.claimLease;
        Keys keys = new Keys(builder.prefix, builder.tenant);
        link = new RedisLink(builder.uri, builder.connectTimeout, builder.commandTimeout);
        scripts = new Scripts(link, keys, builder.scriptReloads);
        this.keys = keys;
        roster = new OwnerRoster(scripts, link, keys);
        assignments = new Assignments(scripts, link, keys, builder.customerTtl);
        queues = new WaitingQueues(scripts, keys, new ServeScore(builder.agingStep, false), builder.customerTtl,
                builder.takeScan, false);
        timers = new Timers(scripts, link, keys, claimLease);
        identities = new Identities(scripts, link, keys, builder.identityTtl);
    }

    /** A builder; only the URI must be set. */
    public static Builder builder() {
        return new Builder();
    }

    // -- roster

    /** Puts an owner on the roster with its capacity and fairness cap, or replaces those (its load is kept). */
    public void putOwner(Owner owner, Presence presence) {
        roster.put(owner, presence);
    }

    /** Sets an owner's presence; false when it is not on the roster, and nothing changed. */
    public boolean setPresence(String ownerId, Presence presence, Instant at) {
        return roster.setPresence(ownerId, presence, at);
    }

    /** Takes an owner that holds no conversations off the roster, with its offline timer. */
    public void removeOwner(String ownerId) {
        roster.remove(ownerId);
    }

    /** An owner's presence, capacity and loads at one moment, or empty when it is not on the roster. */
    public Optional<OwnerLoad> ownerLoad(String ownerId) {
        return roster.load(ownerId);
    }

    /** The owners on the roster, in the order they joined. */
    public List<String> ownerIds() {
        return roster.ownerIds();
    }

    /** How many conversations an owner received within its fairness cap's window ending at {@code at}. */
    public long assignmentsInWindow(String ownerId, AssignmentCap cap, Instant at) {
        return roster.assignmentsInWindow(ownerId, cap, at);
    }

    // -- assignments

    /**
     * Commits a decision in one script: the owner is on the roster, may receive work, has room in total and on the
     * channel and is below its fairness cap; the cursors read have not moved; the conversation is where the decision
     * found it (in no place, or waiting in {@link Assignment#fromQueue()}). Then it is placed with the owner, the
     * capacity taken, the cursors moved, the customer's memory written and the owner's max-seen load kept. Any
     * other result changed nothing.
     */
    public CommitResult commit(Assignment assignment) {
        return assignments.commit(Keys.notNull(assignment, "assignment"));
    }

    /**
     * Releases a conversation from an owner, if it is still placed there: frees the capacity and stops its response
     * and agent-pick deadlines. False when it was not there, and nothing changed; so releasing twice is harmless.
     */
    public boolean release(String conversationId, String ownerId) {
        return assignments.release(Keys.id(conversationId, "conversationId"), Keys.id(ownerId, "ownerId"));
    }

    /** Where a conversation is: owned, waiting, or in no place. */
    public Optional<Placement> placement(String conversationId) {
        return assignments.placement(Keys.id(conversationId, "conversationId"));
    }

    /**
     * The cursors of a scope that ever moved, with positions and versions, by key; a missing one is
     * {@link Cursor#START}.
     */
    public Map<String, Cursor> cursors(String scope) {
        return assignments.cursors(scope);
    }

    // -- waiting queues

    /** Puts a conversation in no place into its queue, and starts its SLA breach timer; false if it is placed. */
    public boolean enqueue(WaitingConversation entry) {
        return queues.enqueue(entry);
    }

    /** Takes a waiting conversation out of its queue, stopping its SLA timer; empty when it was not waiting. */
    public Optional<WaitingConversation> dequeue(String conversationId) {
        return queues.dequeue(conversationId);
    }

    /**
     * Gives an owner that may receive work the first conversation, in serve order, of a queue (or of every queue,
     * for {@code ""}) that it has room for on its channel, looking at the first {@link Builder#takeScan} waiting;
     * exactly one caller gets each conversation. It counts towards the owner's fairness cap but is not held back by
     * it (as a claim is not). Empty when nothing fits.
     */
    public Optional<Placement.Owned> takeNext(String ownerId, String queue, Instant at) {
        return queues.take(ownerId, queue, at);
    }

    /** The conversations waiting in a queue (or in every queue, for {@code ""}), in serve order. */
    public List<WaitingConversation> waiting(String queue) {
        return queues.waiting(queue);
    }

    // -- timers

    /** Starts a timer, or moves it if it runs already. */
    public void schedule(TimerKind kind, String subject, Instant due) {
        timers.schedule(kind, subject, due);
    }

    /** Stops a timer; false if it was not running. */
    public boolean cancel(TimerKind kind, String subject) {
        return timers.cancel(kind, subject);
    }

    /**
     * Hands this caller the timers due at {@code now} (at most {@code limit}, earliest first), each leased to it alone
     * for {@link Builder#claimLease}: the caller {@link #cancel cancels} (or {@link #schedule moves}) each one it ran,
     * and a timer still due when its lease runs out, as when its claimer died, is handed out again.
     */
    public List<DueTimer> claimDue(Instant now, int limit) {
        return timers.claimDue(now, limit);
    }

    // -- customers

    /**
     * Makes two identities one customer, named by the one seen first; the customer's memory of its previous owner is
     * kept (the first set's when both have one). Returns the customer.
     */
    public String link(String identity, String otherIdentity) {
        return identities.link(identity, otherIdentity);
    }

    /** The customer an identity belongs to: itself unless linked. */
    public String customerOf(String identity) {
        return identities.customerOf(identity);
    }

    /** The owner an identity's customer was last given to, while the memory lasts. */
    public Optional<String> previousOwner(String identity) {
        return identities.previousOwner(identity);
    }

    /**
     * A router's live state on this store (see {@link RedisLiveState}), for {@code Router.builder().liveState(...)}:
     * every router built with it shares this store's connection; routers on stores of the same Redis, prefix and
     * tenant share the state.
     */
    public LiveStateFactory liveState() {
        return RedisLiveState.factory(this);
    }

    RedisLink link() {
        return link;
    }

    Keys keys() {
        return keys;
    }

    Scripts scripts() {
        return scripts;
    }

    OwnerRoster roster() {
        return roster;
    }

    Identities identities() {
        return identities;
    }

    int takeScan() {
        return takeScan;
    }

    Duration nearCacheMaxAge() {
        return nearCacheMaxAge;
    }

    InstantSource nearCacheClock() {
        return nearCacheClock;
    }

    Duration claimLease() {
        return claimLease;
    }

    /** Closes the connection; the state stays in Redis. */
    @Override
    public void close() {
        link.close();
    }

    /**
     * Builds a {@link RedisRoutingStore}; each option is checked when set and may be set once, and {@link #build()}
     * leaves the builder as it was, so that it can build a store per instance or thread.
     */
    public static final class Builder {
        private RedisURI uri;
        private String prefix;
        private String tenant;
        private Duration connectTimeout;
        private Duration commandTimeout;
        private Integer scriptReloads;
        private Duration customerTtl;
        private Duration identityTtl;
        private Duration agingStep;
        private Integer takeScan;
        private Duration nearCacheMaxAge;
        private Duration claimLease;
        private InstantSource nearCacheClock;

        private Builder() {}

        /** Where Redis is, as a Redis URI ({@code redis://host:port/db}, with {@code rediss://} for TLS). Required. */
        public Builder uri(String value) {
            once(uri, "uri");
            try {
                uri = RedisURI.create(Keys.id(value, "uri"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("uri is not a Redis URI: '" + value + "'", e);
            }
            return this;
        }

        /** What every key starts with; default {@code switchboard}. Letters, digits, '.', '_' and '-'. */
        public Builder prefix(String value) {
            once(prefix, "prefix");
            prefix = Keys.name(value, "prefix");
            return this;
        }

        /** The tenant, the hash tag of every key: one Cluster slot holds a tenant. Default {@code default}. */
        public Builder tenant(String value) {
            once(tenant, "tenant");
            tenant = Keys.name(value, "tenant");
            return this;
        }

        /** How long to wait for a connection; default 2 seconds. */
        public Builder connectTimeout(Duration value) {
            once(connectTimeout, "connectTimeout");
            connectTimeout = Keys.positive(value, "connectTimeout");
            return this;
        }

        /** How long to wait for each answer before {@link RedisUnavailableException}; default 2 seconds. */
        public Builder commandTimeout(Duration value) {
            once(commandTimeout, "commandTimeout");
            commandTimeout = Keys.positive(value, "commandTimeout");
            return this;
        }

        /**
         * How many times one call sends a script again that Redis no longer knows (after a restart or SCRIPT FLUSH)
         * before it gives up; default 2. Nothing else is retried: a call that fails is the caller's to retry.
         */
        public Builder scriptReloads(int value) {
            once(scriptReloads, "scriptReloads");
            if (value < 1) {
                throw new IllegalArgumentException("scriptReloads must be at least 1, was " + value);
            }
            scriptReloads = value;
            return this;
        }

        /** How long a customer remembers its previous owner; default 30 days. */
        public Builder customerTtl(Duration value) {
            once(customerTtl, "customerTtl");
            customerTtl = Keys.positive(value, "customerTtl");
            return this;
        }

        /** How long linked identities stay linked after their latest link; default 90 days. */
        public Builder identityTtl(Duration value) {
            once(identityTtl, "identityTtl");
            identityTtl = Keys.positive(value, "identityTtl");
            return this;
        }

        /**
         * The serve order's aging step (as the router's): zero (the default) serves by priority, VIP, then age; a
         * positive step counts each priority level as that much waiting.
         */
        public Builder agingStep(Duration value) {
            once(agingStep, "agingStep");
            agingStep = Keys.notNegative(value, "agingStep");
            return this;
        }

        /** How many waiting conversations {@link #takeNext} looks at for one that fits; default 100. */
        public Builder takeScan(int value) {
            once(takeScan, "takeScan");
            if (value < 1) {
                throw new IllegalArgumentException("takeScan must be at least 1, was " + value);
            }
            takeScan = value;
            return this;
        }

        /**
         * How old each router's near-cache of owners' states and cursors may grow before a decision first reads what
         * changed since (one round trip): how long a decision may miss what other instances changed (every commit is
         * checked in Redis whatever the cache held). Default 50 ms; {@link Duration#ZERO} reads before every decision.
         */
        public Builder nearCacheMaxAge(Duration value) {
            once(nearCacheMaxAge, "nearCacheMaxAge");
            nearCacheMaxAge = Keys.notNegative(value, "nearCacheMaxAge");
            return this;
        }

        /**
         * How long a caller holds what it claimed that is due (timers, response deadlines, offers that expire) before
         * it is handed to another caller, on the callers' clock: long enough to settle it, short enough to wait out
         * when the claimer died. Default 30 s.
         */
        public Builder claimLease(Duration value) {
            once(claimLease, "claimLease");
            claimLease = Keys.positive(value, "claimLease");
            return this;
        }

        /** The clock the near-cache's age is measured by; default the system clock (for tests). */
        Builder nearCacheClock(InstantSource value) {
            once(nearCacheClock, "nearCacheClock");
            nearCacheClock = Keys.notNull(value, "nearCacheClock");
            return this;
        }

        /** A store on a new connection; Redis is reached on the first call. */
        public RedisRoutingStore build() {
            if (uri == null) {
                throw new IllegalStateException("uri is not set");
            }
            Builder copy = new Builder();
            copy.uri = uri;
            copy.prefix = prefix == null ? "switchboard" : prefix;
            copy.tenant = tenant == null ? "default" : tenant;
            copy.connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            copy.commandTimeout = commandTimeout == null ? Duration.ofSeconds(2) : commandTimeout;
            copy.scriptReloads = scriptReloads == null ? 2 : scriptReloads;
            copy.customerTtl = customerTtl == null ? Duration.ofDays(30) : customerTtl;
            copy.identityTtl = identityTtl == null ? Duration.ofDays(90) : identityTtl;
            copy.agingStep = agingStep == null ? Duration.ZERO : agingStep;
            copy.takeScan = takeScan == null ? 100 : takeScan;
            copy.nearCacheMaxAge = nearCacheMaxAge == null ? Duration.ofMillis(50) : nearCacheMaxAge;
            copy.claimLease = claimLease == null ? Duration.ofSeconds(30) : claimLease;
            copy.nearCacheClock = nearCacheClock == null ? InstantSource.system() : nearCacheClock;
            return new RedisRoutingStore(copy);
        }

        private static void once(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(option + " is already set");
            }
        }

    }
}
