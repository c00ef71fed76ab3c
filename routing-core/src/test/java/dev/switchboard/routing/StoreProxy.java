package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The embedded store behind a proxy, for tests that make it act as a shared store would (deciding one at a time,
 * another router changing it between two calls): each call goes to {@link Calls}, which answers it or passes it on.
 */
final class StoreProxy {

    /** Answers one call made to the store. */
    interface Calls {
        Object answer(InMemoryLiveState store, Method method, Object[] args) throws Throwable;
    }

    private StoreProxy() {}

    /** A factory of embedded stores whose calls go through {@code calls}. */
    static LiveStateFactory of(Calls calls) {
        return settings -> {
            InMemoryLiveState store = new InMemoryLiveState(settings);
            return (LiveState) Proxy.newProxyInstance(LiveState.class.getClassLoader(),
                    new Class<?>[] {LiveState.class}, (proxy, method, args) -> calls.answer(store, method, args));
        };
    }

    /** Makes the call on the object behind the proxy itself (the embedded store, or a view of it). */
    static Object pass(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
