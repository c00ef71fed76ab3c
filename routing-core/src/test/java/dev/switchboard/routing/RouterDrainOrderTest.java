package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Freed capacity follows the serve order across queues: whatever freed it, an owner who serves several rules' queues
 * gets the conversation {@link Router#waiting()} lists first among those it can take, not the first of the first
 * rule's queue. (Queues used to be drained in rule order on a release, but in serve order on a tick.)
 */
class RouterDrainOrderTest {

    private final ManualClock clock = new ManualClock(START);

    /** Billing conversations wait in {@code billing}, everything else in {@code support}; both rules serve everyone. */
    private Router.Builder twoRules() {
        return Router.builder().clock(clock).plan(new RoutingPlan(
                List.of(new QueueSpec("billing", Duration.ofHours(1)), new QueueSpec("support", Duration.ofHours(1))),
                List.of(Rule.builder("billing").when(new Condition.Is("type", "billing")).chain(firstAvailable())
                                .queue("billing").build(),
                        Rule.builder("support").chain(firstAvailable()).queue("support").build())));
    }

    /**
     * What frees room for ana, who serves both queues, while a NORMAL billing and an URGENT support case wait; those
     * that free a conversation she holds give her {@code busy} first.
     */
    enum Drain {
        RELEASE(true, builder -> builder.owner(agent("ana", 1)), scenario -> scenario.router().release("busy")),
        TRANSFER_AWAY(true, builder -> builder.owner(agent("ana", 1))
                .owner(Owner.agent("lead").capacity(1).autoAssign(false).build()),
                scenario -> scenario.router().transfer("busy", "lead", new Handoff("escalated", "", "call back"))),
        COMING_ONLINE(false, builder -> builder.owner(agent("ana", 1), Presence.AWAY),
                scenario -> scenario.router().setPresence("ana", Presence.ONLINE)),
        MORE_CAPACITY(false, builder -> builder.owner(agent("ana", 0)),
                scenario -> scenario.router().setCapacity("ana", Capacity.of(1))),
        JOINING(false, builder -> { }, scenario -> scenario.router().addOwner(agent("ana", 1))),
        TICK_AS_WORKING_HOURS_BEGIN(false, builder -> builder.owner(Owner.agent("ana").capacity(1)
                .hours(WeeklySchedule.builder(ZoneOffset.UTC).open(LocalTime.of(9, 0), LocalTime.of(17, 0),
                        DayOfWeek.MONDAY).build()).build()),
                scenario -> {
                    scenario.clock().set(START.plus(Duration.ofHours(1)));
                    scenario.router().tick();
                });

        final boolean busyFirst;
        final Consumer<Router.Builder> roster;
        final Consumer<Scenario> free;

        Drain(boolean busyFirst, Consumer<Router.Builder> roster, Consumer<Scenario> free) {
            this.busyFirst = busyFirst;
            this.roster = roster;
            this.free = free;
        }
    }

    @ParameterizedTest
    @EnumSource(Drain.class)
    void freedCapacityGoesToTheMostUrgentConversation_acrossTheQueuesTheOwnerServes(Drain drain) {
        Router.Builder builder = twoRules();
        drain.roster.accept(builder);
        Router router = builder.build();
        if (drain.busyFirst) {
            router.route(conversation("busy").build());
        }
        router.route(conversation("normal-billing").type("billing").createdAt(START.minusSeconds(600)).build());
        router.route(conversation("urgent-support").priority(Priority.URGENT).build());
        assertThat(router.waiting()).extracting(entry -> entry.conversation().id())
                .containsExactly("urgent-support", "normal-billing");

        drain.free.accept(new Scenario(router, clock));

        assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("urgent-support");
        assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("normal-billing");
    }

    @Test
    void withAging_theDrainFollowsTheAgedOrderThatWaitingLists() {
        Router router = twoRules().owner(agent("ana", 1)).priorityAging(Duration.ofMinutes(10)).build();
        router.route(conversation("busy").build());
        router.route(conversation("low-support").priority(Priority.LOW).createdAt(START.minusSeconds(3600)).build());
        router.route(conversation("high-billing").type("billing").priority(Priority.HIGH).build());
        String first = router.waiting().get(0).conversation().id();

        router.release("busy");

        assertThat(first).isEqualTo("low-support");
        assertThat(router.ownerStatus("ana").conversationIds()).containsExactly(first);
    }

    /** What a drain acts on. */
    record Scenario(Router router, ManualClock clock) {}
}
