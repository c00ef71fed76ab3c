package dev.switchboard.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        if (both.isEmpty()) {
            return Eligible.scan(List.of(), requirements, busyPolicy);
        }
        Eligible eligible = view.eligible(both.get(), busyPolicy);
        return both.get().skills().size() == requirements.skills().size() ? eligible
                : new ScoredAsAsked(eligible, requirements);
    }

    /**
     * The owners that meet both requirements, scored over the skills the step asked for only, when the rule adds
     * skills of its own. A score floor is passed on to the index, which scores the added skills too, so it keeps every
     * owner that reaches the floor by the asked skills; the rest are skipped here.
     */
    private static final class ScoredAsAsked implements Eligible {
        private final Eligible eligible;
        private final Requirements asked;
        private int scoreFloor = Integer.MIN_VALUE;
        /** The current owner's roster position, or -1 when there is none. */
        private long current = -1;

        ScoredAsAsked(Eligible eligible, Requirements asked) {
            this.eligible = eligible;
            this.asked = asked;
        }

        @Override
        public boolean next() {
            while (eligible.next()) {
                if (score() >= scoreFloor) {
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
            if (score() >= scoreFloor) {
                current = eligible.rosterPosition();
                return true;
            }
            return next();
        }

        @Override
        public void raiseScoreFloor(int score) {
            scoreFloor = Math.max(scoreFloor, score);
            eligible.raiseScoreFloor(score);
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
        return both(requirements).map(view::matching).orElse(List.of());
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
     * regions, which no owner is asked to meet at once.
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
