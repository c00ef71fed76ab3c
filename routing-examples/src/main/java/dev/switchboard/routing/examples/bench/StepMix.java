package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Which step of a scenario decides the benchmark's conversations, computed by running its loop, untimed. */
final class StepMix {

    private StepMix() {}

    /** Which step decided the conversations of one thread, in percent, for the switchboard engine. */
    static String of(String strategy, int owners) {
        ManualClock clock = new ManualClock(ConversationGenerator.CREATED_AT);
        RoutingEngine engine = RoutingEngine.create(RoutingEngine.Kind.SWITCHBOARD, Scenario.of(strategy),
                RosterGenerator.generate(owners, RouteReleaseBenchmark.ROSTER_SEED), clock);
        // Fewer decisions on large rosters, where one takes a millisecond or more: only regulars need warming.
        int warm = owners <= 1_000 ? 4_096 : 1_024;
        int counted = owners <= 1_000 ? 2_048 : 1_024;
        ConversationCycle cycle = new ConversationCycle("t0-", RouteReleaseBenchmark.CONVERSATION_SEED, clock);
        Map<String, Integer> decidedBy = new TreeMap<>();
        for (int i = 0; i < warm + counted; i++) {
            Conversation conversation = cycle.next();
            Object decision = engine.route(conversation);
            engine.release(conversation.id());
            if (i >= warm) {
                decidedBy.merge(engine.decidedBy(decision), 1, Integer::sum);
            }
        }
        int total = decidedBy.values().stream().mapToInt(Integer::intValue).sum();
        return decidedBy.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue() / total) + "%")
                .collect(Collectors.joining(", ", strategy + ", " + count(owners) + " agents: ",
                        " (" + count(counted) + " decisions after " + count(warm) + ")"));
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
