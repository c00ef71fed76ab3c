package dev.switchboard.routing.redis;

import dev.switchboard.routing.redis.NearCache.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The owners a {@link NearCache} holds, in roster order, immutable: an array by roster position and the slot of each
 * owner in it. A change to owners already held copies the array and replaces them in their slots, sharing the slots;
 * only an owner joining, leaving or moving rebuilds (and sorts) the whole. So a reply that changes one owner of
 * thousands costs an array copy, not a map copy and a sort.
 */
final class CachedRoster {

    static final CachedRoster EMPTY = new CachedRoster(new Member[0], Map.of());

    private final Member[] members;
    private final Map<String, Integer> slots;
    private final List<Member> inOrder;

    private CachedRoster(Member[] members, Map<String, Integer> slots) {
        this.members = members;
        this.slots = slots;
        this.inOrder = Collections.unmodifiableList(Arrays.asList(members));
    }

    /** The owners given, in roster order. */
    static CachedRoster of(Collection<Member> owners) {
        Member[] sorted = owners.toArray(new Member[0]);
        Arrays.sort(sorted, Comparator.comparingLong(member -> member.state().position()));
        Map<String, Integer> slots = new HashMap<>(sorted.length * 2);
        for (int slot = 0; slot < sorted.length; slot++) {
            slots.put(sorted[slot].state().ownerId(), slot);
        }
        return new CachedRoster(sorted, Map.copyOf(slots));
    }

    /** The owners in roster order. */
    List<Member> inOrder() {
        return inOrder;
    }

    /** The owner with this id, or null when it is not held. */
    Member get(String ownerId) {
        Integer slot = slots.get(ownerId);
        return slot == null ? null : members[slot];
    }

    /** This roster with {@code changed} owners put (joining or replacing) and {@code gone} ones left out. */
    CachedRoster with(List<Member> changed, List<String> gone) {
        if (changed.isEmpty() && gone.isEmpty()) {
            return this;
        }
        Member[] next = members.clone();
        for (Member member : changed) {
            Integer slot = slots.get(member.state().ownerId());
            if (slot == null || next[slot].state().position() != member.state().position()) {
                return rebuilt(changed, gone);
            }
            next[slot] = member;
        }
        for (String ownerId : gone) {
            if (slots.containsKey(ownerId)) {
                return rebuilt(changed, gone);
            }
        }
        return new CachedRoster(next, slots);
    }

    private CachedRoster rebuilt(List<Member> changed, List<String> gone) {
        Map<String, Member> byId = new HashMap<>(members.length * 2);
        for (Member member : members) {
            byId.put(member.state().ownerId(), member);
        }
        changed.forEach(member -> byId.put(member.state().ownerId(), member));
        gone.forEach(byId::remove);
        return of(new ArrayList<>(byId.values()));
    }
}
