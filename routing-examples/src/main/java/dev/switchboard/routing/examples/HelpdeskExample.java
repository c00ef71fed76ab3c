package dev.switchboard.routing.examples;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RouterStats;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A morning at a dental clinic's front desk, told through the router: patients write on WhatsApp, email and the
 * web form; returning patients go back to the receptionist who helped them; when the desk is full they wait in
 * order of urgency; a receptionist hands a complaint to the practice manager with a note; one goes offline and her
 * patients are re-routed. Runs on an embedded router with a simulated clock: no server, no set-up.
 */
public final class HelpdeskExample {

    private static final Instant OPENING = Instant.parse("2026-03-02T08:00:00Z");

    private final ManualClock clock = new ManualClock(OPENING);
    private final PrintStream out;
    private final Router router;
    private final Set<String> waiting = new HashSet<>();

    HelpdeskExample(PrintStream out) {
        this.out = out;
        this.router = Router.builder()
                .clock(clock)
                .owner(Owner.agent("lucia").languages("en", "es").capacity(2).build())
                .owner(Owner.agent("tom").languages("en").capacity(2).build())
                .owner(Owner.agent("manager").languages("en").capacity(5).build(), Presence.AWAY)
                .chain(new StickyPreviousOwner(), new RoundRobin())
                .fallbackQueue("front-desk", Duration.ofMinutes(10))
                .priorityAging(Duration.ofMinutes(5))
                .listener(this::report)
                .build();
    }

    public static void main(String[] args) {
        new HelpdeskExample(System.out).run();
    }

    /** Plays the morning and returns the router's counters. */
    RouterStats run() {
        out.println("== 08:00 the front desk opens: lucia and tom online, the manager away");
        route("c1", "ana", "whatsapp", "scheduling", Priority.NORMAL);
        route("c2", "bruno", "email", "pricing", Priority.NORMAL);
        route("c3", "carla", "web_form", "scheduling", Priority.NORMAL);
        route("c4", "dan", "whatsapp", "post-service", Priority.NORMAL);

        at(5, "the desk is full: new patients wait in the front-desk queue");
        route("c5", "eva", "phone", "post-service", Priority.LOW);
        route("c6", "femi", "whatsapp", "complaint", Priority.URGENT);

        at(12, "two conversations are resolved: the urgent complaint is served first, though it came last");
        release("c1");
        release("c2");

        at(20, "ana writes again and goes back to the receptionist who helped her");
        release("c3");
        route("c7", "ana", "whatsapp", "scheduling", Priority.NORMAL);

        at(25, "the complaint needs the practice manager: a transfer with a handoff note");
        router.setPresence("manager", Presence.ONLINE);
        router.transfer("c6", "manager", new Handoff(
                "Femi is unhappy with the cost of a filling",
                "Apologised and said the manager would call back today",
                "Call Femi before noon and review the invoice"));

        at(40, "tom's shift ends: his patients are re-routed, nothing is lost");
        router.setPresence("tom", Presence.OFFLINE);

        RouterStats stats = router.stats();
        out.printf("%n== summary: %d routed, %d assigned, %d queued, %d transferred, %d re-routed, reroute rate %.2f%n",
                stats.routed(), stats.assigned(), stats.queued(), stats.transferred(), stats.rerouted(),
                stats.rerouteRate());
        router.roster().forEach(status -> out.printf("   %-8s %-7s open: %s%n", status.owner().id(),
                status.presence(), status.conversationIds()));
        out.println("   waiting: " + router.waiting().stream().map(entry -> entry.conversation().id()).toList());
        return stats;
    }

    private void at(int minutesAfterOpening, String what) {
        clock.set(OPENING.plus(Duration.ofMinutes(minutesAfterOpening)));
        router.tick();
        out.printf("%n== %s %s%n", clock.instant().toString().substring(11, 16), what);
    }

    private void route(String id, String customer, String channel, String type, Priority priority) {
        Decision decision = router.route(Conversation.builder(id).customer(customer).channel(channel).type(type)
                .priority(priority).createdAt(clock.instant()).build());
        out.printf("%s from %s (%s, %s): %s%n", id, customer, type, priority, outcome(decision));
        decision.trace().explain().lines().forEach(line -> out.println("      " + line));
    }

    private void release(String id) {
        out.printf("%s resolved%n", id);
        router.release(id);
    }

    private static String outcome(Decision decision) {
        if (decision instanceof Decision.Assigned assigned) {
            return "assigned to " + assigned.ownerId();
        }
        if (decision instanceof Decision.Queued queued) {
            return "waiting in " + queued.queue() + ", answer due by " + queued.slaDeadline().toString().substring(11, 16);
        }
        if (decision instanceof Decision.Joined joined) {
            return "joined " + joined.joinedConversationId() + ", the patient's open conversation";
        }
        return "rejected: " + ((Decision.Rejected) decision).reason();
    }

    /** What a host app would turn into a CRM update or a Slack message: work that reaches someone later. */
    private void report(RoutingEvent event) {
        if (event instanceof RoutingEvent.Queued queued) {
            waiting.add(queued.conversation().id());
        } else if (event instanceof RoutingEvent.Assigned assigned && waiting.remove(assigned.conversation().id())) {
            out.printf("   -> notify %s: %s is yours (%s)%n", assigned.ownerId(), assigned.conversation().id(),
                    assigned.strategy());
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            out.printf("   -> notify %s: %s handed over by %s. Next: %s%n", transferred.toOwnerId(),
                    transferred.conversation().id(), transferred.fromOwnerId(), transferred.handoff().nextAction());
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            waiting.add(rerouted.conversation().id());
            out.printf("   -> %s taken from %s: %s%n", rerouted.conversation().id(), rerouted.fromOwnerId(),
                    rerouted.reason());
        }
    }
}
