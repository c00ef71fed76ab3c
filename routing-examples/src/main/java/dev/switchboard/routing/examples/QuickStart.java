package dev.switchboard.routing.examples;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import java.time.Duration;
import java.time.Instant;

/** The README's quick start, compiled and run by a test so the README cannot drift from the API. */
public final class QuickStart {
    private QuickStart() {}

    /** Builds a two-agent roster and a router, routes one WhatsApp conversation, and returns the decision. */
    public static Decision run() {
        // README:start
        Router router = Router.builder()
                .owner(Owner.agent("ana").languages("en", "es").capacity(3).build())
                .owner(Owner.agent("ben").languages("en").capacity(2).build())
                .chain(new StickyPreviousOwner(), new RoundRobin())     // tried in this order
                .fallbackQueue("front-desk", Duration.ofMinutes(15))   // nobody free: wait here, SLA 15 min
                .listener(event -> System.out.println("event: " + event))
                .build();

        Conversation conversation = Conversation.builder("conv-1")
                .customer("maria@example.com")
                .channel("whatsapp")
                .type("scheduling")
                .createdAt(Instant.now())
                .build();

        Decision decision = router.route(conversation);
        System.out.println(decision.trace().explain());
        // README:end
        return decision;
    }

    public static void main(String[] args) {
        run();
    }
}
