package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;

/**
 * Builds the engine of a {@link RouteReleaseBenchmark} cell and prepares it before measuring: agents that join and
 * leave (churn), then conversations that no agent can take, left waiting.
 */
final class EngineSetup {

    /** A skill no generated agent has, so that a conversation requiring it waits for as long as it is open. */
    static final String UNSTAFFED_SKILL = "unstaffed";

    private EngineSetup() {}

    /**
     * An engine on the benchmark roster of {@code owners} agents, after {@code churned} agents joined and left it,
     * with {@code waiting} conversations that no agent can take waiting in its fallback queue.
     *
     * @throws IllegalArgumentException for a negative count, or churn asked of the baseline, whose roster is fixed
     */
    static RoutingEngine engine(RoutingEngine.Kind kind, Scenario scenario, int owners, ManualClock clock,
            int waiting, int churned) {
        if (waiting < 0 || churned < 0) {
            throw new IllegalArgumentException("waiting and churned must not be negative, were " + waiting + " and "
                    + churned);
        }
        if (churned > 0 && kind == RoutingEngine.Kind.BASELINE) {
            throw new IllegalArgumentException("churned must be 0 for the baseline, whose roster is fixed, was "
                    + churned);
        }
        RoutingEngine engine = RoutingEngine.create(kind, scenario,
                RosterGenerator.generate(owners, RouteReleaseBenchmark.ROSTER_SEED), clock);
        if (churned > 0) {
            churn(((SwitchboardEngine) engine).router(), churned);
        }
        park(engine, waiting);
        return engine;
    }

    /** Adds {@code count} agents to the roster one by one, each removed again right after it joined. */
    static void churn(Router router, int count) {
        for (int i = 0; i < count; i++) {
            String id = "churned-" + i;
            router.addOwner(Owner.agent(id).capacity(1).build(), Presence.ONLINE);
            router.removeOwner(id);
        }
    }

    /**
     * Routes {@code count} conversations that require {@link #UNSTAFFED_SKILL}, which must all wait.
     *
     * @throws IllegalStateException when one is assigned: the scenario does not check skills
     */
    static void park(RoutingEngine engine, int count) {
        for (int i = 0; i < count; i++) {
            String id = "unstaffed-" + i;
            Conversation conversation = Conversation.builder(id)
                    .customer(id)
                    .channel("chat")
                    .createdAt(ConversationGenerator.CREATED_AT)
                    .requires(UNSTAFFED_SKILL, 1)
                    .build();
            Object decision = engine.route(conversation);
            if (engine.assignedOwner(decision) != null) {
                throw new IllegalStateException("conversation " + id + " requires a skill nobody has, yet "
                        + engine.decidedBy(decision) + " assigned it: waiting needs a scenario that checks skills");
            }
        }
    }
}
