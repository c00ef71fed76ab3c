package dev.switchboard.routing.state;

import java.time.Duration;
import java.time.Instant;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.WaitingConversation;
import java.util.Comparator;
import java.util.Objects;

/**
 * The order in which waiting conversations are offered capacity. Without aging: higher priority first, then VIPs,
 * then older conversations (by creation, or by last activity when {@code byLastActivity}: the longest waiting since
 * the customer last wrote). With an aging step, each priority level counts as {@code agingStep} of waiting (a VIP as
 * half a level more): conversations are served by this <em>virtual arrival time</em>, so an urgent conversation
 * jumps ahead of lower-priority work, but only by a bounded amount, and low-priority work is never starved. Either
 * way the order does not change while conversations wait, so the queue can stay sorted. A store keeps its queues in
 * this order (a shared store may keep the virtual arrival time as a sorted set's score).
 *
 * @param agingStep how much waiting one priority level is worth; zero for no aging
 * @param byLastActivity whether waiting counts from the customer's last activity rather than the creation
 */
public record ServeOrder(Duration agingStep, boolean byLastActivity) {

    /** By priority, then VIP, then creation time: the router's default. */
    public static final ServeOrder WITHOUT_AGING = new ServeOrder(Duration.ZERO, false);

    /** Checks the step: not null, not negative. */
    public ServeOrder {
        Objects.requireNonNull(agingStep, "agingStep");
        if (agingStep.isNegative()) {
            throw new IllegalArgumentException("agingStep must not be negative, was " + agingStep);
        }
    }

    /** The serve order as a comparator: the first conversation served compares lowest; ties broken by id. */
    public Comparator<WaitingConversation> comparator() {
        Comparator<WaitingConversation> order = agingStep.isZero()
                ? Comparator.comparing((WaitingConversation entry) -> entry.conversation().priority()).reversed()
                        .thenComparing(entry -> !entry.conversation().vip())
                        .thenComparing(entry -> arrival(entry.conversation()))
                : Comparator.comparing(entry -> virtualArrival(entry.conversation()));
        return order.thenComparing(WaitingConversation::enqueuedAt)
                .thenComparing(entry -> entry.conversation().id());
    }

    /** Where waiting starts to count: the conversation's creation, or its last activity. */
    private Instant arrival(Conversation conversation) {
        return byLastActivity ? conversation.lastActivityAt() : conversation.createdAt();
    }

    private Instant virtualArrival(Conversation conversation) {
        long halfLevels = 2L * conversation.priority().ordinal() + (conversation.vip() ? 1 : 0);
        return arrival(conversation).minus(agingStep.multipliedBy(halfLevels).dividedBy(2));
    }
}
