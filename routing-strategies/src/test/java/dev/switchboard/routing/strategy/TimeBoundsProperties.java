package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Extreme durations and instants thrown at every option that takes one: each is refused at once with an
 * {@link IllegalArgumentException} naming its field, or accepted, and then a day of routing, an owner going offline,
 * ticks and releases after the clock moved far ahead never fail on arithmetic.
 */
class TimeBoundsProperties {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final WeeklySchedule NIGHTS_AT_THE_DATE_LINE = WeeklySchedule
            .builder(ZoneId.of("Pacific/Kiritimati")).open(LocalTime.of(22, 0), LocalTime.of(6, 0), DayOfWeek.values())
            .build();

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void everyTimeOptionIsRefusedNamingItsField_orNoLaterArithmeticFails(
            @ForAll("durations") Duration sla, @ForAll("durations") Duration grace,
            @ForAll("durations") Duration aging, @ForAll("durations") Duration deadline,
            @ForAll("durations") Duration ttl, @ForAll("durations") Duration capWindow,
            @ForAll("durations") Duration stickyWindow, @ForAll("durations") Duration relaxAfter,
            @ForAll("durations") Duration claimDeadline, @ForAll("durations") Duration ownerWrapUp,
            @ForAll("durations") Duration wrapUp, @ForAll("durations") Duration preferredWait,
            @ForAll("durations") Duration staleAfter, @ForAll("durations") Duration handledWindow,
            @ForAll("instants") Instant start, @ForAll("instants") Instant createdAt,
            @ForAll("instants") Instant lastActivityAt,
            @ForAll("durations") Duration far) {
        ManualClock clock = option("start", () -> new ManualClock(start), () -> new ManualClock(START));
        Instant created = option("createdAt of conversation", () -> {
            Conversation.builder("probe").createdAt(createdAt);
            return createdAt;
        }, clock::instant);
        Instant lastActive = option("lastActivityAt of conversation", () -> {
            Conversation.builder("probe").lastActivityAt(lastActivityAt);
            return lastActivityAt.isBefore(created) ? created : lastActivityAt;
        }, () -> created);
        Router.Builder builder = Router.builder().clock(clock)
                .owner(option("wrapUp of owner", () -> option("window of assignment cap", () -> Owner.agent("ana")
                        .capacity(2).assignmentCap(2, capWindow), () -> Owner.agent("ana").capacity(2))
                        .wrapUp(ownerWrapUp), () -> Owner.agent("ana").capacity(2)).skill("billing", 2).build())
                .owner(Owner.agent("ben").capacity(1).skill("billing", 1).hours(NIGHTS_AT_THE_DATE_LINE).build())
                .chain(option("olderThan", () -> new ExcludeStale(staleAfter),
                                () -> new ExcludeStale(Duration.ofDays(2))),
                        option("wait", () -> new PreferredOwners("preferred", BusyPolicy.EXCLUDE, preferredWait),
                                PreferredOwners::new),
                        option("waitWindow", () -> new StickyPreviousOwner("sticky", BusyPolicy.EXCLUDE, stickyWindow),
                                StickyPreviousOwner::new),
                        SkillBased.builder().relax(option("relaxation wait",
                                () -> SkillBased.Relaxation.afterWaiting(relaxAfter).lowerMinimumsBy(1),
                                () -> SkillBased.Relaxation.afterWaiting(Duration.ofMinutes(2)).lowerMinimumsBy(1)))
                                .build(),
                        new LeastLoaded(),
                        option("window", () -> FewestHandled.inLast(handledWindow).build(),
                                () -> FewestHandled.inLast(Duration.ofHours(1)).build()),
                        option("claimDeadline", () -> new AgentPick("pool", claimDeadline),
                                () -> new AgentPick("pool", Duration.ofMinutes(10))))
                .queue("pool", Duration.ofHours(1))
                .queue("review", Duration.ofHours(1))
                .responseReview(1, "review");
        option("sla of queue", () -> builder.fallbackQueue("waiting", sla),
                () -> builder.fallbackQueue("waiting", Duration.ofMinutes(15)));
        option("grace", () -> builder.offlinePolicy(OfflinePolicy.keepFor(grace)), () -> builder);
        option("priority aging step", () -> builder.priorityAging(aging), () -> builder);
        option("response deadline", () -> builder.responseDeadline(Priority.NORMAL, deadline), () -> builder);
        option("customer memory ttl", () -> builder.customerMemory(100, ttl), () -> builder);
        option("wrapUp", () -> builder.wrapUp(wrapUp), () -> builder);
        Router router = builder.build();

        assertThatCode(() -> {
            List<String> open = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Priority priority = Priority.values()[i % Priority.values().length];
                Decision decision = router.route(Conversation.builder("c" + i).customer("customer-" + (i % 2))
                        .channel("chat").priority(priority).vip(i == 3).requires("billing", 2).createdAt(created)
                        .lastActivityAt(lastActive).preferredOwners("ben").build());
                if (!(decision instanceof Decision.Rejected)) {
                    open.add(decision.conversationId());
                }
            }
            router.setPresence("ana", Presence.OFFLINE);
            router.tick();
            option("amount", () -> clock.advance(far), clock::instant);
            router.tick();
            option("within", () -> router.atRisk(far), List::of);
            router.release(open.get(0));
            router.setPresence("ana", Presence.ONLINE);
            router.route(Conversation.builder("returning").customer("customer-1").channel("chat")
                    .createdAt(clock.instant()).build());
            option("amount", () -> clock.advance(far), clock::instant);
            router.tick();
            for (String id : open.subList(1, open.size())) {
                router.release(id);
            }
            int owned = router.roster().stream().mapToInt(status -> status.conversationIds().size()).sum();
            assertThat(owned + router.waiting().size()).as("only the returning customer's is open").isOne();
            assertThat(router.placement("returning")).isPresent();
        }).doesNotThrowAnyException();
    }

    /**
     * Sets an option, or, when it is refused, checks that the refusal names the field and falls back to a valid value.
     */
    private static <T> T option(String field, Supplier<T> set, Supplier<T> fallback) {
        try {
            return set.get();
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining(field);
            return fallback.get();
        }
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofMinutes(5),
                        Bounds.MAX_DURATION, Bounds.MAX_DURATION.plusNanos(1), Duration.ofDays(300 * 365),
                        Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
                        Duration.ofDays(365L * 3_000_000_000L), Duration.ofSeconds(-1),
                        Duration.ofSeconds(Long.MIN_VALUE))),
                Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE).map(Duration::ofSeconds)),
                Tuple.of(2, Arbitraries.longs().between(0, Bounds.MAX_DURATION.getSeconds()).map(Duration::ofSeconds)),
                Tuple.of(2, Arbitraries.longs().between(1, 600).map(Duration::ofMinutes)));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH, START, Bounds.EARLIEST,
                        Bounds.LATEST, Bounds.EARLIEST.minusNanos(1), Bounds.LATEST.plusNanos(1),
                        Bounds.LATEST.minus(Duration.ofDays(1)))),
                Tuple.of(2, Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .map(Instant::ofEpochSecond)),
                Tuple.of(2, Arbitraries.longs()
                        .between(Bounds.EARLIEST.getEpochSecond(), Bounds.LATEST.getEpochSecond())
                        .map(Instant::ofEpochSecond)));
    }
}
