package dev.switchboard.routing.examples.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The report's bottom line, worked out from the figures: the chain that breached the SLA least, and what it cost
 * against the other chains. Ties on breaches go to the chain where fewer conversations waited, then to the one
 * listed first.
 */
final class Conclusion {
    private Conclusion() {}

    /**
     * A figure a chain may pay for its fewer breaches.
     *
     * @param sentence what a worse value means, with the chain's figure, the better figure and the better chain's
     *     name to fill in, in that order
     * @param value the figure, bigger is worse
     * @param shown the figure as the table writes it; figures written alike are a tie
     */
    private record Measure(String sentence, ToDoubleFunction<ChainReport> value, Function<ChainReport, String> shown) {}

    private static final List<Measure> MEASURES = List.of(
            new Measure("more customers waited (%s, against %s with %s)", chain -> chain.timeInQueue().count(),
                    chain -> String.valueOf(chain.timeInQueue().count())),
            new Measure("longer waits for the slowest 5%% (%s, against %s with %s)",
                    chain -> chain.timeInQueue().percentile(95).toSeconds(),
                    chain -> Format.duration(chain.timeInQueue().percentile(95).toSeconds())),
            new Measure("fewer returning customers back with their previous agent (%s, against %s with %s)",
                    chain -> -chain.backToPreviousOwnerShare(),
                    chain -> Format.percent(chain.backToPreviousOwnerShare())),
            new Measure("a less even workload (fairness %s, against %s with %s; 0 = perfectly even)",
                    ChainReport::gini, chain -> Format.decimal(chain.gini(), 3)),
            new Measure("more handovers (%s of conversations, against %s with %s)", ChainReport::rerouteRate,
                    chain -> Format.percent(chain.rerouteRate())));

    private static final Comparator<ChainReport> FEWEST_BREACHES = Comparator
            .comparingInt(ChainReport::slaBreaches).thenComparingLong(chain -> chain.timeInQueue().count());

    /** {@return the chain that breached least; on a tie, the one where fewer waited, then the one listed first} */
    static ChainReport leastBreaching(List<ChainReport> chains) {
        return chains.stream().min(FEWEST_BREACHES).orElseThrow();
    }

    /** The conclusion as one paragraph. */
    static String of(SimulationReport report) {
        List<ChainReport> chains = report.chains();
        if (chains.size() == 1) {
            return name(chains.get(0)) + " breached the SLA " + times(chains.get(0).slaBreaches())
                    + "; with one chain there is nothing to compare.";
        }
        ChainReport best = leastBreaching(chains);
        List<ChainReport> others = chains.stream().filter(chain -> chain != best).toList();
        StringBuilder text = new StringBuilder("Fewest SLA breaches: ").append(name(best)).append(", ")
                .append(best.slaBreaches());
        List<ChainReport> tied = others.stream().filter(chain -> chain.slaBreaches() == best.slaBreaches()).toList();
        if (tied.isEmpty()) {
            int fewest = others.stream().mapToInt(ChainReport::slaBreaches).min().orElseThrow();
            int most = others.stream().mapToInt(ChainReport::slaBreaches).max().orElseThrow();
            text.append(", against ").append(fewest == most ? String.valueOf(fewest) : fewest + " to " + most)
                    .append(others.size() == 1 ? " with " + name(others.get(0)) : " with the other chains");
        } else {
            ChainReport next = tied.stream().min(FEWEST_BREACHES).orElseThrow();
            text.append(", as many as ").append(names(tied));
            text.append(next.timeInQueue().count() > best.timeInQueue().count()
                    ? "; of these, fewest customers waited with " + name(best) + " (" + best.timeInQueue().count()
                            + ", against " + next.timeInQueue().count() + " with " + name(next) + ")"
                    : ", with as many customers waiting; " + name(best) + " is listed first");
        }
        text.append(". ");
        List<String> costs = new ArrayList<>();
        for (Measure measure : MEASURES) {
            ChainReport better = others.stream().min(Comparator.comparingDouble(measure.value())).orElseThrow();
            if (measure.value().applyAsDouble(better) < measure.value().applyAsDouble(best)
                    && !measure.shown().apply(better).equals(measure.shown().apply(best))) {
                costs.add(String.format(Locale.ROOT, measure.sentence(), measure.shown().apply(best),
                        measure.shown().apply(better), name(better)));
            }
        }
        if (costs.isEmpty()) {
            return text.append("It cost nothing the report measures: no other chain had fewer customers waiting, "
                    + "shorter waits, more returning customers back with their previous agent, a more even "
                    + "workload or fewer handovers.").toString();
        }
        text.append("What it cost: ");
        for (int i = 0; i < costs.size(); i++) {
            text.append(i == 0 ? "" : i == costs.size() - 1 ? "; and " : "; ").append(costs.get(i));
        }
        return text.append('.').toString();
    }

    private static String name(ChainReport chain) {
        return chain.chain().name();
    }

    private static String names(List<ChainReport> chains) {
        List<String> names = chains.stream().map(Conclusion::name).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }
}
