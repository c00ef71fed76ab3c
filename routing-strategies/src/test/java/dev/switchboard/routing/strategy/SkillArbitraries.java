package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.SkillRequirement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random owners and conversations for skill matching: a few skills (one an offer) at varied proficiency, languages
 * and regions, so that matches, near misses and ties all come up often.
 */
final class SkillArbitraries {
    private static final List<String> SKILLS = List.of("billing", "tech", "offer:consulting");

    private SkillArbitraries() {}

    /**
     * An owner with each skill absent or at 1..3 (few levels, so that scores often tie), speaking en, es or
     * both, covering north, south or both, with capacity 1..4.
     */
    static Arbitrary<Owner> owners(String id) {
        Arbitrary<Integer> proficiency = Arbitraries.frequency(
                Tuple.of(1, -1), Tuple.of(2, 1), Tuple.of(3, 2), Tuple.of(2, 3));
        return Combinators.combine(proficiency.list().ofSize(SKILLS.size()),
                        oneOrBoth("en", "es"), oneOrBoth("north", "south"),
                        Arbitraries.integers().between(1, 4))
                .as((levels, languages, regions, capacity) -> {
                    Owner.Builder owner = Owner.agent(id).capacity(capacity)
                            .languages(languages).regions(regions);
                    for (int i = 0; i < SKILLS.size(); i++) {
                        if (levels.get(i) >= 0) {
                            owner.skill(SKILLS.get(i), levels.get(i));
                        }
                    }
                    return owner.build();
                });
    }

    private static Arbitrary<String[]> oneOrBoth(String one, String other) {
        return Arbitraries.of(new String[] {one}, new String[] {other}, new String[] {one, other});
    }

    /**
     * One to 8 candidates o0, o1, ... at roster positions 0, 3, 6, ..., mostly online, with load 0..2 and any
     * idleness.
     */
    static Arbitrary<List<Candidate>> rosters() {
        return Arbitraries.integers().between(1, 8).flatMap(size -> {
            List<Arbitrary<Candidate>> seats = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                seats.add(candidate("o" + i, 3L * i));
            }
            return Combinators.combine(seats).as(List::copyOf);
        });
    }

    private static Arbitrary<Candidate> candidate(String id, long rosterPosition) {
        Arbitrary<Presence> presences = Arbitraries.frequency(Tuple.of(5, Presence.ONLINE), Tuple.of(2, Presence.BUSY),
                Tuple.of(1, Presence.AWAY), Tuple.of(1, Presence.OFFLINE));
        return Combinators.combine(owners(id), presences, Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(-1, 60))
                .as((owner, presence, load, idleMinutes) -> new Candidate(owner, rosterPosition, presence, load,
                        Math.max(0, owner.capacity().total() - load),
                        idleMinutes < 0 ? Instant.MIN : Fixtures.NOW.minus(Duration.ofMinutes(idleMinutes))));
    }

    /**
     * A conversation created up to 90 minutes ago, needing up to three skills (each required or optional, minimum
     * 0..3), often with no language or region.
     */
    static Arbitrary<Conversation> conversations() {
        Arbitrary<SkillRequirement> requirement = Combinators.combine(Arbitraries.of(SKILLS),
                        Arbitraries.integers().between(0, 3), Arbitraries.of(false, true))
                .as(SkillRequirement::new);
        return Combinators.combine(requirement.list().ofMaxSize(3).uniqueElements(SkillRequirement::skill),
                        Arbitraries.frequency(Tuple.of(3, ""), Tuple.of(1, "en"), Tuple.of(1, "es")),
                        Arbitraries.frequency(Tuple.of(3, ""), Tuple.of(1, "north"), Tuple.of(1, "south")),
                        Arbitraries.integers().between(0, 90))
                .as((requirements, language, region, ageMinutes) -> {
                    Conversation.Builder builder = Fixtures.conversationBuilder("c")
                            .createdAt(Fixtures.NOW.minus(Duration.ofMinutes(ageMinutes)));
                    requirements.forEach(builder::require);
                    if (!language.isEmpty()) {
                        builder.language(language);
                    }
                    if (!region.isEmpty()) {
                        builder.region(region);
                    }
                    return builder.build();
                });
    }
}
