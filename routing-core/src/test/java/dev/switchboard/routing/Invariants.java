package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Checks the router's two promises on a consistent snapshot of its state. */
final class Invariants {
    private Invariants() {}

    /**
     * Every open conversation is in exactly one place, and loads agree with what each owner holds.
     *
     * @param open the ids the caller expects to be open
     */
    static void everyOpenConversationIsInExactlyOnePlace(List<OwnerStatus> roster, List<WaitingConversation> waiting,
            Set<String> open) {
        everyOpenConversationIsInExactlyOnePlace(roster, waiting, open, id -> Optional.empty());
    }

    /**
     * As {@link #everyOpenConversationIsInExactlyOnePlace(List, List, Set)}, where a conversation {@code placements}
     * says is offered is listed by exactly the owners it is offered to (it is reserved for each of them) and by no
     * queue.
     */
    static void everyOpenConversationIsInExactlyOnePlace(List<OwnerStatus> roster, List<WaitingConversation> waiting,
            Set<String> open, Function<String, Optional<Placement>> placements) {
        Map<String, String> places = new HashMap<>();
        Map<String, Set<String>> reservedFor = new HashMap<>();
        for (OwnerStatus status : roster) {
            Map<String, Integer> channels = new HashMap<>();
            for (String id : status.conversationIds()) {
                if (placements.apply(id).orElse(null) instanceof Placement.Offered offer) {
                    assertThat(offer.ownerIds()).as("%s is listed by %s", id, status.owner().id())
                            .contains(status.owner().id());
                    reservedFor.computeIfAbsent(id, key -> new HashSet<>()).add(status.owner().id());
                    places.put(id, "offered");
                    continue;
                }
                assertThat(places.put(id, status.owner().id())).as("%s is placed twice", id).isNull();
            }
            assertThat(status.load()).as("load of %s", status.owner().id()).isEqualTo(status.conversationIds().size());
            status.loadByChannel().forEach((channel, load) -> channels.merge(channel, load, Integer::sum));
            assertThat(channels.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(status.load());
        }
        for (WaitingConversation entry : waiting) {
            assertThat(places.put(entry.conversation().id(), entry.queue()))
                    .as("%s is placed twice", entry.conversation().id()).isNull();
        }
        assertThat(places.keySet()).isEqualTo(open);
        reservedFor.forEach((id, owners) -> assertThat(owners).as("the owners %s is reserved for", id)
                .isEqualTo(Set.copyOf(((Placement.Offered) placements.apply(id).orElseThrow()).ownerIds())));
    }

    /**
     * No owner's load exceeds its capacity, in total or on any channel, unless its capacity was lowered below a
     * load it already had; such an owner's load never grows.
     */
    static void capacityIsNeverExceeded(List<OwnerStatus> before, List<OwnerStatus> after) {
        Map<String, OwnerStatus> previous = new HashMap<>();
        before.forEach(status -> previous.put(status.owner().id(), status));
        for (OwnerStatus status : after) {
            OwnerStatus was = previous.get(status.owner().id());
            Capacity capacity = status.owner().capacity();
            if (status.load() > capacity.total()) {
                assertThat(was).as("%s is over capacity", status.owner().id()).isNotNull();
                assertThat(status.load()).as("%s grew over capacity", status.owner().id()).isLessThanOrEqualTo(was.load());
            }
            Set<String> channels = new HashSet<>(status.loadByChannel().keySet());
            for (String channel : channels) {
                int load = status.loadByChannel().get(channel);
                if (load > capacity.limitOn(channel)) {
                    assertThat(was).as("%s is over capacity on %s", status.owner().id(), channel).isNotNull();
                    assertThat(load).as("%s grew over capacity on %s", status.owner().id(), channel)
                            .isLessThanOrEqualTo(was.loadByChannel().getOrDefault(channel, 0));
                }
            }
        }
    }
}
