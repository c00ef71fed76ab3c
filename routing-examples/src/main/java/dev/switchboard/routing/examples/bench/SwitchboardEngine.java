package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.replay.JsonLinesRecorder;
import dev.switchboard.routing.strategy.LeastLoaded;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.SkillBased;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import dev.switchboard.routing.strategy.WeightedCapacity;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

/**
 * The engine under test: a {@link Router} with the strategies of {@code routing-strategies}, default options but
 * the customer memory, no listeners (or, when recorded, a {@link JsonLinesRecorder} writing to a discarding writer),
 * and a {@link ManualClock} that the benchmark moves (so decisions are reproducible).
 *
 * <p><b>Background load.</b> The router only assigns through its chain, and routing every background conversation
 * through a chain that scans the whole roster would take minutes at 100,000 agents. So the first step of the chain
 * is wrapped in a set-up hook: while the engine is being built it sends each background conversation to a set-up
 * queue, from which the agent that should hold it claims it ({@link Router#claim}); busy and away agents claim
 * theirs while online and then change presence. Once built, the hook only delegates (one field read per decision;
 * its name is the step's own, so traces are unchanged).
 */
final class SwitchboardEngine implements RoutingEngine {

    static final String SETUP_QUEUE = "bench-setup";

    private final Router router;

    SwitchboardEngine(Scenario scenario, List<RosterGenerator.Member> roster, ManualClock clock, boolean recorded) {
        Strategy[] steps = steps(scenario);
        SetupHook hook = new SetupHook(steps[0]);
        steps[0] = hook;
        Router.Builder builder = Router.builder()
                .clock(clock)
                .chain(steps)
                .queue(SETUP_QUEUE, Duration.ofDays(1))
                .fallbackQueue(scenario == Scenario.CHAIN ? "manual-review" : "waiting", Duration.ofMinutes(15))
                .customerMemory(ConversationGenerator.CUSTOMER_MEMORY_SIZE, ConversationGenerator.CUSTOMER_MEMORY_TTL);
        for (RosterGenerator.Member member : roster) {
            builder.owner(member.owner(), member.presence() == Presence.OFFLINE ? Presence.OFFLINE : Presence.ONLINE);
        }
        if (recorded) {
            builder.recorder(new JsonLinesRecorder(Writer.nullWriter()));
        }
        router = builder.build();
        for (ConversationGenerator.Preload preload : ConversationGenerator.background(roster)) {
            String id = preload.conversation().id();
            router.route(preload.conversation());
            Decision claimed = router.claim(preload.ownerId(), id);
            if (!(claimed instanceof Decision.Assigned)) {
                throw new IllegalStateException("background conversation " + id + " was not placed: " + claimed);
            }
        }
        hook.settingUp = false;
        for (RosterGenerator.Member member : roster) {
            if (member.presence() == Presence.BUSY || member.presence() == Presence.AWAY) {
                router.setPresence(member.owner().id(), member.presence());
            }
        }
    }

    /** The chain of a scenario, first step first. */
    static Strategy[] steps(Scenario scenario) {
        return switch (scenario) {
            case ROUND_ROBIN -> new Strategy[] {new RoundRobin()};
            case SKILL_BASED -> new Strategy[] {SkillBased.builder().build()};
            case WEIGHTED_CAPACITY -> new Strategy[] {new WeightedCapacity()};
            case LEAST_LOADED -> new Strategy[] {new LeastLoaded()};
            case STICKY -> new Strategy[] {new StickyPreviousOwner(), new RoundRobin()};
            case CHAIN -> new Strategy[] {new StickyPreviousOwner(), SkillBased.builder().build(),
                    new WeightedCapacity()};
        };
    }

    Router router() {
        return router;
    }

    @Override
    public Object route(Conversation conversation) {
        return router.route(conversation);
    }

    @Override
    public void release(String conversationId) {
        router.release(conversationId);
    }

    @Override
    public String assignedOwner(Object decision) {
        return decision instanceof Decision.Assigned assigned ? assigned.ownerId() : null;
    }

    @Override
    public String decidedBy(Object decision) {
        if (decision instanceof Decision.Assigned assigned) {
            return assigned.strategy();
        }
        if (decision instanceof Decision.Queued queued) {
            return "queued in " + queued.queue();
        }
        return "rejected";
    }

    /** The first step of the chain, which sends background conversations to the set-up queue while setting up. */
    private static final class SetupHook implements Strategy {
        private final Strategy step;
        /** Written before the router's lock is next taken, and read under it, so a plain field is enough. */
        boolean settingUp = true;

        SetupHook(Strategy step) {
            this.step = step;
        }

        @Override
        public String name() {
            return step.name();
        }

        @Override
        public Verdict decide(Conversation conversation, RoutingView view) {
            if (settingUp) {
                return new Verdict.Enqueue(SETUP_QUEUE, "background load, claimed before measuring");
            }
            return step.decide(conversation, view);
        }

        /** What its step promises: while setting up it assigns nobody, which keeps any promise. */
        @Override
        public Requirements assigneeMeets(Requirements stated) {
            return step.assigneeMeets(stated);
        }

        @Override
        public boolean followsTheCustomer() {
            return step.followsTheCustomer();
        }
    }
}
