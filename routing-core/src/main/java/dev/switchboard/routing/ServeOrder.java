package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order in which waiting conversations are offered capacity. Without aging: higher priority first, then VIPs,
 * then older conversations. With an aging step, each priority level counts as {@code agingStep} of waiting (a VIP as
 * half a level more): conversations are served by this <em>virtual arrival time</em>, so an urgent conversation
 * jumps ahead of lower-priority work, but only by a bounded amount, and low-priority work is never starved. Either
 * way the order does not change while conversations wait, so the queue can stay sorted.
 */
record ServeOrder(Duration agingStep) {

    static final ServeOrder WITHOUT_AGING = new ServeOrder(Duration.ZERO);

    Comparator<WaitingConversation> comparator() {
        Comparator<WaitingConversation> order = agingStep.isZero()
                ? Comparator.comparing((WaitingConversation entry) -> entry.conversation().priority()).reversed()
                        .thenComparing(entry -> !entry.conversation().vip())
                        .thenComparing(entry -> entry.conversation().createdAt())
                : Comparator.comparing(entry -> virtualArrival(entry.conversation()));
        return order.thenComparing(WaitingConversation::enqueuedAt)
                .thenComparing(entry -> entry.conversation().id());
    }

    private Instant virtualArrival(Conversation conversation) {
        long halfLevels = 2L * conversation.priority().ordinal() + (conversation.vip() ? 1 : 0);
        return conversation.createdAt().minus(agingStep.multipliedBy(halfLevels).dividedBy(2));
    }
}
