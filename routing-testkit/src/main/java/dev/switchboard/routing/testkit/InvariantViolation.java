package dev.switchboard.routing.testkit;

/**
 * Thrown by {@link SwitchboardInvariants#check} when a generated sequence of operations breaks an invariant: its
 * message names the invariant and tells the shrunk sequence as a story, with the seed that reproduces it.
 */
public final class InvariantViolation extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final Invariant invariant;
    private final String story;
    private final long seed;

    InvariantViolation(Invariant invariant, String story, long seed, String howFound) {
        super("Switchboard invariant violated: " + invariant.title() + " (" + invariant.meaning() + ")\n" + howFound
                + "\n" + story.indent(2).stripTrailing());
        this.invariant = invariant;
        this.story = story;
        this.seed = seed;
    }

    /** The invariant that broke. */
    public Invariant invariant() {
        return invariant;
    }

    /** The shrunk sequence, one line per operation, ending with the violation. */
    public String story() {
        return story;
    }

    /** The seed of the check that found it: the same seed and options find it again. */
    public long seed() {
        return seed;
    }
}
