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

/**
 * The embedded store's waiting queues, each kept sorted in serve order, and which waiting conversations' SLA breach
 * was reported. Changed only under the router's exclusive lock; the store places and unplaces the conversations.
 */
final class WaitingQueues {

    private final Map<String, NavigableSet<WaitingConversation>> queues = new HashMap<>();
    private final Comparator<WaitingConversation> serveOrder;
    private final Set<String> breachReported = new HashSet<>();
    private int count;

    WaitingQueues(Comparator<WaitingConversation> serveOrder) {
        this.serveOrder = serveOrder;
    }

    void add(WaitingConversation entry) {
        queues.computeIfAbsent(entry.queue(), queue -> new TreeSet<>(serveOrder)).add(entry);
        count++;
    }

    /** Takes an entry out of its queue, forgetting whether its breach was reported. */
    void remove(WaitingConversation entry) {
        queues.get(entry.queue()).remove(entry);
        count--;
        breachReported.remove(entry.conversation().id());
    }

    /** Puts {@code updated} in the place of {@code entry}, in the same queue. */
    void replace(WaitingConversation entry, WaitingConversation updated) {
        NavigableSet<WaitingConversation> queue = queues.get(entry.queue());
        queue.remove(entry);
        queue.add(updated);
    }

    /** Every waiting conversation in every queue, in serve order. */
    List<WaitingConversation> all() {
        List<WaitingConversation> entries = new ArrayList<>(count);
        queues.values().forEach(entries::addAll);
        entries.sort(serveOrder);
        return entries;
    }

    Set<String> names() {
        return queues.keySet();
    }

    /** The earliest, in serve order, of the queues' first conversations after {@code previous}. */
    Optional<WaitingConversation> after(Optional<WaitingConversation> previous, Collection<String> queueNames) {
        WaitingConversation next = null;
        for (String queue : queueNames) {
            NavigableSet<WaitingConversation> entries = queues.get(queue);
            WaitingConversation first = entries == null || entries.isEmpty() ? null
                    : previous.isEmpty() ? entries.first() : entries.higher(previous.get());
            if (first != null && (next == null || serveOrder.compare(first, next) < 0)) {
                next = first;
            }
        }
        return Optional.ofNullable(next);
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
