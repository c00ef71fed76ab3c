package dev.switchboard.routing.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.Overflow;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.metrics.RoutingMetrics;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoutingMetersTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Owner ANA = Owner.agent("ana").capacity(1).build();
    private static final Owner BEN = Owner.agent("ben").capacity(2).build();

    /** Gives the conversation to the first owner in roster order with room. */
    private static final Strategy FIRST_AVAILABLE = new Strategy() {
        @Override
        public String name() {
            return "first-available";
        }

        @Override
        public Verdict decide(Conversation conversation, RoutingView view) {
            for (Candidate candidate : view.candidates()) {
                if (candidate.canTake(BusyPolicy.EXCLUDE)) {
                    return Verdict.assign(candidate, "first owner with room");
                }
            }
            return Verdict.pass(PassReason.NO_CAPACITY, "nobody has room");
        }
    };

    private final ManualClock clock = new ManualClock(START);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RoutingMeters meters = RoutingMeters.of(RoutingMetrics.builder().owner(ANA)
            .owner(BEN, Presence.OFFLINE).since(START).team("desk", List.of("ana", "ben")).build(), clock);
    private final Router router = Router.builder().clock(clock).owner(ANA).owner(BEN, Presence.OFFLINE)
            .chain(FIRST_AVAILABLE).fallbackQueue("waiting", Duration.ofMinutes(5)).listener(meters).build();

    private static Conversation conversation(String id) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").createdAt(START).build();
    }

    private void at(int minute) {
        clock.set(START.plus(Duration.ofMinutes(minute)));
    }

    /** c1 goes to ana; c2 waits 10 minutes for ben, is re-routed when he leaves, and waits 10 more for ana. */
    private void playTheHour(Runnable atMinute25) {
        router.route(conversation("c1"));
        router.route(conversation("c2"));
        at(6);
        router.tick();
        at(10);
        router.setPresence("ben", Presence.ONLINE);
        at(20);
        router.setPresence("ben", Presence.OFFLINE);
        at(25);
        atMinute25.run();
        at(30);
        router.release("c1");
        at(60);
    }

    @Test
    void publishesEveryMeasure_withMicrometersNamesAndTags() {
        meters.bindTo(registry, router);

        playTheHour(() -> assertThat(registry.get("switchboard.queue.size").tag("queue", "waiting").gauge().value())
                .as("c2 waits for ana").isEqualTo(1));

        FunctionTimer routeDuration = registry.get("switchboard.route.duration").functionTimer();
        assertThat(routeDuration.count()).isEqualTo(2);
        assertThat(routeDuration.totalTime(TimeUnit.MINUTES)).isEqualTo(10);
        assertThat(registry.get("switchboard.route.duration.percentile").tag("phi", "0.95").timeGauge()
                .value(TimeUnit.SECONDS)).isEqualTo(600);
        assertThat(registry.get("switchboard.queue.size").tag("queue", "waiting").gauge().value()).isZero();
        FunctionTimer queueWait = registry.get("switchboard.queue.wait").tag("queue", "waiting").functionTimer();
        assertThat(queueWait.count()).isEqualTo(2);
        assertThat(queueWait.totalTime(TimeUnit.MINUTES)).isEqualTo(20);
        assertThat(decisions("none", "first-available", "none", "assigned")).isEqualTo(1);
        assertThat(decisions("none", "fallback", "waiting", "queued")).isEqualTo(2);
        assertThat(decisions("none", "first-available", "waiting", "assigned")).isEqualTo(2);
        assertThat(registry.get("switchboard.decisions").functionCounters()).hasSize(3);
        assertThat(registry.get("switchboard.reroutes").tag("reason", "owner-offline").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("switchboard.sla.breaches").tag("queue", "waiting").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("switchboard.queue.overflows").tag("queue", "waiting").functionCounter().count())
                .as("the queue has no overflow policy").isZero();
        assertThat(registry.get("switchboard.transfers").functionCounter().count()).isZero();
        // ana: one conversation all hour at capacity 1; ben: c2 for 10 of his 10 minutes at work, at capacity 2
        assertThat(registry.get("switchboard.owner.utilisation").tags("owner", "ana", "team", "desk").gauge().value())
                .isEqualTo(1.0);
        assertThat(registry.get("switchboard.owner.utilisation").tags("owner", "ben", "team", "desk").gauge().value())
                .isEqualTo(0.5);
        assertThat(registry.get("switchboard.team.utilisation").tag("team", "desk").gauge().value())
                .isEqualTo(70.0 / 80);
        assertThat(registry.get("switchboard.decisions.retried").functionCounter().count()).isZero();
        assertThat(registry.get("switchboard.overflows").functionCounter().count()).isZero();
    }

    @Test
    void countsOverflows_ofRulesAndOfQueuesAlike() {
        Router overflowing = Router.builder().clock(clock).owner(ANA).owner(BEN, Presence.OFFLINE)
                .plan(new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(5)),
                        new QueueSpec("review", Duration.ofMinutes(30))
                                .withOverflow(Overflow.after(Duration.ofMinutes(3)).moveToQueue("waiting"))), List.of(
                        Rule.builder("desk").chain(FIRST_AVAILABLE).queue("waiting")
                                .overflow(Overflow.after(Duration.ofMinutes(2)).sendToReview("review")).build())))
                .listener(meters).build();
        meters.bindTo(registry, overflowing);

        overflowing.route(conversation("c1"));
        overflowing.route(conversation("c2")); // ana is full: waits, and goes to review two minutes later
        at(2);
        overflowing.tick();
        assertThat(registry.get("switchboard.overflows").functionCounter().count()).isEqualTo(1);
        at(5);
        overflowing.tick(); // the review queue's policy moves it back to the desk's queue

        assertThat(registry.get("switchboard.overflows").functionCounter().count()).isEqualTo(2);
        // each counted for the queue it left: the rule's policy took it out of waiting, the queue's out of review
        assertThat(registry.get("switchboard.queue.overflows").tag("queue", "waiting").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("switchboard.queue.overflows").tag("queue", "review").functionCounter().count())
                .isEqualTo(1);
    }

    @Test
    void countsOffersByOutcome() {
        Router offering = Router.builder().clock(clock).owner(ANA).owner(BEN)
                .plan(new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(5))), List.of(
                        Rule.builder("desk").chain(FIRST_AVAILABLE).queue("waiting")
                                .offer(OfferPolicy.builder(Duration.ofSeconds(30)).build()).build())))
                .listener(meters).build();
        meters.bindTo(registry, offering);

        offering.route(conversation("c1")); // offered to ana, who declines: offered to ben, who accepts
        offering.decline("ana", "c1", "on a call");
        offering.accept("ben", "c1");
        offering.route(conversation("c2")); // offered to ana, who lets it expire: offered to ben, who has room
        at(1);
        offering.tick();

        assertThat(offers("offered")).isEqualTo(4);
        assertThat(offers("declined")).isEqualTo(1);
        assertThat(offers("accepted")).isEqualTo(1);
        assertThat(offers("expired")).isEqualTo(1);
        assertThat(offers("withdrawn")).isZero();
    }

    private double offers(String outcome) {
        return registry.get("switchboard.offers").tag("outcome", outcome).functionCounter().count();
    }

    @Test
    void bindingAfterEvents_registersWhatWasAlreadySeen() {
        playTheHour(() -> {});

        meters.bindTo(registry, router);

        assertThat(registry.get("switchboard.queue.wait").tag("queue", "waiting").functionTimer().count())
                .isEqualTo(2);
        assertThat(decisions("none", "fallback", "waiting", "queued")).isEqualTo(2);
    }

    @Test
    void bindingTwice_isRefused() {
        meters.bindTo(registry, router);

        assertThatThrownBy(() -> meters.bindTo(new SimpleMeterRegistry(), router))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already bound");
    }

    private double decisions(String rule, String strategy, String queue, String outcome) {
        return registry.get("switchboard.decisions")
                .tags("rule", rule, "strategy", strategy, "queue", queue, "outcome", outcome).functionCounter().count();
    }
}
