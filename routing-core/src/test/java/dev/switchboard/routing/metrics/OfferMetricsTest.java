package dev.switchboard.routing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offers made, accepted, declined, expired and withdrawn, counted from the router's events. */
class OfferMetricsTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    /** The first owner with room, in roster order. */
    private static final Strategy FIRST = new Strategy() {
        @Override
        public String name() {
            return "first";
        }

        @Override
        public Verdict decide(Conversation conversation, RoutingView view) {
            for (Candidate candidate : view.candidates()) {
                if (candidate.canTake(BusyPolicy.EXCLUDE)) {
                    return new Verdict.Assign(candidate.id(), "first with room", Map.of());
                }
            }
            return new Verdict.Pass(PassReason.NO_CAPACITY, "nobody has room");
        }
    };

    @Test
    void countsEachOfferAndWhatBecameOfIt() {
        ManualClock clock = new ManualClock(START);
        List<Owner> owners = List.of(Owner.agent("ana").capacity(1).build(), Owner.agent("ben").capacity(1).build());
        RoutingMetrics metrics = RoutingMetrics.builder().owners(owners).build();
        Router router = Router.builder().clock(clock).owners(owners).listener(metrics)
                .plan(new RoutingPlan(List.of(new QueueSpec("desk", Duration.ofMinutes(10))), List.of(
                        Rule.builder("desk").chain(FIRST).offer(OfferPolicy.builder(Duration.ofSeconds(30)).ringAll()
                                .build()).queue("desk").build())))
                .build();

        router.route(Conversation.builder("c1").customer("maria").channel("chat").createdAt(START).build());
        router.accept("ben", "c1");
        router.route(Conversation.builder("c2").customer("joao").channel("chat").createdAt(START).build());
        router.decline("ana", "c2", "");
        clock.advance(Duration.ofSeconds(30));
        router.tick();

        MetricsSnapshot snapshot = metrics.snapshot(clock.instant());
        assertThat(snapshot.offers()).isEqualTo(new OfferFigures(3, 1, 1, 0, 1));
        assertThat(snapshot.queues().get("desk").waiting()).isEqualTo(1);
        assertThat(snapshot.owners()).extracting(OwnerFigures::load).containsExactly(0, 1);
    }
}
