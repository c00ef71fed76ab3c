package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Eligible;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ordered members: every conversation starts from the top of an ordered list of owners and goes to the first that can
 * take it now, as Asterisk's {@code linear}, FreeSWITCH's {@code top-down} and SaleSmartly's "by agent order" do; so
 * the first owner is kept busy and the others take the overflow. Owners of the rule that the list does not name
 * come after the listed ones, in roster order; with an empty list, the roster order is the list. Unlike round-robin,
 * it keeps no cursor.
 */
public final class TopDown implements Strategy {

    private final String name;
    private final BusyPolicy busyPolicy;
    private final List<String> order;
    /** Each listed owner's place on the list, from zero. */
    private final Map<String, Integer> ranks;

    /** Top-down through the roster, among online owners, named {@code top-down}. */
    public TopDown() {
        this("top-down", BusyPolicy.EXCLUDE, List.of());
    }

    /**
     * @param name the step's name in traces (unique within a router)
     * @param busyPolicy whether busy owners take part
     * @param order the owner ids from the top down, each once; owners not listed come after, in roster order
     */
    public TopDown(String name, BusyPolicy busyPolicy, List<String> order) {
        this.name = Names.check(name);
        this.busyPolicy = Args.notNull(busyPolicy, "busyPolicy");
        Map<String, Integer> places = new HashMap<>();
        for (String ownerId : Args.notNull(order, "order")) {
            if (places.putIfAbsent(Bounds.id(ownerId, "owner id in order"), places.size()) != null) {
                throw new IllegalArgumentException("order names owner '" + ownerId + "' twice");
            }
        }
        this.order = List.copyOf(order);
        this.ranks = Map.copyOf(places);
    }

    @Override
    public String name() {
        return name;
    }

    /** One pass over the eligible owners in roster order, keeping the one highest on the list. */
    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        Eligible eligible = view.eligible(Requirements.NONE, busyPolicy);
        String chosen = null;
        int chosenRank = Integer.MAX_VALUE;
        while (chosenRank > 0 && eligible.next()) {
            int rank = ranks.getOrDefault(eligible.owner().id(), order.size());
            if (rank < chosenRank) {
                chosen = eligible.owner().id();
                chosenRank = rank;
            }
        }
        if (chosen == null) {
            return Eligibility.noOwnerCanTake(view, busyPolicy);
        }
        String reason = chosenRank < order.size()
                ? "first who can take it from the top of the order (number " + (chosenRank + 1) + " of "
                        + order.size() + ")"
                : order.isEmpty() ? "first on the roster who can take it"
                : "none of the " + order.size() + " ordered owners can take it; first other owner on the roster";
        return new Verdict.Assign(chosen, reason, Map.of());
    }
}
