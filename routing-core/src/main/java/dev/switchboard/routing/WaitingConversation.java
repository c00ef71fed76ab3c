package dev.switchboard.routing;

import java.time.Instant;

/**
 * A conversation waiting in a queue.
 *
 * @param conversation the conversation
 * @param queue the queue it waits in
 * @param reason why it waits there
 * @param enqueuedAt when it entered this queue
 * @param slaDeadline when its wait breaches the queue's SLA
 */
public record WaitingConversation(
        Conversation conversation, String queue, String reason, Instant enqueuedAt, Instant slaDeadline) {

    public WaitingConversation {
        Checks.notNull(conversation, "conversation");
        Checks.id(queue, "queue");
        Checks.notNull(reason, "reason");
        Checks.notNull(enqueuedAt, "enqueuedAt");
        Checks.notNull(slaDeadline, "slaDeadline");
    }
}
