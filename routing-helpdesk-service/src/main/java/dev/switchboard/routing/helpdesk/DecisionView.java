package dev.switchboard.routing.helpdesk;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A routing decision as the service answers it. Fields that do not apply to the outcome are left out.
 *
 * @param conversationId the conversation decided
 * @param outcome {@code assigned}, {@code queued}, {@code rejected} or {@code joined}
 * @param owner who owns it now (assigned, or joined to an owned conversation)
 * @param queue where it waits (queued, or joined to a waiting conversation)
 * @param slaDeadline when its wait breaches the queue's SLA (queued)
 * @param joinedConversationId the open conversation of the same customer it joined (joined)
 * @param reason why, in one sentence: what the deciding step said
 * @param explanation every step of the trace, one numbered line each
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DecisionView(String conversationId, String outcome, String owner, String queue, Instant slaDeadline,
        String joinedConversationId, String reason, String explanation) {

    static DecisionView of(Decision decision) {
        String outcome = decision.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        String id = decision.conversationId();
        String explanation = decision.trace().explain();
        if (decision instanceof Decision.Assigned assigned) {
            return new DecisionView(id, outcome, assigned.ownerId(), null, null, null, decisiveReason(assigned.trace()),
                    explanation);
        }
        if (decision instanceof Decision.Queued queued) {
            return new DecisionView(id, outcome, null, queued.queue(), queued.slaDeadline(), null, queued.reason(),
                    explanation);
        }
        if (decision instanceof Decision.Rejected rejected) {
            return new DecisionView(id, outcome, null, null, null, null, rejected.reason(), explanation);
        }
        Decision.Joined joined = (Decision.Joined) decision;
        String owner = joined.placement() instanceof Placement.Owned owned ? owned.ownerId() : null;
        String queue = joined.placement() instanceof Placement.Waiting waiting ? waiting.entry().queue() : null;
        return new DecisionView(id, outcome, owner, queue, null, joined.joinedConversationId(),
                decisiveReason(joined.trace()), explanation);
    }

    private static String decisiveReason(Trace trace) {
        List<Trace.Step> steps = trace.steps();
        return steps.get(steps.size() - 1).verdict().reason();
    }
}
