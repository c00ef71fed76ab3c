package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order in which waiting conversations are offered capacity. Without aging: higher priority first, then VIPs,
 * then older conversations (by creation, or by last activity when {@code byLastActivity}: the longest waiting since
 * the customer last wrote). With an aging step, each priority level counts as {@code agingStep} of waiting (a VIP as
 * half a level more): conversations are served by this <em>virtual arrival time</em>, so an urgent conversation
 * jumps ahead of lower-priority work, but only by a bounded amount, and low-priority work is never starved. Either
 * way the order does not change while conversations wait, so the queue can stay sorted.
 */
record ServeOrder(Duration agingStep, boolean byLastActivity) {

    static final ServeOrder WITHOUT_AGING = new ServeOrder(Duration.ZERO, false);

    Comparator<WaitingConversation> comparator() {
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
