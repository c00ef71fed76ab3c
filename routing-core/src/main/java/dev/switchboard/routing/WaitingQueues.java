package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The embedded store's waiting queues, each kept sorted in serve order, and within each queue the same conversations
 * grouped by {@link WaitingNeed}, each group sorted too, so that a drain for one owner passes over every conversation
 * of a need the owner lacks at once; and which waiting conversations' SLA breach was reported. Changed only under
 * the router's exclusive lock; the store places and unplaces the conversations.
 */
final class WaitingQueues {

    /** One queue's conversations in serve order, and the same by need; a need's group leaves with its last one. */
    private record Queue(NavigableSet<WaitingConversation> all,
            Map<WaitingNeed, NavigableSet<WaitingConversation>> byNeed) {}

    private final Map<String, Queue> queues = new HashMap<>();
    private final Comparator<WaitingConversation> serveOrder;
    private final Set<String> breachReported = new HashSet<>();
    private int count;

    WaitingQueues(Comparator<WaitingConversation> serveOrder) {
        this.serveOrder = serveOrder;
    }

    void add(WaitingConversation entry) {
        Queue queue = queues.computeIfAbsent(entry.queue(), name -> new Queue(new TreeSet<>(serveOrder),
                new HashMap<>()));
        queue.all().add(entry);
        queue.byNeed().computeIfAbsent(WaitingNeed.of(entry.conversation()), need -> new TreeSet<>(serveOrder))
                .add(entry);
        count++;
    }

    /** Takes an entry out of its queue, forgetting whether its breach was reported. */
    void remove(WaitingConversation entry) {
        Queue queue = queues.get(entry.queue());
        queue.all().remove(entry);
        WaitingNeed need = WaitingNeed.of(entry.conversation());
        NavigableSet<WaitingConversation> group = queue.byNeed().get(need);
        group.remove(entry);
        if (group.isEmpty()) {
            queue.byNeed().remove(need);
        }
        count--;
        breachReported.remove(entry.conversation().id());
    }

    /** Puts {@code updated}, the same conversation, in the place of {@code entry}, in the same queue. */
    void replace(WaitingConversation entry, WaitingConversation updated) {
        Queue queue = queues.get(entry.queue());
        queue.all().remove(entry);
        queue.all().add(updated);
        NavigableSet<WaitingConversation> group = queue.byNeed().get(WaitingNeed.of(entry.conversation()));
        group.remove(entry);
        group.add(updated);
    }

    /** Every waiting conversation in every queue, in serve order. */
    List<WaitingConversation> all() {
        List<WaitingConversation> entries = new ArrayList<>(count);
        queues.values().forEach(queue -> entries.addAll(queue.all()));
        entries.sort(serveOrder);
        return entries;
    }

    Set<String> names() {
        return queues.keySet();
    }

    /** The earliest, in serve order, of the queues' first conversations after {@code previous}. */
    Optional<WaitingConversation> after(Optional<WaitingConversation> previous, Collection<String> queueNames) {
        WaitingConversation next = null;
        for (String name : queueNames) {
            Queue queue = queues.get(name);
            if (queue != null) {
                next = earlier(next, firstAfter(queue.all(), previous));
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * As {@link #after(Optional, Collection)}, among the conversations whose need {@code wanted} accepts: it is asked
     * once per need of each queue, and a refused need's conversations are not looked at.
     */
    Optional<WaitingConversation> after(Optional<WaitingConversation> previous, Collection<String> queueNames,
            Predicate<WaitingNeed> wanted) {
        WaitingConversation next = null;
        for (String name : queueNames) {
            Queue queue = queues.get(name);
            if (queue == null) {
                continue;
            }
            for (Map.Entry<WaitingNeed, NavigableSet<WaitingConversation>> group : queue.byNeed().entrySet()) {
                if (wanted.test(group.getKey())) {
                    next = earlier(next, firstAfter(group.getValue(), previous));
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /** The first of {@code entries} after {@code previous} (the very first when it is empty), or null. */
    private static WaitingConversation firstAfter(NavigableSet<WaitingConversation> entries,
            Optional<WaitingConversation> previous) {
        return entries.isEmpty() ? null : previous.isEmpty() ? entries.first() : entries.higher(previous.get());
    }

    /** The one of two entries (either may be null) served first. */
    private WaitingConversation earlier(WaitingConversation next, WaitingConversation candidate) {
        return candidate != null && (next == null || serveOrder.compare(candidate, next) < 0) ? candidate : next;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Marks a waiting conversation's SLA breach as reported; false if it already was. */
    boolean markBreachReported(String conversationId) {
        return breachReported.add(conversationId);
    }

    boolean breachReported(String conversationId) {
        return breachReported.contains(conversationId);
    }
}
