package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order in which waiting conversations are offered capacity: higher effective priority first, then VIPs, then
 * older conversations. With aging, every full {@code agingStep} a conversation has waited since it arrived raises
 * its effective priority by one level, so that low-priority work is never starved by a stream of urgent work.
 */
record ServeOrder(Duration agingStep) {

    static final ServeOrder WITHOUT_AGING = new ServeOrder(Duration.ZERO);

    Comparator<WaitingConversation> at(Instant now) {
        Comparator<WaitingConversation> byRank = Comparator.comparingLong(entry -> -rank(entry.conversation(), now));
        return byRank
                .thenComparing(entry -> !entry.conversation().vip())
                .thenComparing(entry -> entry.conversation().createdAt());
    }

    long rank(Conversation conversation, Instant now) {
        long rank = conversation.priority().ordinal();
        if (!agingStep.isZero() && now.isAfter(conversation.createdAt())) {
            rank += Duration.between(conversation.createdAt(), now).dividedBy(agingStep);
        }
        return rank;
    }
}
