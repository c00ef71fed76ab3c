package dev.switchboard.routing.state;

import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a {@link LiveState} holds at one moment, as plain values: what a store writes before a restart and is
 * {@link LiveState#restore restored} from after it, so that the router carries on as if it had never stopped (the
 * same next round-robin pick, the same sticky owner, the same queues in serve order, the same timers firing).
 * Instants are absolute, so time that passes while the host is down counts as it would have.
 *
 * <p>A snapshot is consistent, or cannot be made: each conversation is in exactly one place (owned, offered or
 * waiting), every owner it names is on the roster, each owner lists exactly the conversations it owns or is offered,
 * and every timer, alias and identity link is about something the snapshot holds. An inconsistent one is refused with
 * an {@link IllegalArgumentException} that names the conversation, owner or identity. A load above an owner's capacity
 * is kept: a router whose capacity was lowered below a load keeps that load, and gives the owner nothing new until it
 * falls below.
 *
 * @param takenAt the router's time when the snapshot was taken
 * @param roster the owners, in roster order
 * @param nextRosterPosition the roster position the next owner to join takes: positions are never reused, and
 *     round-robin cursors are positions, so a restored roster skips those of owners who left
 * @param owned the owned conversations
 * @param offers the offers that stand, in the order they were made
 * @param waiting the waiting conversations, in serve order
 * @param cursors the strategies' cursors: scope (a rule) to cursor key to position
 * @param customers what is remembered about customers
 * @param timers what the clock will act on, and who is left out of which conversation's decisions
 */
public record StateSnapshot(Instant takenAt, List<OwnerState> roster, long nextRosterPosition,
        List<Placement.Owned> owned, List<Placement.Offered> offers, List<Waiting> waiting,
        Map<String, Map<String, Long>> cursors, Customers customers, Timers timers) {

    /** Copies every part and checks that they agree (see {@link StateSnapshot}). */
    public StateSnapshot {
        Values.notNull(takenAt, "takenAt");
        roster = Values.list(roster, "roster");
        owned = Values.list(owned, "owned");
        offers = Values.list(offers, "offers");
        waiting = Values.list(waiting, "waiting");
        cursors = Values.cursors(cursors);
        Values.notNull(customers, "customers");
        Values.notNull(timers, "timers");
        SnapshotChecks.check(roster, nextRosterPosition, owned, offers, waiting, customers, timers);
    }

    /** The snapshot of a store that holds nothing. */
    public static StateSnapshot empty(Instant takenAt) {
        return new StateSnapshot(takenAt, List.of(), 0, List.of(), List.of(), List.of(), Map.of(),
                new Customers(List.of(), List.of(), Map.of()), new Timers(Map.of(), Map.of(), Map.of(), Map.of()));
    }

    /**
     * One owner on the roster; its load is the number of conversations it holds.
     *
     * @param owner the owner, with its current capacity
     * @param rosterPosition its position on the roster (see {@link StateSnapshot#nextRosterPosition})
     * @param presence its presence
     * @param conversationIds the conversations it owns or is offered, oldest assignment first (the order in which
     *     they are taken back when it leaves)
     * @param activity what it did lately that the clock and strategies read
     */
    public record OwnerState(Owner owner, long rosterPosition, Presence presence, List<String> conversationIds,
            Activity activity) {

        /** Checks that nothing is null and the position is not negative. */
        public OwnerState {
            Values.notNull(owner, "owner");
            Values.nonNegative(rosterPosition, "rosterPosition of owner '" + owner.id() + "'");
            Values.notNull(presence, "presence of owner '" + owner.id() + "'");
            conversationIds = Values.ids(conversationIds, "conversationIds of owner '" + owner.id() + "'");
            Values.notNull(activity, "activity of owner '" + owner.id() + "'");
        }
    }

    /**
     * What an owner did lately: {@link Instant#MIN} stands for never.
     *
     * @param lastAssignedAt when it was last given a conversation
     * @param recentAssignments when it received its latest conversations, oldest first, as many as its assignment cap
     *     counts
     * @param lastReleasedAt when one of its conversations was last released
     * @param completions its recent releases, oldest first, as far back as the strategies read
     * @param wrapUpUntil when its wrap-up after its last release ends
     * @param dailyCount how many conversations it received on the latest day its daily cap counted, if it has one
     */
    public record Activity(Instant lastAssignedAt, List<Instant> recentAssignments, Instant lastReleasedAt,
            List<Instant> completions, Instant wrapUpUntil, Optional<DailyCount> dailyCount) {

        /** An owner that never did anything. */
        public static final Activity NONE = new Activity(Instant.MIN, List.of(), Instant.MIN, List.of(), Instant.MIN,
                Optional.empty());

        /** Copies the lists, refusing nulls and instants out of order. */
        public Activity {
            Values.notNull(lastAssignedAt, "lastAssignedAt");
            recentAssignments = Values.oldestFirst(recentAssignments, "recentAssignments");
            Values.notNull(lastReleasedAt, "lastReleasedAt");
            completions = Values.oldestFirst(completions, "completions");
            Values.notNull(wrapUpUntil, "wrapUpUntil");
            Values.notNull(dailyCount, "dailyCount");
        }
    }

    /**
     * How many conversations an owner received on one day of its daily cap's time zone.
     *
     * @param day the day
     * @param received how many it received that day
     */
    public record DailyCount(LocalDate day, int received) {

        /** Checks the day is given and the count not negative. */
        public DailyCount {
            Values.notNull(day, "day");
            Values.nonNegative(received, "received");
        }
    }

    /**
     * A waiting conversation.
     *
     * @param entry where and why it waits, since when, and its SLA deadline
     * @param breachReported whether its SLA breach was already reported (it is reported once)
     */
    public record Waiting(WaitingConversation entry, boolean breachReported) {

        /** Checks the entry is given. */
        public Waiting {
            Values.notNull(entry, "entry");
        }
    }

    /**
     * What is remembered about customers.
     *
     * @param memory each customer's previous owners, for sticky routing
     * @param links the sets of linked identities, in the order their customers were first linked (the earlier names
     *     a set merged later)
     * @param aliases conversation id to the ids of the conversations that joined it, by id
     */
    public record Customers(List<CustomerMemory> memory, List<LinkedIdentities> links,
            Map<String, List<String>> aliases) {

        /** Copies every part, refusing nulls. */
        public Customers {
            memory = Values.list(memory, "memory");
            links = Values.list(links, "links");
            aliases = Values.idLists(aliases, "aliases");
        }
    }

    /**
     * Whom a customer was served by, as the store remembers it until {@code servedAt} plus the router's customer
     * memory ttl.
     *
     * @param customer the customer (the first identity of its linked set)
     * @param primaryOwner its primary owner
     * @param lastOwner the owner of its latest conversation
     * @param streak how many of its latest conversations in a row {@code lastOwner} served, one or more
     * @param servedAt when it was last served
     */
    public record CustomerMemory(String customer, String primaryOwner, String lastOwner, int streak,
            Instant servedAt) {

        /** Checks the ids, the streak and the instant. */
        public CustomerMemory {
            Values.id(customer, "customer");
            Values.id(primaryOwner, "primaryOwner of customer '" + customer + "'");
            Values.id(lastOwner, "lastOwner of customer '" + customer + "'");
            if (streak < 1) {
                throw new IllegalArgumentException("streak of customer '" + customer + "' must be positive, was "
                        + streak);
            }
            Values.notNull(servedAt, "servedAt of customer '" + customer + "'");
        }
    }

    /**
     * Identities linked into one customer.
     *
     * @param customer the identity that names the customer
     * @param identities the other identities linked to it, at least one
     */
    public record LinkedIdentities(String customer, List<String> identities) {

        /** Checks the ids; a customer links at least one other identity. */
        public LinkedIdentities {
            Values.id(customer, "customer");
            identities = Values.ids(identities, "identities of customer '" + customer + "'");
            if (identities.isEmpty()) {
                throw new IllegalArgumentException("identities of customer '" + customer + "' must not be empty");
            }
        }
    }

    /**
     * The clock's work, and who is left out of which conversation.
     *
     * @param offlineSince owner id to when it went offline, for its grace period
     * @param responseDeadlines owned conversation id to the deadline of its owner's first reply
     * @param lapsedBy conversation id to the owners that let its response deadline lapse, once per lapse
     * @param passedOver conversation id to the owners that declined it or let its offer expire, by id
     */
    public record Timers(Map<String, Instant> offlineSince, Map<String, Instant> responseDeadlines,
            Map<String, List<String>> lapsedBy, Map<String, List<String>> passedOver) {

        /** Copies every part, refusing nulls. */
        public Timers {
            offlineSince = Values.instants(offlineSince, "offlineSince");
            responseDeadlines = Values.instants(responseDeadlines, "responseDeadlines");
            lapsedBy = Values.idLists(lapsedBy, "lapsedBy");
            passedOver = Values.idLists(passedOver, "passedOver");
        }
    }
}
