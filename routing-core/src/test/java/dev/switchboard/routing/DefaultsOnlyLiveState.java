package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateSettings;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An embedded store seen only through what every {@link LiveState} must implement: each abstract call goes to an
 * {@link InMemoryLiveState}, and what the interface gives a default (the walk of waiting conversations by need) is
 * left to that default, as for a store that does not group its queues (Redis).
 */
final class DefaultsOnlyLiveState {

    private static final Method WALK_BY_NEED;

    static {
        try {
            WALK_BY_NEED = LiveState.class.getMethod("waitingAfter", Optional.class, Collection.class,
                    Predicate.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DefaultsOnlyLiveState() {}

    /** The embedded store with the interface's defaults. */
    static LiveState of(LiveStateSettings settings) {
        return defaultsOnly(new InMemoryLiveState(settings), false);
    }

    /**
     * The embedded store with the interface's defaults, but whose walk by need asks no need: every drain decides each
     * waiting conversation of the owner's queues again, the plain scan the index must agree with.
     */
    static LiveState plainScan(LiveStateSettings settings) {
        return defaultsOnly(new InMemoryLiveState(settings), true);
    }

    @SuppressWarnings("unchecked")
    private static LiveState defaultsOnly(LiveState store, boolean askingNoNeed) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (askingNoNeed && method.equals(WALK_BY_NEED)) {
                return ((LiveState) proxy).waitingAfter((Optional<WaitingConversation>) args[0],
                        (Collection<String>) args[1]);
            }
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
