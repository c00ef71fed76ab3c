package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Skill-based routing on the router's indexes, which skip owners whose levels cannot win and count the ties a word of
 * owners at a time, gives the verdict it gives on a plain snapshot of the same candidates: the same owner, the same
 * reason (the tie count included) and the same cursor.
 */
class SkillBasedIndexProperties {

    @Property(tries = 60)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void theIndexedVerdictIsTheScannedOne(@ForAll("tieBreaks") SkillBased.TieBreak tieBreak,
            @ForAll("busyPolicies") BusyPolicy busyPolicy, @ForAll("rosters") List<Owner> owners,
            @ForAll("needs") List<Conversation> conversations) {
        SkillBased skillBased = SkillBased.builder().tieBreak(tieBreak).busyPolicy(busyPolicy).build();
        List<String> mismatches = new ArrayList<>();
        int[] assigned = {0};
        int[] ties = {0};
        Strategy compared = new Strategy() {
            @Override
            public String name() {
                return skillBased.name();
            }

            @Override
            public Verdict decide(Conversation conversation, RoutingView view) {
                Verdict indexed = skillBased.decide(conversation, view);
                RoutingSnapshot snapshot = RoutingSnapshot.of(view.now(), view.candidates())
                        .withCursors(Map.of(name(), view.cursor(name())));
                Verdict scanned = skillBased.decide(conversation, snapshot);
                if (!indexed.equals(scanned)) {
                    mismatches.add(conversation.id() + ": indexed " + indexed + ", scanned " + scanned);
                }
                assigned[0] += indexed instanceof Verdict.Assign ? 1 : 0;
                ties[0] += indexed instanceof Verdict.Assign assign && assign.reason().contains("owners tied") ? 1 : 0;
                return indexed;
            }
        };
        Router router = Router.builder().clock(new ManualClock(Fixtures.NOW)).owners(owners).chain(compared)
                .fallbackQueue("waiting", Duration.ofMinutes(15)).build();

        conversations.forEach(router::route); // none released: loads rise, owners fill up, ties change

        assertThat(mismatches).isEmpty();
        Statistics.label("some assigned").collect(assigned[0] > 0);
        Statistics.label("ties counted").collect(ties[0] > 0);
        Statistics.label("some assigned").coverage(coverage -> coverage.check(true).percentage(share -> share > 50));
        Statistics.label("ties counted").coverage(coverage -> coverage.check(true).percentage(share -> share > 30));
    }

    @Provide
    Arbitrary<SkillBased.TieBreak> tieBreaks() {
        return Arbitraries.of(SkillBased.TieBreak.class);
    }

    @Provide
    Arbitrary<BusyPolicy> busyPolicies() {
        return Arbitraries.of(BusyPolicy.class);
    }

    /** 1 to 200 owners, so that the walk crosses words of 64 positions. */
    @Provide
    Arbitrary<List<Owner>> rosters() {
        return Arbitraries.integers().between(1, 200).flatMap(size -> {
            List<Arbitrary<Owner>> owners = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                owners.add(SkillArbitraries.owners("o" + i));
            }
            return Combinators.combine(owners).as(List::copyOf);
        });
    }

    @Provide
    Arbitrary<List<Conversation>> needs() {
        return SkillArbitraries.conversations().list().ofMinSize(1).ofMaxSize(40).map(needs -> {
            List<Conversation> numbered = new ArrayList<>();
            for (Conversation need : needs) {
                String id = "c" + numbered.size();
                Conversation.Builder builder = Conversation.builder(id).customer("customer-" + id)
                        .channel(need.channel()).createdAt(need.createdAt());
                need.requiredSkills().forEach(builder::require);
                if (!need.language().isEmpty()) {
                    builder.language(need.language());
                }
                if (!need.region().isEmpty()) {
                    builder.region(need.region());
                }
                numbered.add(builder.build());
            }
            return numbered;
        });
    }
}
