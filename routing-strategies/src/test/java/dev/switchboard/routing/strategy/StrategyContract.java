package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The promises every strategy keeps, checked on random rosters: it always answers, it never picks an owner who
 * cannot take the conversation (offline, away, busy when busy owners are excluded, or full), and it is
 * deterministic: the same inputs give the same verdict. Each strategy's properties class extends this.
 */
abstract class StrategyContract {

    /** The strategy under test, configured with the given busy policy. */
    abstract Strategy strategy(BusyPolicy busyPolicy);

    @Property(tries = 300)
    void alwaysAnswers_andNeverPicksAnOwnerWhoCannotTakeIt(
            @ForAll("snapshots") RoutingSnapshot snapshot, @ForAll("conversations") Conversation conversation,
            @ForAll BusyPolicy busyPolicy) {
        Verdict verdict = strategy(busyPolicy).decide(conversation, snapshot);

        assertThat(verdict).isNotNull();
        assertThat(verdict.reason()).isNotBlank();
        if (verdict instanceof Verdict.Assign assign) {
            Candidate chosen = snapshot.candidate(assign.ownerId()).orElseThrow();
            assertThat(chosen.canTake(busyPolicy))
                    .as("chosen %s can take the conversation under %s", chosen, busyPolicy)
                    .isTrue();
        }
    }

    @Property(tries = 200)
    void isDeterministic(
            @ForAll("snapshots") RoutingSnapshot snapshot, @ForAll("conversations") Conversation conversation,
            @ForAll BusyPolicy busyPolicy) {
        Verdict first = strategy(busyPolicy).decide(conversation, snapshot);
        Verdict second = strategy(busyPolicy).decide(conversation, snapshot);

        assertThat(second).isEqualTo(first);
    }

    @Provide
    Arbitrary<RoutingSnapshot> snapshots() {
        Arbitrary<Candidate> candidate = Combinators.combine(
                Arbitraries.of(Presence.class),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 3),
                Arbitraries.subsetOf("billing", "tech", "sales"),
                Arbitraries.subsetOf("en", "es", "de"),
                Arbitraries.integers().between(0, 5))
                .as((presence, capacity, load, proficiency, skills, languages, weight) -> {
                    Owner.Builder owner = Owner.agent("placeholder").capacity(capacity).weight(weight)
                            .languages(languages.toArray(String[]::new));
                    skills.forEach(skill -> owner.skill(skill, proficiency));
                    return Fixtures.candidate(owner.build(), 0, presence, load);
                });
        return candidate.list().ofMaxSize(8).map(StrategyContract::renumber)
                .flatMap(candidates -> Arbitraries.subsetOf("cust-1", "cust-2", "cust-3")
                        .map(customers -> new RoutingSnapshot(Fixtures.NOW, candidates,
                                previousOwners(customers, candidates), Map.of())));
    }

    @Provide
    Arbitrary<Conversation> conversations() {
        return Combinators.combine(
                Arbitraries.of("cust-1", "cust-2", "cust-3"),
                Arbitraries.of("chat", "email"),
                Arbitraries.subsetOf("billing", "tech", "sales"),
                Arbitraries.of("", "en", "es"),
                Arbitraries.integers().between(0, 120),
                Arbitraries.of("owner-0", "owner-1", "owner-2", "owner-3").list().uniqueElements().ofMaxSize(3))
                .as((customer, channel, skills, language, ageMinutes, preferred) -> {
                    Conversation.Builder builder = Conversation.builder("c-1").customer(customer).channel(channel)
                            .createdAt(Fixtures.NOW.minus(Duration.ofMinutes(ageMinutes)))
                            .preferredOwners(preferred.toArray(String[]::new));
                    skills.forEach(skill -> builder.requires(skill, 1));
                    if (!language.isEmpty()) {
                        builder.language(language);
                    }
                    return builder.build();
                });
    }

    /** Gives candidates distinct ids and increasing roster positions. */
    private static List<Candidate> renumber(List<Candidate> candidates) {
        List<Candidate> renumbered = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Owner o = c.owner();
            Owner owner = new Owner("owner-" + i, o.kind(), o.skills(), o.languages(), o.regions(), o.capacity(),
                    o.weight(), o.autoAssign(), o.assignmentCap(), o.hours(), o.dailyCap(), o.wrapUp());
            renumbered.add(new Candidate(owner, 2L * i, c.presence(), c.load(), c.freeCapacity(), c.lastAssignedAt()));
        }
        return renumbered;
    }

    private static Map<String, String> previousOwners(Set<String> customers, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        Map<String, String> memory = new HashMap<>();
        int i = 0;
        for (String customer : customers) {
            memory.put(customer, candidates.get(i++ % candidates.size()).id());
        }
        return memory;
    }
}
