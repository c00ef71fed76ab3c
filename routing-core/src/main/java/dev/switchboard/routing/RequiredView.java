package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rule's view narrowed to the owners that meet what the rule requires of the conversation (see
 * {@link Rule.Requirement}): every question a step asks is answered as if the other owners were not candidates, and
 * {@link #eligible} asks the roster's indexes for both requirements at once, so the index still does the work.
 */
final class RequiredView implements LiveView {

    private final LiveView view;
    private final Requirements required;
    private final String ruleName;
    private List<Candidate> candidates;

    RequiredView(LiveView view, Requirements required, String ruleName) {
        this.view = view;
        this.required = required;
        this.ruleName = ruleName;
    }

    @Override
    public Instant now() {
        return view.now();
    }

    @Override
    public List<Candidate> candidates() {
        if (candidates == null) {
            List<Candidate> meeting = new ArrayList<>();
            for (Candidate candidate : view.candidates()) {
                if (required.metBy(candidate.owner())) {
                    meeting.add(candidate);
                }
            }
            candidates = List.copyOf(meeting);
        }
        return candidates;
    }

    @Override
    public Eligible eligible(Requirements requirements, BusyPolicy busyPolicy) {
        Checks.notNull(busyPolicy, "busyPolicy");
        Optional<Requirements> both = both(requirements);
        if (both.isEmpty()) { // different languages or regions: the index finds one, the rest is checked here
            return new Narrowed(view.eligible(requirements, busyPolicy), requirements, required);
        }
        Eligible eligible = view.eligible(both.get(), busyPolicy);
        return both.get().skills().equals(requirements.skills()) ? eligible
                : new Narrowed(eligible, requirements, Requirements.NONE);
    }

    /**
     * The owners an index walk finds that also meet {@code also}, scored over the skills the step asked for only (the
     * walk may score skills the rule added). A score floor is passed on to the walk when its scores are never below
     * the asked ones (the step named each skill once), so it keeps every owner that reaches the floor by the asked
     * skills; the rest are skipped here.
     */
    private static final class Narrowed implements Eligible {
        private final Eligible eligible;
        private final Requirements asked;
        private final Requirements also;
        private final boolean floorPassesOn;
        private int scoreFloor = Integer.MIN_VALUE;
        /** The current owner's roster position, or -1 when there is none. */
        private long current = -1;

        Narrowed(Eligible eligible, Requirements asked, Requirements also) {
            this.eligible = eligible;
            this.asked = asked;
            this.also = also;
            Set<String> named = new HashSet<>();
            boolean eachOnce = true;
            for (SkillRequirement skill : asked.skills()) {
                eachOnce &= named.add(skill.skill());
            }
            this.floorPassesOn = eachOnce;
        }

        private boolean qualifies() {
            return score() >= scoreFloor && also.metBy(eligible.owner());
        }

        @Override
        public boolean next() {
            while (eligible.next()) {
                if (qualifies()) {
                    current = eligible.rosterPosition();
                    return true;
                }
            }
            current = -1;
            return false;
        }

        @Override
        public boolean advanceTo(long rosterPosition) {
            if (current >= 0 && current >= rosterPosition) {
                return true;
            }
            if (!eligible.advanceTo(rosterPosition)) {
                current = -1;
                return false;
            }
            if (qualifies()) {
                current = eligible.rosterPosition();
                return true;
            }
            return next();
        }

        @Override
        public void raiseScoreFloor(int score) {
            scoreFloor = Math.max(scoreFloor, score);
            if (floorPassesOn) {
                eligible.raiseScoreFloor(score);
            }
        }

        @Override
        public Owner owner() {
            return eligible.owner();
        }

        @Override
        public long rosterPosition() {
            return eligible.rosterPosition();
        }

        @Override
        public int load() {
            return eligible.load();
        }

        @Override
        public double utilisation() {
            return eligible.utilisation();
        }

        @Override
        public Instant lastAssignedAt() {
            return eligible.lastAssignedAt();
        }

        @Override
        public Instant lastReleasedAt() {
            return eligible.lastReleasedAt();
        }

        @Override
        public int completedSince(Instant since) {
            return eligible.completedSince(since);
        }

        @Override
        public int score() {
            return asked.score(eligible.owner());
        }

        @Override
        public Candidate candidate() {
            return eligible.candidate();
        }
    }

    @Override
    public List<Candidate> matching(Requirements requirements) {
        Optional<Requirements> both = both(requirements);
        if (both.isPresent()) {
            return view.matching(both.get());
        }
        List<Candidate> matches = new ArrayList<>();
        for (Candidate candidate : view.matching(requirements)) {
            if (required.metBy(candidate.owner())) {
                matches.add(candidate);
            }
        }
        return List.copyOf(matches);
    }

    @Override
    public Matched matched(Requirements requirements, BusyPolicy busyPolicy) {
        Checks.notNull(requirements, "requirements");
        Checks.notNull(busyPolicy, "busyPolicy");
        Optional<Requirements> both = both(requirements);
        return both.isPresent() ? view.matched(both.get(), busyPolicy)
                : LiveView.super.matched(requirements, busyPolicy);
    }

    @Override
    public Optional<Candidate> candidate(String ownerId) {
        return view.candidate(ownerId).filter(candidate -> required.metBy(candidate.owner()));
    }

    @Override
    public Optional<String> previousOwner(String customerId) {
        return view.previousOwner(customerId);
    }

    @Override
    public Optional<String> primaryOwner(String customerId) {
        return view.primaryOwner(customerId);
    }

    @Override
    public long cursor(String key) {
        return view.cursor(key);
    }

    @Override
    public String refusal(String ownerId) {
        Optional<Candidate> candidate = view.candidate(ownerId);
        return candidate.isPresent() && !required.metBy(candidate.get().owner())
                ? "does not meet what rule " + ruleName + " requires: it is not among the "
                        + required.describeOwners()
                : view.refusal(ownerId);
    }

    @Override
    public Map<String, String> heldBack() {
        return view.heldBack();
    }

    @Override
    public boolean commit(Verdict.Assign assign) {
        return candidate(assign.ownerId()).isPresent() && view.commit(assign);
    }

    /**
     * What a step asks together with what the rule requires: every skill of both at the higher minimum (required when
     * either requires it), and the language and region of either; empty when they ask for different languages or
     * regions, which one {@link Requirements} cannot say.
     */
    private Optional<Requirements> both(Requirements asked) {
        Checks.notNull(asked, "requirements");
        Optional<String> language = one(asked.language(), required.language());
        Optional<String> region = one(asked.region(), required.region());
        if (language.isEmpty() || region.isEmpty()) {
            return Optional.empty();
        }
        Map<String, SkillRequirement> skills = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (List<SkillRequirement> list : List.of(required.skills(), asked.skills())) {
            for (SkillRequirement skill : list) {
                SkillRequirement known = skills.get(skill.skill());
                if (known == null) {
                    order.add(skill.skill());
                    skills.put(skill.skill(), skill);
                } else {
                    skills.put(skill.skill(), new SkillRequirement(skill.skill(),
                            Math.max(known.minProficiency(), skill.minProficiency()),
                            known.optional() && skill.optional()));
                }
            }
        }
        List<SkillRequirement> merged = new ArrayList<>();
        order.forEach(skill -> merged.add(skills.get(skill)));
        return Optional.of(new Requirements(merged, language.get(), region.get()));
    }

    /** The one value two optional ones agree on (empty text when neither has one); none when they differ. */
    private static Optional<String> one(String asked, String required) {
        if (asked.isEmpty() || required.isEmpty() || asked.equals(required)) {
            return Optional.of(asked.isEmpty() ? required : asked);
        }
        return Optional.empty();
    }
}
