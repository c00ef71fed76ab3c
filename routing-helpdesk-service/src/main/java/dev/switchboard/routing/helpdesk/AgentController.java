package dev.switchboard.routing.helpdesk;

import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The agents: their presence, as the helpdesk's own status switch reports it. */
@RestController
class AgentController {

    /** The body of a presence change: {@code online}, {@code busy}, {@code away} or {@code offline}. */
    record PresenceChange(String presence) {
    }

    private final Router router;

    AgentController(Router router) {
        this.router = router;
    }

    /** Sets an agent's presence; going offline re-routes the agent's conversations. */
    @PutMapping("/agents/{id}/presence")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void presence(@PathVariable String id, @RequestBody PresenceChange body) {
        if (!onRoster(router, id)) {
            throw new UnknownId("agent '" + id + "' is not on the roster");
        }
        router.setPresence(id, Fields.oneOf("presence", Fields.required("body", body).presence(), Presence.class));
    }

    /** Whether an owner of this id is on the router's roster. */
    static boolean onRoster(Router router, String id) {
        return router.roster().stream().anyMatch(status -> status.owner().id().equals(id));
    }
}
