package dev.switchboard.routing.helpdesk;

import static dev.switchboard.routing.helpdesk.Fields.checked;
import static dev.switchboard.routing.helpdesk.Fields.required;

import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import java.time.InstantSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The conversations: the webhook that routes a new one, and releasing, transferring and claiming open ones. A path
 * that names a conversation that is not open is answered with 404; a transfer or claim the conversation's state does
 * not allow, with 409.
 */
@RestController
@RequestMapping("/conversations")
class ConversationController {

    /** The body of a transfer: who takes the conversation over, and the handoff note. */
    record TransferRequest(String to, Note note) {
    }

    /** A handoff note; {@code alreadySaid} may be left out. */
    record Note(String summary, String alreadySaid, String nextAction) {
    }

    /** The body of a claim: the owner who takes the waiting conversation. */
    record ClaimRequest(String owner) {
    }

    private final Router router;
    private final InstantSource clock;

    ConversationController(Router router, InstantSource clock) {
        this.router = router;
        this.clock = clock;
    }

    /** Routes a new conversation, created now, and answers with the decision. */
    @PostMapping
    DecisionView route(@RequestBody NewConversation body) {
        return DecisionView.of(router.route(required("body", body).toConversation(clock.instant())));
    }

    /** The conversation is resolved: it leaves its owner or queue. */
    @PostMapping("/{id}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable String id) {
        open(id);
        router.release(id);
    }

    /** Hands an owned conversation to another owner, with a note. */
    @PostMapping("/{id}/transfer")
    DecisionView transfer(@PathVariable String id, @RequestBody TransferRequest body) {
        Placement placement = open(id);
        String to = required("to", required("body", body).to());
        Note note = required("note", body.note());
        Handoff handoff = checked("note", () -> new Handoff(required("note.summary", note.summary()),
                note.alreadySaid() == null ? "" : note.alreadySaid(), required("note.nextAction", note.nextAction())));
        if (!AgentController.onRoster(router, to)) {
            throw new InvalidField("to", "to: '" + to + "' is not on the roster");
        }
        if (!(placement instanceof Placement.Owned owned)) {
            throw new Conflict("conversation '" + id + "' waits in queue "
                    + ((Placement.Waiting) placement).entry().queue() + "; claim it instead of transferring it");
        }
        if (owned.ownerId().equals(to)) {
            throw new Conflict("conversation '" + id + "' is already owned by '" + to + "'");
        }
        try {
            return DecisionView.of(router.transfer(id, to, handoff));
        } catch (IllegalStateException refused) { // the new owner is away, offline or full
            throw new Conflict(refused.getMessage());
        }
    }

    /** An owner takes a waiting conversation; 409 when it is owned already or the owner cannot take it. */
    @PostMapping("/{id}/claim")
    DecisionView claim(@PathVariable String id, @RequestBody ClaimRequest body) {
        open(id);
        String owner = required("owner", required("body", body).owner());
        if (!AgentController.onRoster(router, owner)) {
            throw new InvalidField("owner", "owner: '" + owner + "' is not on the roster");
        }
        Decision decision = router.claim(owner, id);
        if (decision instanceof Decision.Rejected rejected) {
            throw new Conflict("conversation '" + id + "' cannot be claimed by '" + owner + "': "
                    + rejected.reason());
        }
        return DecisionView.of(decision);
    }

    private Placement open(String id) {
        return router.placement(id).orElseThrow(() -> new UnknownId("conversation '" + id + "' is not open"));
    }
}
