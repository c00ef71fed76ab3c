package dev.switchboard.routing.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.InMemoryLiveState;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateFactory;
import dev.switchboard.routing.state.LiveStateSettings;
import dev.switchboard.routing.state.ServeOrder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LiveState#releaseIfOwned} on a store, as the store makes it, against its default (the store's
 * {@code placement}, {@code tryRelease} and {@code hasWaiting}) and the embedded store: the same releases, the same
 * answers of whether anything waits, nothing released under an id that joined another conversation, and the same
 * owners after.
 */
final class ReleaseIfOwnedCheck {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private ReleaseIfOwnedCheck() {}

    /** Runs the check on two empty stores, one with its own method and one with the default. */
    static void run(LiveStateFactory store, LiveStateFactory another) {
        List<String> embedded = story(new InMemoryLiveState(settings()));
        assertEquals(List.of("c1: released from ana, waiting false", "c1 again: not owned", "unknown: not owned",
                "alias of c3: not owned", "c2: released from ana, waiting true", "ana: load 1 [c3]"), embedded,
                "the embedded store");
        assertEquals(embedded, story(store.open(settings())), "the store's own");
        assertEquals(embedded, story(defaultsOnly(another.open(settings()))), "the store with the default method");
    }

    private static LiveStateSettings settings() {
        return new LiveStateSettings(new ManualClock(T0), ServeOrder.WITHOUT_AGING, 1_000, Duration.ofDays(1), false,
                Duration.ZERO);
    }

    private static List<String> story(LiveState state) {
        state.addOwner(Owner.agent("ana").capacity(3).build(), Presence.ONLINE);
        state.assign(chat("c1"), "ana", T0);
        state.assign(chat("c2"), "ana", T0);
        state.assign(chat("c3"), "ana", T0);
        state.addAlias("c3-alias", "c3");
        List<String> told = new ArrayList<>();
        told.add("c1: " + shown(state, "c1"));
        told.add("c1 again: " + shown(state, "c1"));
        told.add("unknown: " + shown(state, "unknown"));
        told.add("alias of c3: " + shown(state, "c3-alias"));
        state.enqueue(new WaitingConversation(chat("w1"), "general", "no room", T0, T0.plusSeconds(300)));
        told.add("c2: " + shown(state, "c2"));
        told.add("ana: load " + state.status("ana").load() + " " + state.status("ana").conversationIds());
        return told;
    }

    private static String shown(LiveState state, String id) {
        return state.releaseIfOwned(id, T0.plusSeconds(60)).map(released -> "released from "
                + released.owned().ownerId() + (released.owned().conversation().id().equals(id) ? "" : " as "
                + released.owned().conversation().id()) + ", waiting " + released.waiting()).orElse("not owned");
    }

    private static Conversation chat(String id) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").createdAt(T0).build();
    }

    /** The store, but with every default method of {@link LiveState} as the interface has it. */
    private static LiveState defaultsOnly(LiveState store) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (LiveState) Proxy.newProxyInstance(LiveState.class.getClassLoader(), new Class<?>[] {LiveState.class},
                handler);
    }
}
