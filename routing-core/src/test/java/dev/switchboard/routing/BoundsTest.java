package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.holdAll;
import static dev.switchboard.routing.TestStrategies.previousOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression tests of issue 12's items 4 and 5: values that overflowed later, and checks that named nothing. */
class BoundsTest {

    private static final Duration LONG_MAX_SECONDS = Duration.ofSeconds(Long.MAX_VALUE);
    private static final Duration THREE_BILLION_YEARS = Duration.ofDays(365L * 3_000_000_000L);
    private static final String AT_MOST = "must be at most PT876600H (100 years), was ";

    private final ManualClock clock = new ManualClock(START);

    private Router.Builder router() {
        return Router.builder().clock(clock).owner(agent("ana", 2)).chain(firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(15));
    }

    @Nested
    class DurationsAndInstantsThatOverflowedMidOperation {
        @Test
        void queueSlaOfLongMaxSeconds_isRefusedAtTheBoundary() {
            assertThatThrownBy(() -> new QueueSpec("waiting", LONG_MAX_SECONDS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sla of queue 'waiting' " + AT_MOST + LONG_MAX_SECONDS);
            assertThatThrownBy(() -> Router.builder().fallbackQueue("waiting", LONG_MAX_SECONDS))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sla of queue 'waiting'");
        }

        @Test
        void aQueueSlaOfTheLongestDuration_letsTheOwnerGoOfflineWithoutLosingItsConversations() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 1)).chain(firstAvailable())
                    .fallbackQueue("waiting", Bounds.MAX_DURATION).build();
            router.route(conversation("c1").build());

            router.setPresence("ana", Presence.OFFLINE);

            assertThat(router.waiting()).singleElement().satisfies(entry -> {
                assertThat(entry.conversation().id()).isEqualTo("c1");
                assertThat(entry.slaDeadline()).isEqualTo(START.plus(Bounds.MAX_DURATION));
            });
        }

        @Test
        void priorityAgingOf3e9Years_isRefusedAtTheBoundary() {
            assertThatThrownBy(() -> Router.builder().priorityAging(THREE_BILLION_YEARS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("priority aging step " + AT_MOST + THREE_BILLION_YEARS);
        }

        @Test
        void createdAtOfInstantMinOrInstantMax_isRefusedAtTheBoundary() {
            for (Instant extreme : List.of(Instant.MIN, Instant.MAX)) {
                assertThatThrownBy(() -> conversation("c1").createdAt(extreme))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("createdAt of conversation 'c1' must be from 0001-01-01T00:00:00Z to"
                                + " 9999-12-31T23:59:59.999999999Z, was " + extreme);
                assertThatThrownBy(() -> new Conversation("c1", "m", "chat", "general", Priority.NORMAL, false, "", "",
                        List.of(), Map.of(), extreme)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("createdAt of conversation 'c1' must be from");
            }
        }

        @Test
        void offlineGraceOfLongMaxSeconds_isRefusedAtTheBoundary() {
            assertThatThrownBy(() -> OfflinePolicy.keepFor(LONG_MAX_SECONDS))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("grace " + AT_MOST + LONG_MAX_SECONDS);
            assertThatThrownBy(() -> new OfflinePolicy(LONG_MAX_SECONDS))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("grace must be at most");
        }

        @Test
        void responseDeadlineOfLongMaxSeconds_isRefusedAtTheBoundary() {
            assertThatThrownBy(() -> Router.builder().responseDeadline(Priority.HIGH, LONG_MAX_SECONDS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("response deadline of priority HIGH " + AT_MOST + LONG_MAX_SECONDS);
        }

        @Test
        void assignmentCapWindowOfLongMaxSeconds_isRefusedAtTheBoundary() {
            assertThatThrownBy(() -> Owner.agent("ana").assignmentCap(3, LONG_MAX_SECONDS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("window of assignment cap " + AT_MOST + LONG_MAX_SECONDS);
        }

        @Test
        void customerMemoryTtlOfLongMaxSeconds_isRefusedAtTheBoundary() {
            assertThatThrownBy(() -> Router.builder().customerMemory(5, LONG_MAX_SECONDS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("customer memory ttl " + AT_MOST + LONG_MAX_SECONDS);
        }

        @Test
        void aManualClockAdvanced300Years_doesNotOverflowTheCustomerMemory() {
            Router router = router().chain(previousOwner()).build();
            router.route(conversation("c1").customer("maria").build());
            router.release("c1");

            clock.advance(Duration.ofDays(300 * 365));
            Decision decision = router.route(conversation("c2").customer("maria").build());

            assertThat(decision).isInstanceOf(Decision.Assigned.class);
            assertThat(decision.trace().decisive().strategy()).as("forgotten after 30 days")
                    .isEqualTo("first-available");
        }

        @Test
        void theCustomerMemoryKeepsTime_afterTheClockRanPast292YearsOfNanoseconds() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 2)).owner(agent("ben", 2))
                    .chain(previousOwner(), TestStrategies.rotation()).fallbackQueue("waiting", Duration.ofMinutes(1))
                    .customerMemory(10, Duration.ofDays(365)).build();
            clock.advance(Duration.ofDays(300 * 365));
            router.route(conversation("c1").customer("maria").build());
            router.release("c1");

            clock.advance(Duration.ofDays(364));
            Decision remembered = router.route(conversation("c2").customer("maria").build());
            router.release("c2");
            clock.advance(Duration.ofDays(366));
            Decision forgotten = router.route(conversation("c3").customer("maria").build());

            assertThat(remembered.trace().decisive().strategy()).isEqualTo("previous-owner");
            assertThat(forgotten.trace().decisive().strategy()).isEqualTo("rotation");
        }

        @Test
        void atRiskOfAHugeDuration_listsEveryWaitingConversation() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 1)).chain(holdAll())
                    .fallbackQueue("waiting", Duration.ofMinutes(15)).build();
            router.route(conversation("c1").build());

            assertThat(router.atRisk(LONG_MAX_SECONDS)).extracting(entry -> entry.conversation().id())
                    .containsExactly("c1");
            assertThat(router.atRisk(Bounds.MAX_DURATION)).hasSize(1);
        }

        @Test
        void manualClockAdvancedPastYear9999_isRefusedNamingTheAmount_andTheClockStays() {
            assertThatThrownBy(() -> clock.advance(LONG_MAX_SECONDS)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("amount " + LONG_MAX_SECONDS + " would move the clock from " + START
                            + " past 9999-12-31T23:59:59.999999999Z");
            assertThat(clock.instant()).isEqualTo(START);
            assertThat(clock.advance(Duration.between(START, Bounds.LATEST))).isEqualTo(Bounds.LATEST);
        }

        @Test
        void manualClockStartingOrSetOutsideTheBounds_isRefused() {
            assertThatThrownBy(() -> new ManualClock(Instant.MIN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("start must be from 0001-01-01T00:00:00Z");
            assertThatThrownBy(() -> clock.set(Instant.MAX)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("instant must be from 0001-01-01T00:00:00Z");
        }

        @Test
        void aClockReadingOutsideTheBounds_refusesTheCallBeforeAnythingChanges() {
            AtomicReference<Instant> now = new AtomicReference<>(START);
            InstantSource host = now::get;
            Router router = Router.builder().clock(host).owner(agent("ana", 1)).chain(firstAvailable())
                    .fallbackQueue("waiting", Duration.ofMinutes(15)).build();
            now.set(Instant.MAX.minusSeconds(1));

            assertThatThrownBy(() -> router.route(conversation("c1").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the router's clock reading must be from");
            now.set(START);
            assertThat(router.placement("c1")).isEmpty();
            assertThat(router.ownerStatus("ana").load()).isZero();
        }
    }

    @Nested
    class ChecksThatNamedNothing {
        @Test
        void aNullSkillRequirementOrAttribute_isRefusedNamingTheConversation_notABareNullPointerException() {
            assertThatThrownBy(() -> new Conversation("c1", "m", "chat", "general", Priority.NORMAL, false, "", "",
                    Arrays.asList((SkillRequirement) null), Map.of(), START))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("skill requirement of conversation 'c1' must not be null");
            Map<String, String> attributes = new HashMap<>();
            attributes.put("offer", null);
            assertThatThrownBy(() -> new Conversation("c1", "m", "chat", "general", Priority.NORMAL, false, "", "",
                    List.of(), attributes, START)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("attribute 'offer' of conversation 'c1' must not be null");
            assertThatThrownBy(() -> conversation("c1").requires(null, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("skill of conversation 'c1' must not be null");
        }

        @Test
        void nullLanguagesOrRegionsArrays_areRefusedNamingTheOwner_notABareNullPointerException() {
            assertThatThrownBy(() -> Owner.agent("ana").languages((String[]) null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("languages of owner 'ana' must not be null");
            assertThatThrownBy(() -> Owner.agent("ana").regions((String[]) null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("regions of owner 'ana' must not be null");
            assertThatThrownBy(() -> Rule.builder("r").owners((String) null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("owner of rule 'r' must not be null");
        }

        @Test
        void askingANullSkillOrChannel_isRefusedNamingIt_notABareNullPointerException() {
            assertThatThrownBy(() -> agent("ana", 1).proficiency(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("skill must not be null");
            assertThatThrownBy(() -> Capacity.of(1).limitOn(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("channel must not be null");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u00A0", "\u200B", "\uFEFF", "\u2007", "\u200B\u00A0 \t", "\u0007"})
        void idsMadeOnlyOfInvisibleCharacters_areRefused_forEveryId(String invisible) {
            List<Runnable> ids = List.of(
                    () -> Conversation.builder(invisible),
                    () -> conversation("c1").customer(invisible),
                    () -> conversation("c1").channel(invisible),
                    () -> conversation("c1").type(invisible),
                    () -> conversation("c1").attribute(invisible, "x"),
                    () -> conversation("c1").requires(invisible, 1),
                    () -> new Conversation("c1", "m", "chat", "general", Priority.NORMAL, false, invisible, "",
                            List.of(), Map.of(), START),
                    () -> Owner.agent(invisible),
                    () -> Owner.team(invisible),
                    () -> Owner.agent("ana").skill(invisible, 1),
                    () -> Owner.agent("ana").languages(invisible),
                    () -> Owner.agent("ana").channelCapacity(invisible, 1),
                    () -> new QueueSpec(invisible, Duration.ofMinutes(1)),
                    () -> Rule.builder(invisible),
                    () -> Rule.builder("r").owners(invisible),
                    () -> Rule.builder("r").queue(invisible),
                    () -> new Condition.Is(invisible, "x"),
                    () -> new Condition.Is("type", invisible),
                    () -> router().build().release(invisible),
                    () -> router().build().link("maria", invisible));
            for (Runnable id : ids) {
                assertThatThrownBy(id::run).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("must not be blank");
            }
        }

        @Test
        void anInvisibleOnlyId_isNamedByItsCodePoints() {
            assertThatThrownBy(() -> Owner.agent("\u200B\u00A0")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner id must not be blank, was only invisible characters U+200B U+00A0");
            assertThat(Owner.agent("ana\u200B").build().id()).as("a visible character is enough")
                    .isEqualTo("ana\u200B");
        }

        @Test
        void aRuleNamingAnOwnerNotOnTheRoster_isRefusedWhenTheRouterIsBuilt() {
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(5))),
                    List.of(Rule.builder("team").owners("ana", "tom").chain(firstAvailable()).queue("waiting")
                            .build()));

            assertThatThrownBy(() -> Router.builder().clock(clock).owner(agent("ana", 1)).plan(plan).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rule 'team' names unknown owner 'tom'; owners: [ana]");
        }

        @Test
        void aRuleNamingAnOwnerNotOnTheRoster_isRefusedWhenThePlanIsReplaced_andThePlanInForceStays() {
            Router router = router().build();
            RoutingPlan before = router.plan();
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(5))),
                    List.of(Rule.builder("team").owners("tom").chain(firstAvailable()).queue("waiting").build()));

            assertThatThrownBy(() -> router.replacePlan(plan)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rule 'team' names unknown owner 'tom'; owners: [ana]");
            assertThat(router.plan()).isEqualTo(before);
        }

        @Test
        void aBuilderOptionRefusingOneOfItsValues_leavesTheBuilderAsItWas() {
            Router.Builder router = Router.builder().clock(clock).fallbackQueue("waiting", Duration.ofMinutes(5));
            assertThatThrownBy(() -> router.chain(firstAvailable(), null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> router.owners(List.of(agent("ana", 1), agent("ana", 2))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> router.linkIdentitiesBy(IdentityKey.EMAIL, null))
                    .isInstanceOf(IllegalArgumentException.class);
            Rule.Builder rule = Rule.builder("r").queue("waiting");
            assertThatThrownBy(() -> rule.when(new Condition.Is("type", "x"), null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rule.owners("ana", null)).isInstanceOf(IllegalArgumentException.class);
            Owner.Builder owner = Owner.agent("ana");
            assertThatThrownBy(() -> owner.languages("en", null)).isInstanceOf(IllegalArgumentException.class);
            WeeklySchedule.Builder hours = WeeklySchedule.builder(ZoneOffset.UTC);
            assertThatThrownBy(() -> hours.open(LocalTime.NOON, LocalTime.MIDNIGHT,
                    DayOfWeek.MONDAY, null)).isInstanceOf(IllegalArgumentException.class);

            Router built = router.build();
            assertThat(built.plan().rules().get(0).chain()).isEmpty();
            assertThat(built.roster()).isEmpty();
            assertThat(rule.build().when()).isEmpty();
            assertThat(rule.build().owners()).isEmpty();
            assertThat(owner.build().languages()).isEmpty();
            assertThat(hours.build().week()).isEmpty();
        }

        @Test
        void setCapacityWithANegativeTotal_namesTheOwner_andKeepsChannelLimits() {
            Router router = Router.builder().clock(clock).owner(Owner.agent("ana").capacity(3)
                    .channelCapacity("phone", 1).build()).chain(firstAvailable())
                    .fallbackQueue("waiting", Duration.ofMinutes(15)).build();

            assertThatThrownBy(() -> router.setCapacity("ana", -3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("capacity of owner 'ana' must not be negative, was -3");
            router.setCapacity("ana", 5);
            assertThat(router.ownerStatus("ana").owner().capacity()).isEqualTo(Capacity.of(5).withChannel("phone", 1));
        }
    }
}
