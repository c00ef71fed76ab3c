package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingListener;
import dev.switchboard.routing.state.StateSnapshot;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * No public method or constructor of the model and the router answers a null argument, or an array or collection
 * holding a null, with a bare {@link NullPointerException}: each refuses it with an exception whose message names
 * the argument.
 */
class PublicApiNullsTest {

    private static final WeeklySchedule ALWAYS = WeeklySchedule.builder(ZoneOffset.UTC)
            .open(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, DayOfWeek.values()).build();

    /** A valid value of each parameter type the API takes. */
    private static final Map<Class<?>, Supplier<Object>> SAMPLES = Map.ofEntries(
            Map.entry(String.class, () -> "x"),
            Map.entry(int.class, () -> 1),
            Map.entry(long.class, () -> 1L),
            Map.entry(boolean.class, () -> false),
            Map.entry(Duration.class, () -> Duration.ofMinutes(1)),
            Map.entry(Instant.class, () -> START),
            Map.entry(InstantSource.class, () -> new ManualClock(START)),
            Map.entry(LocalTime.class, () -> LocalTime.NOON),
            Map.entry(LocalDate.class, () -> LocalDate.of(2026, 12, 25)),
            Map.entry(ZoneId.class, () -> ZoneOffset.UTC),
            Map.entry(BigDecimal.class, () -> BigDecimal.ONE),
            Map.entry(DayOfWeek[].class, () -> new DayOfWeek[] {DayOfWeek.MONDAY}),
            Map.entry(String[].class, () -> new String[] {"x"}),
            Map.entry(Condition[].class, () -> new Condition[] {new Condition.Is("type", "x")}),
            Map.entry(Strategy[].class, () -> new Strategy[] {firstAvailable()}),
            Map.entry(IdentityKey[].class, () -> new IdentityKey[] {IdentityKey.EMAIL}),
            Map.entry(List.class, List::of),
            Map.entry(Collection.class, List::of),
            Map.entry(Iterable.class, List::of),
            Map.entry(Set.class, Set::of),
            Map.entry(Map.class, Map::of),
            Map.entry(Optional.class, Optional::empty),
            Map.entry(Priority.class, () -> Priority.NORMAL),
            Map.entry(Presence.class, () -> Presence.ONLINE),
            Map.entry(OwnerKind.class, () -> OwnerKind.AGENT),
            Map.entry(Rule.AfterHours.class, () -> Rule.AfterHours.HOLD),
            Map.entry(Condition.Comparison.class, () -> Condition.Comparison.GT),
            Map.entry(Conversation.class, () -> conversation("c1").build()),
            Map.entry(Owner.class, () -> agent("ana", 1)),
            Map.entry(Capacity.class, () -> Capacity.of(1)),
            Map.entry(SkillRequirement.class, () -> SkillRequirement.required("billing", 1)),
            Map.entry(WeeklySchedule.class, () -> ALWAYS),
            Map.entry(Handoff.class, () -> new Handoff("summary", "", "next")),
            Map.entry(OfflinePolicy.class, OfflinePolicy::reassignNow),
            Map.entry(Strategy.class, TestStrategies::firstAvailable),
            Map.entry(RoutingListener.class, () -> (RoutingListener) event -> {}),
            Map.entry(RoutingPlan.class, PublicApiNullsTest::plan),
            Map.entry(WaitingConversation.class, PublicApiNullsTest::waiting),
            Map.entry(StateSnapshot.class, () -> StateSnapshot.empty(START)),
            Map.entry(StateSnapshot.Activity.class, () -> StateSnapshot.Activity.NONE),
            Map.entry(StateSnapshot.Customers.class, () -> StateSnapshot.empty(START).customers()),
            Map.entry(StateSnapshot.Timers.class, () -> StateSnapshot.empty(START).timers()));

    /** Containers of each container type the API takes, holding a null. */
    private static final Map<Class<?>, Supplier<Object>> HOLDING_NULL = Map.of(
            String[].class, () -> new String[] {null},
            DayOfWeek[].class, () -> new DayOfWeek[] {null},
            Condition[].class, () -> new Condition[] {null},
            Strategy[].class, () -> new Strategy[] {null},
            IdentityKey[].class, () -> new IdentityKey[] {null},
            List.class, () -> Arrays.asList((Object) null),
            Collection.class, () -> Arrays.asList((Object) null),
            Iterable.class, () -> Arrays.asList((Object) null),
            Set.class, () -> new HashSet<>(Arrays.asList((Object) null)),
            Map.class, () -> {
                Map<Object, Object> map = new HashMap<>();
                map.put("x", null);
                map.put(null, 1);
                return map;
            });

    /** The types checked, each with a fresh receiver for its instance methods. */
    private static final Map<Class<?>, Supplier<Object>> TYPES = Map.ofEntries(
            Map.entry(Conversation.class, () -> conversation("c1").build()),
            Map.entry(Conversation.Builder.class, () -> Conversation.builder("c1")),
            Map.entry(Owner.class, () -> agent("ana", 1)),
            Map.entry(Owner.Builder.class, () -> Owner.agent("ana")),
            Map.entry(Capacity.class, () -> Capacity.of(1)),
            Map.entry(Rule.class, () -> plan().rules().get(0)),
            Map.entry(Rule.Builder.class, () -> Rule.builder("r")),
            Map.entry(QueueSpec.class, () -> new QueueSpec("q", Duration.ofMinutes(1))),
            Map.entry(OfflinePolicy.class, OfflinePolicy::reassignNow),
            Map.entry(AssignmentCap.class, () -> new AssignmentCap(1, Duration.ofMinutes(1))),
            Map.entry(ManualClock.class, () -> new ManualClock(START)),
            Map.entry(SkillRequirement.class, () -> SkillRequirement.required("billing", 1)),
            Map.entry(Requirements.class, () -> new Requirements(List.of(SkillRequirement.required("billing", 1)),
                    "en", "eu")),
            Map.entry(WeeklySchedule.class, () -> ALWAYS),
            Map.entry(WeeklySchedule.Builder.class, () -> WeeklySchedule.builder(ZoneOffset.UTC)),
            Map.entry(WeeklySchedule.Span.class, () -> new WeeklySchedule.Span(LocalTime.NOON, LocalTime.MIDNIGHT)),
            Map.entry(Condition.Is.class, () -> new Condition.Is("type", "x")),
            Map.entry(Condition.In.class, () -> new Condition.In("type", List.of("x"))),
            Map.entry(Condition.Compare.class, () -> new Condition.Compare("score", Condition.Comparison.GT,
                    BigDecimal.ONE)),
            Map.entry(Handoff.class, () -> new Handoff("summary", "", "next")),
            Map.entry(RoutingPlan.class, PublicApiNullsTest::plan),
            Map.entry(Router.class, () -> Router.builder().owner(agent("x", 1)).plan(plan()).build()),
            Map.entry(Router.Builder.class, Router::builder),
            Map.entry(StateSnapshot.class, () -> StateSnapshot.empty(START)),
            Map.entry(StateSnapshot.OwnerState.class, () -> new StateSnapshot.OwnerState(agent("ana", 1), 0,
                    Presence.ONLINE, List.of(), StateSnapshot.Activity.NONE)),
            Map.entry(StateSnapshot.Activity.class, () -> StateSnapshot.Activity.NONE),
            Map.entry(StateSnapshot.DailyCount.class, () -> new StateSnapshot.DailyCount(LocalDate.of(2026, 3, 2), 1)),
            Map.entry(StateSnapshot.Waiting.class, () -> new StateSnapshot.Waiting(waiting(), false)),
            Map.entry(StateSnapshot.Customers.class, () -> StateSnapshot.empty(START).customers()),
            Map.entry(StateSnapshot.CustomerMemory.class, () -> new StateSnapshot.CustomerMemory("maria", "ana",
                    "ana", 1, START)),
            Map.entry(StateSnapshot.LinkedIdentities.class, () -> new StateSnapshot.LinkedIdentities("maria",
                    List.of("m@example.com"))),
            Map.entry(StateSnapshot.Timers.class, () -> StateSnapshot.empty(START).timers()),
            Map.entry(Bounds.class, () -> null));

    private static WaitingConversation waiting() {
        return new WaitingConversation(conversation("c1").build(), "x", "nobody free", START, START);
    }

    private static RoutingPlan plan() {
        return new RoutingPlan(List.of(new QueueSpec("x", Duration.ofMinutes(1))),
                List.of(Rule.builder("x").chain(firstAvailable()).queue("x").build()));
    }

    @Test
    void noPublicMethodOrConstructor_answersANullArgumentOrElementWithABareNullPointerException() throws Exception {
        List<String> bare = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<Class<?>, Supplier<Object>> type : TYPES.entrySet()) {
            List<Executable> executables = new ArrayList<>(List.of(type.getKey().getConstructors()));
            for (Method method : type.getKey().getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()
                        && !method.getName().equals("equals")) {
                    executables.add(method);
                }
            }
            for (Executable executable : executables) {
                Class<?>[] parameters = executable.getParameterTypes();
                if (!List.of(parameters).stream().allMatch(SAMPLES::containsKey)) {
                    continue;
                }
                for (int nulled = 0; nulled < parameters.length; nulled++) {
                    for (boolean inside : new boolean[] {false, true}) {
                        Supplier<Object> bad = inside ? HOLDING_NULL.get(parameters[nulled]) : () -> null;
                        if (parameters[nulled].isPrimitive() || bad == null) {
                            continue;
                        }
                        Object[] arguments = new Object[parameters.length];
                        for (int i = 0; i < parameters.length; i++) {
                            arguments[i] = i == nulled ? bad.get() : SAMPLES.get(parameters[i]).get();
                        }
                        calls++;
                        Throwable thrown = invoke(executable, type.getValue(), arguments);
                        if (thrown instanceof NullPointerException || (thrown != null && thrown.getMessage() == null)) {
                            bare.add(executable + " with " + (inside ? "a null in" : "") + " argument " + nulled
                                    + " null: " + thrown);
                        }
                    }
                }
            }
        }

        assertThat(calls).as("calls made").isGreaterThan(150);
        assertThat(bare).isEmpty();
    }

    private static Throwable invoke(Executable executable, Supplier<Object> receiver, Object[] arguments)
            throws IllegalAccessException, InstantiationException {
        try {
            if (executable instanceof Constructor<?> constructor) {
                constructor.newInstance(arguments);
            } else {
                Method method = (Method) executable;
                method.invoke(Modifier.isStatic(method.getModifiers()) ? null : receiver.get(), arguments);
            }
            return null;
        } catch (InvocationTargetException thrown) {
            return thrown.getCause();
        }
    }
}
