package dev.switchboard.routing.redis;

import dev.switchboard.routing.state.LiveState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * A live state with code of the test's around its calls, named by method: to run another instance's call in between,
 * to kill Redis, or to make the instance die (throw) right after the store answered.
 */
final class LiveStateHooks {

    private LiveStateHooks() {}

    /** {@code state}, calling {@code before} with each call's method name before it, and {@code after} once it returned. */
    static LiveState around(LiveState state, Consumer<String> before, Consumer<String> after) {
        return (LiveState) Proxy.newProxyInstance(LiveState.class.getClassLoader(), new Class<?>[] {LiveState.class},
                (proxy, method, args) -> {
                    before.accept(method.getName());
                    Object result;
                    try {
                        result = method.invoke(state, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    after.accept(method.getName());
                    return result;
                });
    }
}
