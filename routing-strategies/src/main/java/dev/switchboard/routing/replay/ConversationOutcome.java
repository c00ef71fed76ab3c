package dev.switchboard.routing.replay;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What happened to one conversation on one side of a {@link ReplayDiff}, gathered from the events in order. */
final class ConversationOutcome {

    private static final String NOT_ROUTED = "not routed";

    private final Conversation conversation;
    private String first = NOT_ROUTED;
    private Optional<Trace> firstTrace = Optional.empty();
    private Instant assignedAt;
    private Instant leftAt;
    private String releasedBy = "";
    private boolean waited;
    private boolean waiting;
    private boolean rejected;

    private ConversationOutcome(Conversation conversation) {
        this.conversation = conversation;
    }

    /** Every routed conversation's outcome, in the order they were routed. */
    static Map<String, ConversationOutcome> of(Iterable<RoutingEvent> events) {
        Map<String, ConversationOutcome> outcomes = new LinkedHashMap<>();
        for (RoutingEvent event : events) {
            if (event instanceof RoutingEvent.Input input && input.input() instanceof RouterInput.Route route) {
                outcomes.putIfAbsent(route.conversation().id(), new ConversationOutcome(route.conversation()));
            } else if (event instanceof RoutingEvent.Assigned assigned) {
                outcome(outcomes, assigned.conversation()).assigned(assigned);
            } else if (event instanceof RoutingEvent.Queued queued) {
                ConversationOutcome outcome = outcome(outcomes, queued.conversation());
                outcome.place("queued in " + queued.queue(), Optional.of(queued.trace()));
                outcome.waited = true;
                outcome.waiting = true;
            } else if (event instanceof RoutingEvent.Rejected rejected) {
                ConversationOutcome outcome = outcome(outcomes, rejected.conversation());
                outcome.place("rejected", Optional.of(rejected.trace()));
                outcome.rejected = true;
                outcome.leave(rejected.at());
            } else if (event instanceof RoutingEvent.Joined joined) {
                ConversationOutcome outcome = outcome(outcomes, joined.conversation());
                outcome.place("joined " + joined.joinedConversationId(), Optional.empty());
                outcome.leave(joined.at());
            } else if (event instanceof RoutingEvent.Released released) {
                ConversationOutcome outcome = outcome(outcomes, released.conversation());
                outcome.releasedBy = released.from();
                outcome.leave(released.at());
            }
        }
        return outcomes;
    }

    private static ConversationOutcome outcome(Map<String, ConversationOutcome> outcomes, Conversation conversation) {
        return outcomes.computeIfAbsent(conversation.id(), id -> new ConversationOutcome(conversation));
    }

    private void assigned(RoutingEvent.Assigned assigned) {
        place("assigned " + assigned.ownerId(), Optional.of(assigned.trace()));
        if (assignedAt == null) {
            assignedAt = assigned.at();
        }
        waiting = false;
    }

    private void leave(Instant at) {
        waiting = false;
        if (leftAt == null) {
            leftAt = at;
        }
    }

    private void place(String placement, Optional<Trace> trace) {
        if (first.equals(NOT_ROUTED)) {
            first = placement;
            firstTrace = trace;
        }
    }

    Conversation conversation() {
        return conversation;
    }

    /** Its first placement and who released it: {@code assigned ana, released by ana}. */
    String summary() {
        return releasedBy.isEmpty() ? first : first + ", released by " + releasedBy;
    }

    /** Why it was first placed where it was, if a decision placed it. */
    Optional<Trace> firstTrace() {
        return firstTrace;
    }

    /** From arrival to first owner, if it had one. */
    Optional<Duration> timeToOwner() {
        return Optional.ofNullable(assignedAt).map(at -> Duration.between(conversation.createdAt(), at));
    }

    /**
     * How long it waited without an owner: from arrival to its first owner; without one, until it left (released,
     * rejected, or joined another conversation) or else until {@code end}.
     */
    Duration waitUntilOwner(Instant end) {
        return timeToOwner().orElseGet(() -> Duration.between(conversation.createdAt(), leftAt != null ? leftAt : end));
    }

    boolean waited() {
        return waited;
    }

    boolean waitingAtEnd() {
        return waiting;
    }

    boolean rejected() {
        return rejected;
    }
}
