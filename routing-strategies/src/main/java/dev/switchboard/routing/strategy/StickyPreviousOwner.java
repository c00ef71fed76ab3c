package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends a returning customer back to the owner who last served them, when that owner can take the conversation
 * now. Otherwise it passes, saying why: the customer is new or forgotten, the owner left the roster (or is not among
 * the owners of the rule this step runs for), is away or offline, busy, or full. Customers whose identities the
 * router linked share one memory.
 *
 * <p>With a wait window, a conversation whose previous owner is at work (online or busy) but cannot take it yet
 * is held, and decided again whenever the router drains its queues, until it has waited (since it was created)
 * as long as the window; then the strategy passes as {@link PassReason#EXPIRED}. An away or offline owner is
 * never waited for.
 *
 * <p>With {@link Memory#PRIMARY_THEN_LAST}, the customer's primary owner (see {@link RoutingView#primaryOwner}) is
 * tried first and its previous owner second, so that one conversation that fell through to someone else does not
 * move the customer for good.
 */
public final class StickyPreviousOwner implements Strategy {

    /** Which of the owners the router remembers for a customer this step sends it back to. */
    public enum Memory {
        /** The owner of its latest conversation. */
        LAST,
        /** Its primary owner when that one can take it, else the owner of its latest conversation. */
        PRIMARY_THEN_LAST
    }

    private final String name;
    private final BusyPolicy busyPolicy;
    private final Duration waitWindow;
    private final Memory memory;

    /** Sticky routing to online previous owners, without waiting, named {@code sticky}. */
    public StickyPreviousOwner() {
        this("sticky", BusyPolicy.EXCLUDE, Duration.ZERO);
    }

    /** Sticky routing to online previous owners, named {@code sticky}, waiting up to {@code waitWindow}. */
    public StickyPreviousOwner(Duration waitWindow) {
        this("sticky", BusyPolicy.EXCLUDE, waitWindow);
    }

    /**
     * @param name the step's name in traces (unique within a router)
     * @param busyPolicy whether a busy previous owner may be given the conversation
     * @param waitWindow how long a conversation, counted from its creation, may be held for a previous owner who
     *     is at work but cannot take it now, at most {@link Bounds#MAX_DURATION}; zero never holds
     */
    public StickyPreviousOwner(String name, BusyPolicy busyPolicy, Duration waitWindow) {
        this(name, busyPolicy, waitWindow, Memory.LAST);
    }

    /**
     * @param name the step's name in traces (unique within a router)
     * @param busyPolicy whether a busy remembered owner may be given the conversation
     * @param waitWindow how long a conversation, counted from its creation, may be held for its previous owner who
     *     is at work but cannot take it now, at most {@link Bounds#MAX_DURATION}; zero never holds
     * @param memory whether the customer's primary owner is tried before its previous owner
     */
    public StickyPreviousOwner(String name, BusyPolicy busyPolicy, Duration waitWindow, Memory memory) {
        this.name = Names.check(name);
        this.busyPolicy = Args.notNull(busyPolicy, "busyPolicy");
        this.waitWindow = Bounds.duration(waitWindow, "waitWindow");
        this.memory = Args.notNull(memory, "memory");
    }

    @Override
    public String name() {
        return name;
    }

    /** It chooses by who served the customer before, which changes as the customer's conversations are assigned. */
    @Override
    public boolean followsTheCustomer() {
        return true;
    }

    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        String customer = conversation.customerId();
        Optional<String> remembered = view.previousOwner(customer);
        if (remembered.isEmpty()) {
            return Verdict.pass(PassReason.NOT_APPLICABLE, "customer " + customer
                    + " has no remembered previous owner (first conversation, or not seen for a long time)");
        }
        Verdict previous = backTo(remembered.get(), conversation, view);
        Optional<String> primary = memory == Memory.PRIMARY_THEN_LAST ? view.primaryOwner(customer)
                .filter(ownerId -> !ownerId.equals(remembered.get())) : Optional.empty();
        if (primary.isEmpty()) {
            return previous;
        }
        Optional<Candidate> candidate = view.candidate(primary.get());
        if (candidate.isPresent() && candidate.get().canTake(busyPolicy)) {
            return Verdict.assign(candidate.get(), "returning customer " + customer + " goes back to its primary owner "
                    + primary.get());
        }
        String primaryCannot = "primary owner " + primary.get() + " cannot take it";
        return previous instanceof Verdict.Assign assign
                ? new Verdict.Assign(assign.ownerId(), primaryCannot + "; " + assign.reason(), assign.cursors())
                : previous instanceof Verdict.Pass pass
                        ? Verdict.pass(pass.code(), primaryCannot + "; " + pass.reason())
                : previous;
    }

    /** Whether the conversation goes back to a remembered owner, waits for it, or passes, and why. */
    private Verdict backTo(String ownerId, Conversation conversation, RoutingView view) {
        String customer = conversation.customerId();
        Optional<Candidate> onRoster = view.candidate(ownerId);
        if (onRoster.isEmpty()) {
            // Not NONE_AVAILABLE: nobody to wait for will come back, so stickiness no longer applies.
            return Verdict.pass(PassReason.NOT_APPLICABLE, "previous owner " + ownerId + " of customer " + customer
                    + " is not a candidate here (no longer on the roster, or not among the rule's owners)");
        }
        Candidate previous = onRoster.get();
        if (previous.canTake(busyPolicy)) {
            return Verdict.assign(previous, "returning customer " + customer + " goes back to previous owner "
                    + ownerId);
        }
        if (!previous.presence().mayReceiveWork()) {
            return Verdict.pass(PassReason.NONE_AVAILABLE, "previous owner " + ownerId + " of customer " + customer
                    + " is " + previous.presence().name().toLowerCase(Locale.ROOT));
        }
        boolean busy = !previous.isAvailable(busyPolicy);
        String condition = busy ? "busy" : "full";
        if (waitWindow.isZero()) {
            return Verdict.pass(busy ? PassReason.NONE_AVAILABLE : PassReason.NO_CAPACITY, "previous owner "
                    + ownerId + " of customer " + customer + " is " + condition);
        }
        Instant deadline = conversation.createdAt().plus(waitWindow);
        if (view.now().isBefore(deadline)) {
            return Verdict.hold("holding for previous owner " + ownerId + ", who is " + condition + ", until "
                    + Durations.clockTime(deadline));
        }
        return Verdict.pass(PassReason.EXPIRED, "waited " + Durations.describe(waitWindow) + " for previous owner " + ownerId
                + ", who is still " + condition);
    }
}
