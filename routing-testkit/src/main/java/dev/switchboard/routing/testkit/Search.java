package dev.switchboard.routing.testkit;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;

/**
 * Looks for a scenario that breaks an invariant: plays generated scenarios, and shrinks the first that fails with
 * jqwik's shrinking, keeping each smaller scenario that breaks the same invariant, to the story of the smallest.
 */
final class Search {

    /** Found: the invariant, the shrunk story, and how the search got there. */
    record Found(Violation violation, String story, int steps, int originalSteps, int failedTry, int shrinkRuns) {}

    /** A failing scenario as judged: its violation and its story. */
    private record Failure(Violation violation, String story, int steps) {}

    private static final int GENERATION_SIZE = 1000;
    private static final int MAX_SHRINK_RUNS = 1500;
    private static final int MAX_DIFFERENCE_CHARACTERS = 300;

    private final Run.Setup setup;

    Search(Run.Setup setup) {
        this.setup = setup;
    }

    Optional<Found> run(Arbitrary<Scenario> scenarios, int tries, long seed) {
        RandomGenerator<Scenario> generator = scenarios.generator(GENERATION_SIZE);
        Random random = new Random(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            Shrinkable<Scenario> scenario = generator.next(random);
            Optional<Failure> failure = judge(scenario.value());
            if (failure.isPresent()) {
                return Optional.of(shrink(scenario, failure.get(), attempt));
            }
        }
        return Optional.empty();
    }

    private Found shrink(Shrinkable<Scenario> failing, Failure failure, int attempt) {
        Shrinkable<Scenario> smallest = failing;
        Failure shrunk = failure;
        int runs = 0;
        boolean smaller = true;
        while (smaller && runs < MAX_SHRINK_RUNS) {
            smaller = false;
            Iterator<Shrinkable<Scenario>> candidates = smallest.shrink().iterator();
            while (candidates.hasNext() && runs < MAX_SHRINK_RUNS) {
                Shrinkable<Scenario> candidate = candidates.next();
                runs++;
                Optional<Failure> judged = judge(candidate.value())
                        .filter(found -> found.violation().invariant() == failure.violation().invariant());
                if (judged.isPresent()) {
                    smallest = candidate;
                    shrunk = judged.get();
                    smaller = true;
                    break;
                }
            }
        }
        return new Found(shrunk.violation(), shrunk.story(), shrunk.steps(), failure.steps(), attempt, runs);
    }

    /**
     * Plays a scenario and, when it keeps every other invariant, again with a listener that throws: the first step
     * whose result or events differ breaks listener isolation.
     */
    private Optional<Failure> judge(Scenario scenario) {
        Run.Outcome plain = Run.play(scenario, setup, false);
        if (plain.violation().isPresent()) {
            return Optional.of(new Failure(plain.violation().get(), plain.story().render(plain.violation().get()),
                    plain.story().steps()));
        }
        if (!setup.checked().contains(Invariant.LISTENER_ISOLATION)) {
            return Optional.empty();
        }
        List<Run.Step> failing = Run.play(scenario, setup, true).transcript();
        List<Run.Step> expected = plain.transcript();
        for (int step = 0; step < expected.size(); step++) {
            Run.Step wanted = expected.get(step);
            Optional<Run.Step> actual = step < failing.size() ? Optional.of(failing.get(step)) : Optional.empty();
            if (!actual.equals(Optional.of(wanted))) {
                Scenario upTo = new Scenario(scenario.start(), scenario.operations().subList(0, step + 1));
                Run.Outcome told = Run.play(upTo, setup, false);
                Violation violation = new Violation(Invariant.LISTENER_ISOLATION, "with a listener that throws, the"
                        + " last step " + actual.map(other -> difference(wanted, other))
                                .orElse("was never reached"));
                return Optional.of(new Failure(violation, told.story().render(violation), told.story().steps()));
            }
        }
        return Optional.empty();
    }

    /** How a step of the run with a failing listener differs from the same step without. */
    private static String difference(Run.Step expected, Run.Step actual) {
        if (!actual.told().equals(expected.told())) {
            return "went: " + actual.told();
        }
        return "gave " + clip(actual.result()) + " with the events " + clip(actual.events()) + ", instead of "
                + clip(expected.result()) + " with " + clip(expected.events());
    }

    private static String clip(Object result) {
        String text = String.valueOf(result);
        return text.length() <= MAX_DIFFERENCE_CHARACTERS ? text : text.substring(0, MAX_DIFFERENCE_CHARACTERS) + "...";
    }
}
