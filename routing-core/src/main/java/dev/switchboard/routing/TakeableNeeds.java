package dev.switchboard.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The needs of waiting conversations that one owner who got room could be given, for one drain: a need passes when
 * the owner has room on its channel and one of the rules that may choose the owner (see {@link PlanRunner.Served})
 * could give it a conversation with that need, which takes the owner meeting what the rule requires of every owner
 * (see {@link Rule.Requirement}) and what one step of its chain promises of the owners it assigns (see
 * {@link Strategy#assigneeMeets}). A need that fails cannot be given to the owner whatever else its conversations say
 * (a commit checks the rule's owners and requirements and the channel's room, and no step assigns outside its
 * promise), so a drain may pass over its conversations unseen; one that passes only lets them be decided again, where
 * what depends on the conversation (its customer's previous owner, owners passed over or that let its deadline lapse)
 * is checked. Answers are kept for the drain: the owner's room only shrinks while it runs, so a need that failed
 * still fails.
 */
final class TakeableNeeds implements Predicate<WaitingNeed> {

    private final List<Rule> rules;
    private final OwnerStatus owner;
    private final Map<WaitingNeed, Boolean> answers = new HashMap<>();

    /** The needs that {@code owner}, as it is at the drain's start, could be given by one of {@code rules}. */
    TakeableNeeds(List<Rule> rules, OwnerStatus owner) {
        this.rules = rules;
        this.owner = owner;
    }

    @Override
    public boolean test(WaitingNeed need) {
        Boolean takes = answers.get(need);
        if (takes == null) {
            takes = couldTake(need);
            answers.put(need, takes);
        }
        return takes;
    }

    private boolean couldTake(WaitingNeed need) {
        if (owner.freeCapacityOn(need.channel()) == 0) {
            return false;
        }
        Requirements stated = need.requirements();
        for (Rule rule : rules) {
            if (rule.requirementsFor(stated).metBy(owner.owner())) {
                for (Strategy step : rule.chain()) {
                    if (step.assigneeMeets(stated).metBy(owner.owner())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
