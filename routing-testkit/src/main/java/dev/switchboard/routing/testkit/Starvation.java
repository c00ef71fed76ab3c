package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.strategy.AgentPick;
import dev.switchboard.routing.strategy.SkillBased;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import dev.switchboard.routing.strategy.WeightedCapacity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, after a tick (which offers every waiting conversation to the plan again), that no conversation still waits
 * once it has waited as long as its rule's steps may hold it, while an owner of its rule that one of the steps would
 * give it to could take it now.
 *
 * <p>Which owners a step gives work to is judged from its type, conservatively: round-robin, least-loaded and any
 * step of the host's own take whoever can take work; weighted-capacity those with a weight above zero; skill-based
 * those who meet the conversation's requirements as stated, before any relaxation; sticky and agent-pick only ever
 * hold, so they add nobody. Only online owners count, as every busy policy gives them work.
 */
final class Starvation {

    private final RoutingPlan plan;
    private final Map<String, Duration> holds;
    private final Duration extraHold;

    /**
     * @param holds per rule, how long its steps may hold a conversation in all (a sticky wait window, an agent-pick
     *     claim deadline)
     * @param extraHold added to every rule's holds, for steps of the host's own that wait
     */
    Starvation(RoutingPlan plan, Map<String, Duration> holds, Duration extraHold) {
        this.plan = plan;
        this.holds = Map.copyOf(holds);
        this.extraHold = extraHold;
    }

    Optional<Violation> check(Shadow shadow, Instant now) {
        for (String id : shadow.open(false)) {
            if (!(shadow.place(id) instanceof Shadow.Waiting waiting) || waiting.forReview()) {
                continue;
            }
            Conversation conversation = shadow.conversation(id);
            Rule rule = ruleFor(conversation, now);
            if (!isOpen(rule, now)) {
                continue;
            }
            Duration waited = Duration.between(conversation.createdAt(), now);
            Duration hold = holds.getOrDefault(rule.name(), Duration.ZERO).plus(extraHold);
            if (waited.compareTo(hold) < 0) {
                continue;
            }
            for (OwnerState owner : shadow.owners().values()) {
                boolean member = rule.owners().isEmpty() || rule.owners().contains(owner.id());
                if (member && owner.couldTake(conversation, now, shadow.lapsedFor(id))
                        && anyStepGives(rule.chain(), owner.owner(), conversation)) {
                    return Optional.of(new Violation(Invariant.NO_STARVATION, id + " has waited " + Words.of(waited)
                            + " in " + waiting.queue() + " (rule " + rule.name() + ", whose steps may hold it "
                            + Words.of(hold) + ") while " + owner.id() + ", who could take it, has room"));
                }
            }
        }
        return Optional.empty();
    }

    /** The rule the router decides a conversation by now: the first that matches and is open or holds. */
    private Rule ruleFor(Conversation conversation, Instant now) {
        List<Rule> rules = plan.rules();
        for (Rule rule : rules.subList(0, rules.size() - 1)) {
            if (rule.matches(conversation) && (rule.afterHours() == Rule.AfterHours.HOLD || isOpen(rule, now))) {
                return rule;
            }
        }
        return rules.get(rules.size() - 1);
    }

    private static boolean isOpen(Rule rule, Instant now) {
        return rule.hours().map(hours -> hours.isOpen(now)).orElse(true);
    }

    private static boolean anyStepGives(List<Strategy> chain, Owner owner, Conversation conversation) {
        for (Strategy step : chain) {
            if (gives(step, owner, conversation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean gives(Strategy step, Owner owner, Conversation conversation) {
        if (step instanceof StickyPreviousOwner || step instanceof AgentPick) {
            return false;
        }
        if (step instanceof WeightedCapacity) {
            return owner.weight() > 0;
        }
        if (step instanceof SkillBased) {
            return Requirements.of(conversation).metBy(owner);
        }
        return true; // round-robin, least-loaded and the host's own steps: whoever can take work
    }
}
