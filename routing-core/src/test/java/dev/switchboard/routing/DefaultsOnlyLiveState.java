package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateSettings;
import dev.switchboard.routing.state.LiveView;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An embedded store seen only through what every {@link LiveState} must implement: each call goes to an
 * {@link InMemoryLiveState}, and what the interface gives a default (the walk of waiting conversations by need) is
 * left to that default, as for a store that does not group its queues (Redis).
 */
class DefaultsOnlyLiveState implements LiveState {

    private final LiveState store;

    DefaultsOnlyLiveState(LiveStateSettings settings) {
        this.store = new InMemoryLiveState(settings);
    }

    @Override
    public boolean hasOwner(String ownerId) {
        return store.hasOwner(ownerId);
    }

    @Override
    public void addOwner(Owner owner, Presence presence) {
        store.addOwner(owner, presence);
    }

    @Override
    public void removeOwner(String ownerId) {
        store.removeOwner(ownerId);
    }

    @Override
    public OwnerStatus status(String ownerId) {
        return store.status(ownerId);
    }

    @Override
    public List<OwnerStatus> statuses() {
        return store.statuses();
    }

    @Override
    public void setPresence(String ownerId, Presence presence, Instant at) {
        store.setPresence(ownerId, presence, at);
    }

    @Override
    public void setCapacity(String ownerId, Capacity capacity) {
        store.setCapacity(ownerId, capacity);
    }

    @Override
    public boolean hasRoom(String ownerId, Instant now) {
        return store.hasRoom(ownerId, now);
    }

    @Override
    public Map<String, Instant> offlineSince() {
        return store.offlineSince();
    }

    @Override
    public Optional<Placement> placement(String conversationId) {
        return store.placement(conversationId);
    }

    @Override
    public void assign(Conversation conversation, String ownerId, Instant at) {
        store.assign(conversation, ownerId, at);
    }

    @Override
    public boolean tryRelease(Placement.Owned owned, Instant at) {
        return store.tryRelease(owned, at);
    }

    @Override
    public Conversation release(String conversationId, Instant at) {
        return store.release(conversationId, at);
    }

    @Override
    public Conversation unassign(String conversationId) {
        return store.unassign(conversationId);
    }

    @Override
    public List<Conversation> conversationsOf(String ownerId) {
        return store.conversationsOf(ownerId);
    }

    @Override
    public void enqueue(WaitingConversation entry) {
        store.enqueue(entry);
    }

    @Override
    public WaitingConversation dequeue(String conversationId) {
        return store.dequeue(conversationId);
    }

    @Override
    public void updateReason(String conversationId, String reason) {
        store.updateReason(conversationId, reason);
    }

    @Override
    public List<WaitingConversation> waiting() {
        return store.waiting();
    }

    @Override
    public Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous) {
        return store.waitingAfter(previous);
    }

    @Override
    public Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous,
            Collection<String> queues) {
        return store.waitingAfter(previous, queues);
    }

    @Override
    public boolean hasWaiting() {
        return store.hasWaiting();
    }

    @Override
    public boolean markBreachReported(String conversationId) {
        return store.markBreachReported(conversationId);
    }

    @Override
    public String customerOf(String identity) {
        return store.customerOf(identity);
    }

    @Override
    public void link(String identity, String otherIdentity) {
        store.link(identity, otherIdentity);
    }

    @Override
    public List<String> conversationsOfCustomer(String customer) {
        return store.conversationsOfCustomer(customer);
    }

    @Override
    public void addAlias(String alias, String conversationId) {
        store.addAlias(alias, conversationId);
    }

    @Override
    public void forget(String conversationId) {
        store.forget(conversationId);
    }

    @Override
    public void startResponseDeadline(String conversationId, Instant deadline) {
        store.startResponseDeadline(conversationId, deadline);
    }

    @Override
    public boolean stopResponseDeadline(String conversationId) {
        return store.stopResponseDeadline(conversationId);
    }

    @Override
    public Map<String, Instant> responseDeadlinesDue(Instant now) {
        return store.responseDeadlinesDue(now);
    }

    @Override
    public int recordLapse(String conversationId, String ownerId) {
        return store.recordLapse(conversationId, ownerId);
    }

    @Override
    public int lapses(String conversationId) {
        return store.lapses(conversationId);
    }

    @Override
    public Placement.Offered offer(String conversationId, Instant at, Instant expiresAt) {
        return store.offer(conversationId, at, expiresAt);
    }

    @Override
    public boolean ring(String conversationId, String ownerId, Instant at) {
        return store.ring(conversationId, ownerId, at);
    }

    @Override
    public Optional<Placement.Offered> withdraw(String conversationId, String ownerId) {
        return store.withdraw(conversationId, ownerId);
    }

    @Override
    public Placement.Owned accept(String conversationId, String ownerId) {
        return store.accept(conversationId, ownerId);
    }

    @Override
    public List<Placement.Offered> offersDue(Instant now) {
        return store.offersDue(now);
    }

    @Override
    public int passOver(String conversationId, String ownerId) {
        return store.passOver(conversationId, ownerId);
    }

    @Override
    public void readmit(String conversationId, String ownerId) {
        store.readmit(conversationId, ownerId);
    }

    @Override
    public int passedOver(String conversationId) {
        return store.passedOver(conversationId);
    }

    @Override
    public StateSnapshot snapshot() {
        return store.snapshot();
    }

    @Override
    public void restore(StateSnapshot snapshot) {
        store.restore(snapshot);
    }

    @Override
    public void keepCompletions(Duration window) {
        store.keepCompletions(window);
    }

    @Override
    public LiveView view(Conversation conversation, Instant now, Set<String> owners, String cursorScope) {
        return store.view(conversation, now, owners, cursorScope);
    }
}
