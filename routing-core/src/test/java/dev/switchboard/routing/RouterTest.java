package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.typeToQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RouterTest extends RouterScenario {

    private static Handoff handoff() {
        return new Handoff("Patient asks to move a cleaning", "Offered Tuesday 10:00", "Confirm the new slot");
    }

    @Nested
    class Routing {
        @Test
        void assignsThroughTheChain_andExplainsWhy() {
            Router router = routerWith(agent("ana", 2)).build();

            Decision decision = router.route(conversation("c1").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class, assigned -> {
                assertThat(assigned.ownerId()).isEqualTo("ana");
                assertThat(assigned.strategy()).isEqualTo("first-available");
                assertThat(assigned.trace().explain()).isEqualTo("1. first-available assigned ana: first owner with room");
            });
            assertThat(router.ownerStatus("ana").load()).isEqualTo(1);
            assertThat(eventsOf(RoutingEvent.Assigned.class)).singleElement()
                    .satisfies(event -> assertThat(event.ownerId()).isEqualTo("ana"));
        }

        @Test
        void queuesWithSlaDeadline_whenNobodyHasRoom_andTheTraceSaysWhyEachStepPassed() {
            Router router = routerWith(agent("ana", 0)).build();

            Decision decision = router.route(conversation("c1").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("waiting");
                assertThat(queued.slaDeadline()).isEqualTo(START.plus(Duration.ofMinutes(15)));
                assertThat(queued.trace().explain()).isEqualTo("""
                        1. first-available passed (no capacity): nobody has room
                        2. fallback queued in waiting: no step could place the conversation (last: nobody has room)""");
            });
            assertThat(router.placement("c1")).containsInstanceOf(Placement.Waiting.class);
        }

        @Test
        void routingAnOpenConversationAgain_returnsWhereItIs_andNeverAssignsTwice() {
            Router router = routerWith(agent("ana", 1), agent("ben", 1)).build();
            router.route(conversation("c1").build());

            Decision again = router.route(conversation("c1").channel("email").build());

            assertThat(again).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ana"));
            assertThat(router.ownerStatus("ana").load()).isEqualTo(1);
            assertThat(router.ownerStatus("ben").load()).isZero();
            assertThat(router.stats().routed()).isEqualTo(1);
        }

        @Test
        void aChainStepCanSendToANamedQueue() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 5))
                    .chain(typeToQueue("complaint", "manual-review"), firstAvailable())
                    .queue("manual-review", Duration.ofHours(4)).fallbackQueue("waiting", Duration.ofMinutes(15))
                    .build();

            Decision decision = router.route(conversation("c1").type("complaint").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("manual-review");
                assertThat(queued.slaDeadline()).isEqualTo(START.plus(Duration.ofHours(4)));
            });
        }

        @Test
        void aStepThatPicksAnOwnerWithoutRoom_isSkipped_andTheNextStepDecides() {
            Strategy careless = TestStrategies.strategy("careless",
                    (conversation, view) -> new Verdict.Assign("ana", "always ana", java.util.Map.of()));
            Router router = Router.builder().clock(clock).owner(agent("ana", 0)).owner(agent("ben", 1))
                    .chain(careless, firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(5)).build();

            Decision decision = router.route(conversation("c1").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class, assigned -> {
                assertThat(assigned.ownerId()).isEqualTo("ben");
                assertThat(assigned.trace().explain()).isEqualTo("""
                        1. careless passed (faulty step): the step assigned owner 'ana', who cannot take it (ONLINE, \
                        free capacity 0); skipped
                        2. first-available assigned ben: first owner with room""");
            });
            assertThat(router.ownerStatus("ana").load()).isZero();
            assertThat(CapturedLogs.lines()).hasSize(1);
        }

        @Test
        void aRejectedConversationIsHandedBack_andNotKept() {
            Strategy spamFilter = TestStrategies.strategy("spam-filter",
                    (conversation, view) -> Verdict.reject("looks like spam"));
            Router router = Router.builder().clock(clock).owner(agent("ana", 1)).chain(spamFilter)
                    .fallbackQueue("waiting", Duration.ofMinutes(5)).build();

            assertThat(router.route(conversation("c1").build())).isInstanceOfSatisfying(Decision.Rejected.class,
                    rejected -> assertThat(rejected.reason()).isEqualTo("looks like spam"));
            assertThat(router.placement("c1")).isEmpty();
        }
    }

    @Nested
    class WaitingQueue {
        @Test
        void servesWaitingConversationsByPriority_thenVip_thenAge_whenCapacityFrees() {
            Router router = routerWith(agent("ana", 1)).build();
            router.route(conversation("busy").build());
            router.route(conversation("old-normal").createdAt(START.minusSeconds(60)).build());
            router.route(conversation("urgent").priority(Priority.URGENT).build());
            router.route(conversation("vip").vip(true).build());
            router.route(conversation("new-normal").build());

            assertThat(router.waiting()).extracting(entry -> entry.conversation().id())
                    .containsExactly("urgent", "vip", "old-normal", "new-normal");

            router.release("busy");
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("urgent");
            router.release("urgent");
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("vip");
        }

        @Test
        void agingLiftsLowPriorityWork_soItIsNotStarved() {
            Router router = routerWith(agent("ana", 1)).priorityAging(Duration.ofMinutes(10)).build();
            router.route(conversation("busy").build());
            router.route(conversation("low").priority(Priority.LOW).build());
            clock.advance(Duration.ofMinutes(31));
            router.route(conversation("high").priority(Priority.HIGH).createdAt(clock.instant()).build());

            router.release("busy");

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("low");
        }

        @Test
        void drainsWhenAnOwnerComesOnline() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 1), Presence.OFFLINE)
                    .chain(firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(5)).build();
            router.route(conversation("c1").build());

            router.setPresence("ana", Presence.ONLINE);

            assertThat(router.placement("c1")).hasValueSatisfying(placement ->
                    assertThat(placement).isEqualTo(new Placement.Owned(conversation("c1").build(), "ana")));
        }

        @Test
        void drainsWhenCapacityIsRaised_orAnOwnerJoins() {
            Router router = routerWith(agent("ana", 0)).build();
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());

            router.setCapacity("ana", Capacity.of(1));
            router.addOwner(agent("ben", 3));

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c2");
            assertThat(router.waiting()).isEmpty();
        }

        @Test
        void reportsEachSlaBreachOnce() {
            Router router = routerWith(agent("ana", 0)).build();
            router.route(conversation("c1").build());

            clock.advance(Duration.ofMinutes(15).minusSeconds(1));
            router.tick();
            assertThat(eventsOf(RoutingEvent.SlaBreached.class)).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            router.tick();
            router.tick();
            assertThat(eventsOf(RoutingEvent.SlaBreached.class)).singleElement().satisfies(breach -> {
                assertThat(breach.slaDeadline()).isEqualTo(START.plus(Duration.ofMinutes(15)));
                assertThat(breach.queue()).isEqualTo("waiting");
            });
            assertThat(router.stats().slaBreached()).isEqualTo(1);
        }

        @Test
        void releasingAWaitingConversation_removesItFromTheQueue() {
            Router router = routerWith(agent("ana", 0)).build();
            router.route(conversation("c1").build());

            router.release("c1");

            assertThat(router.waiting()).isEmpty();
            assertThat(eventsOf(RoutingEvent.Released.class)).singleElement()
                    .satisfies(released -> assertThat(released.from()).isEqualTo("waiting"));
        }
    }

    @Nested
    class PerChannelCapacity {
        @Test
        void aChannelLimitBelowTheTotal_holdsOnThatChannelOnly() {
            Router router = routerWith(Owner.agent("ana").capacity(3).channelCapacity("phone", 1).build()).build();

            router.route(conversation("call-1").channel("phone").build());
            Decision secondCall = router.route(conversation("call-2").channel("phone").build());
            Decision chat = router.route(conversation("chat-1").build());

            assertThat(secondCall).isInstanceOf(Decision.Queued.class);
            assertThat(chat).isInstanceOf(Decision.Assigned.class);
            assertThat(router.ownerStatus("ana").loadByChannel()).containsEntry("phone", 1).containsEntry("chat", 1);
        }

        @Test
        void aChannelWhoseConversationsWereAllReleased_leavesTheLoadByChannel() {
            Router router = routerWith(Owner.agent("ana").capacity(3).channelCapacity("phone", 1).build()).build();
            router.route(conversation("call-1").channel("phone").build());
            router.route(conversation("chat-1").build());

            router.release("call-1");

            assertThat(router.ownerStatus("ana").loadByChannel()).containsExactlyEntriesOf(Map.of("chat", 1));
            assertThat(router.roster()).singleElement()
                    .satisfies(status -> assertThat(status.loadByChannel()).containsOnlyKeys("chat"));
            assertThat(router.ownerStatus("ana").freeCapacityOn("phone")).isEqualTo(1);

            router.release("chat-1");

            assertThat(router.ownerStatus("ana").loadByChannel()).isEmpty();
            router.route(conversation("call-2").channel("phone").build());
            assertThat(router.ownerStatus("ana").loadByChannel()).containsExactlyEntriesOf(Map.of("phone", 1));
        }
    }

    /**
     * A step may only assign an owner the router would let it choose: one of the rule's owners on the roster, not held
     * back, available, with room on the channel. Anything else is a faulty step: the router skips it, says so in the
     * trace and the log, and the conversation falls through the chain (here, to the rule's queue).
     */
    @Nested
    class StepsThatAssignWhoCannotTakeIt {
        /** Assigns the owner the conversation's {@code pick} attribute names. */
        private final Strategy careless = TestStrategies.strategy("careless",
                (conversation, view) -> new Verdict.Assign(conversation.attributes().get("pick"), "picked", Map.of()));
        private Router router;

        /** A rule for ana, full, away and opted-out, with full given its one conversation; outsider is on the roster. */
        @BeforeEach
        void build() {
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(15))), List.of(
                    Rule.builder("team").owners("ana", "full", "away", "opted-out").chain(careless).queue("waiting")
                            .build()));
            router = Router.builder().clock(clock).plan(plan).listener(events::add).owner(agent("ana", 2))
                    .owner(agent("full", 1)).owner(agent("away", 2), Presence.AWAY)
                    .owner(Owner.agent("opted-out").capacity(2).autoAssign(false).build()).owner(agent("outsider", 2))
                    .build();
            router.route(conversation("c0").attribute("pick", "full").build());
            router.route(conversation("c1").attribute("pick", "ana").build());
        }

        @Test
        void anOwnerNotOnTheRoster() {
            skipped("ghost", "the step assigned owner 'ghost', who is not on the roster or not among the"
                    + " rule's owners");
        }

        @Test
        void anOwnerOnTheRosterButNotAmongTheRulesOwners() {
            skipped("outsider", "the step assigned owner 'outsider', who is not on the roster or not among"
                    + " the rule's owners");
        }

        @Test
        void aFullOwner() {
            skipped("full", "the step assigned owner 'full', who cannot take it (ONLINE, free capacity 0)");
        }

        @Test
        void anAwayOwner() {
            skipped("away", "the step assigned owner 'away', who cannot take it (AWAY, free capacity 2)");
        }

        @Test
        void anOwnerHeldBackFromAutomaticAssignment() {
            skipped("opted-out", "the step assigned owner 'opted-out', who is held back from this"
                    + " decision: it opted out of automatic assignment");
        }

        /**
         * Routing a conversation that picks the owner skips the step, naming the owner and why, in the trace and once in
         * the log; the conversation waits in the rule's queue, and nobody's load changes.
         */
        private void skipped(String ownerId, String fault) {
            List<OwnerStatus> roster = router.roster();
            RouterStats stats = router.stats();
            CapturedLogs.clear();

            Decision decision = router.route(conversation("c2").attribute("pick", ownerId).build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("waiting");
                assertThat(queued.trace().steps()).first().satisfies(step -> {
                    assertThat(step.strategy()).isEqualTo("careless");
                    assertThat(step.verdict()).isEqualTo(Verdict.pass(PassReason.FAULTY_STEP, fault + "; skipped"));
                });
            });
            assertThat(router.roster()).isEqualTo(roster);
            assertThat(router.stats().assigned()).isEqualTo(stats.assigned());
            assertThat(router.stats().queued()).isEqualTo(stats.queued() + 1);
            assertThat(CapturedLogs.lines()).singleElement().satisfies(line -> {
                assertThat(line.message()).contains("'careless'", "'c2'", fault);
                assertThat(line.thrown()).isNull();
            });
            assertThat(router.claim("ana", "c2")).as("the conversation can still be served")
                    .isInstanceOf(Decision.Assigned.class);
        }
    }

    @Nested
    class Transfers {
        @Test
        void movesTheConversation_withItsHandoff_andCountsAReroute() {
            Router router = routerWith(agent("ana", 1), agent("ben", 1)).build();
            router.route(conversation("c1").build());

            Decision.Assigned moved = router.transfer("c1", "ben", handoff());

            assertThat(moved.ownerId()).isEqualTo("ben");
            assertThat(moved.trace().explain()).contains("transferred by ana: Patient asks to move a cleaning");
            assertThat(router.ownerStatus("ana").load()).isZero();
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
            assertThat(eventsOf(RoutingEvent.Transferred.class)).singleElement().satisfies(event -> {
                assertThat(event.fromOwnerId()).isEqualTo("ana");
                assertThat(event.handoff().nextAction()).isEqualTo("Confirm the new slot");
            });
            assertThat(router.stats().transferred()).isEqualTo(1);
            assertThat(router.stats().rerouteRate()).isEqualTo(1.0);
        }

        @Test
        void freedCapacityDrainsTheQueue() {
            Router router = routerWith(agent("ana", 1), Owner.agent("ben").capacity(2).channelCapacity("phone", 0).build())
                    .build();
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());
            router.route(conversation("call").channel("phone").build());

            router.transfer("c1", "ben", handoff());

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("call");
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c2", "c1");
        }

        @Test
        void refusesAnOwnerWithoutCapacity_namingTheOwner() {
            Router router = routerWith(agent("ana", 1), agent("ben", 0)).build();
            router.route(conversation("c1").build());

            assertThatThrownBy(() -> router.transfer("c1", "ben", handoff()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("toOwnerId 'ben'").hasMessageContaining("no free capacity");
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
        }

        @Test
        void refusesAnOfflineOwner() {
            Router router = routerWith(agent("ana", 1)).owner(agent("ben", 1), Presence.OFFLINE).build();
            router.route(conversation("c1").build());

            assertThatThrownBy(() -> router.transfer("c1", "ben", handoff()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("OFFLINE");
        }

        @Test
        void refusesUnknownOwners_unknownConversations_andTheCurrentOwner() {
            Router router = routerWith(agent("ana", 1)).build();
            router.route(conversation("c1").build());

            assertThatThrownBy(() -> router.transfer("c1", "zed", handoff()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toOwnerId 'zed'");
            assertThatThrownBy(() -> router.transfer("nope", "ana", handoff()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conversationId 'nope'");
            assertThatThrownBy(() -> router.transfer("c1", "ana", handoff()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already owns");
        }
    }

    @Nested
    class Claims {
        @Test
        void anOwnerClaimsAWaitingConversation() {
            Router router = routerWith(agent("ana", 0)).owner(agent("ben", 1), Presence.AWAY).build();
            router.route(conversation("c1").build());
            router.setPresence("ben", Presence.BUSY);

            Decision claim = router.claim("ben", "c1");

            assertThat(claim).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.strategy()).isEqualTo("claim"));
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
        }

        @Test
        void aSecondClaimIsRejected_namingWhoHasIt() {
            Router router = routerWith(agent("ana", 0)).owner(agent("ben", 1), Presence.BUSY)
                    .owner(agent("cy", 1), Presence.BUSY).build();
            router.route(conversation("c1").build());
            router.claim("ben", "c1");

            assertThat(router.claim("cy", "c1")).isInstanceOfSatisfying(Decision.Rejected.class,
                    rejected -> assertThat(rejected.reason()).isEqualTo("already owned by ben"));
        }

        @Test
        void aClaimBeyondCapacityIsRejected() {
            Router router = routerWith(agent("ana", 0)).build();
            router.route(conversation("c1").build());

            assertThat(router.claim("ana", "c1")).isInstanceOfSatisfying(Decision.Rejected.class,
                    rejected -> assertThat(rejected.reason()).contains("no free capacity"));
            assertThat(router.placement("c1")).containsInstanceOf(Placement.Waiting.class);
        }
    }

    @Nested
    class OwnersGoingOffline {
        @Test
        void reassignsAtOnce_byDefault() {
            Router router = routerWith(agent("ana", 2), agent("ben", 1)).build();
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());

            router.setPresence("ana", Presence.OFFLINE);

            assertThat(router.ownerStatus("ana").load()).isZero();
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
            assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("c2");
            assertThat(eventsOf(RoutingEvent.Rerouted.class)).hasSize(2);
            assertThat(router.stats().rerouted()).isEqualTo(2);
        }

        @Test
        void keepsConversationsDuringTheGracePeriod_andReroutesWhenItEnds() {
            Router router = routerWith(agent("ana", 1), agent("ben", 1))
                    .offlinePolicy(OfflinePolicy.keepFor(Duration.ofMinutes(5))).build();
            router.route(conversation("c1").build());
            router.setPresence("ana", Presence.OFFLINE);

            clock.advance(Duration.ofMinutes(5).minusSeconds(1));
            router.tick();
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");

            clock.advance(Duration.ofSeconds(1));
            router.tick();
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
        }

        @Test
        void anOwnerBackWithinTheGracePeriod_keepsItsConversations() {
            Router router = routerWith(agent("ana", 1), agent("ben", 1))
                    .offlinePolicy(OfflinePolicy.keepFor(Duration.ofMinutes(5))).build();
            router.route(conversation("c1").build());
            router.setPresence("ana", Presence.OFFLINE);
            clock.advance(Duration.ofMinutes(2));
            router.setPresence("ana", Presence.ONLINE);

            clock.advance(Duration.ofMinutes(10));
            router.tick();

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
        }

        @Test
        void anOwnerLeavingTheRoster_hasItsConversationsRerouted() {
            Router router = routerWith(agent("ana", 1), agent("ben", 1)).build();
            router.route(conversation("c1").build());

            router.removeOwner("ana");

            assertThat(router.roster()).extracting(status -> status.owner().id()).containsExactly("ben");
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
            assertThat(events.get(events.size() - 1)).isInstanceOf(RoutingEvent.OwnerLeft.class);
        }
    }

    @Nested
    class Listeners {
        @Test
        void aThrowingListenerNeitherStopsRoutingNorOtherListeners() {
            List<RoutingEvent> seen = new CopyOnWriteArrayList<>();
            Router router = Router.builder().clock(clock).owner(agent("ana", 2)).chain(firstAvailable())
                    .fallbackQueue("waiting", Duration.ofMinutes(5))
                    .listener(event -> {
                        throw new IllegalStateException("Slack is down");
                    })
                    .listener(seen::add)
                    .build();

            Decision first = router.route(conversation("c1").build());
            Decision second = router.route(conversation("c2").build());

            assertThat(first).isInstanceOf(Decision.Assigned.class);
            assertThat(second).isInstanceOf(Decision.Assigned.class);
            assertThat(seen).hasSize(2);
            assertThat(router.ownerStatus("ana").load()).isEqualTo(2);
            assertThat(CapturedLogs.lines()).hasSize(2).allSatisfy(line -> {
                assertThat(line.message()).contains("failed on Assigned event");
                assertThat(line.thrown()).hasMessage("Slack is down");
            });
        }

        @Test
        void aListenerMayCallBackIntoTheRouter() {
            List<String> released = new CopyOnWriteArrayList<>();
            Router[] holder = new Router[1];
            holder[0] = routerWith(agent("ana", 1)).listener(event -> {
                if (event instanceof RoutingEvent.Assigned assigned && assigned.conversation().id().equals("c1")) {
                    holder[0].release("c1");
                    released.add("c1");
                }
            }).build();

            holder[0].route(conversation("c1").build());

            assertThat(released).containsExactly("c1");
            assertThat(holder[0].placement("c1")).isEmpty();
        }

        @Test
        void presenceAndCapacityChangesAreReported() {
            Router router = routerWith(agent("ana", 1)).build();

            router.setPresence("ana", Presence.BUSY);
            router.setPresence("ana", Presence.BUSY);
            router.setCapacity("ana", Capacity.of(4));

            assertThat(eventsOf(RoutingEvent.PresenceChanged.class)).singleElement()
                    .isEqualTo(new RoutingEvent.PresenceChanged(START, "ana", Presence.ONLINE, Presence.BUSY));
            assertThat(eventsOf(RoutingEvent.CapacityChanged.class)).singleElement()
                    .isEqualTo(new RoutingEvent.CapacityChanged(START, "ana", Capacity.of(1), Capacity.of(4)));
        }
    }

    @Nested
    class BadInput {
        @Test
        void nullOrBlankIdsAreRefused_namingTheField() {
            Router router = routerWith(agent("ana", 1)).build();

            assertThatThrownBy(() -> router.release(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conversationId must not be blank");
            assertThatThrownBy(() -> router.setPresence(null, Presence.ONLINE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("ownerId must not be null");
            assertThatThrownBy(() -> router.claim("ana", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conversationId must not be blank");
        }

        @Test
        void unknownOwnersAndConversationsAreRefused() {
            Router router = routerWith(agent("ana", 1)).build();

            assertThatThrownBy(() -> router.setPresence("zed", Presence.ONLINE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("ownerId 'zed' is not on the roster");
            assertThatThrownBy(() -> router.release("c9")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("conversationId 'c9' is not open");
            assertThatThrownBy(() -> router.removeOwner("zed")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> router.ownerStatus("zed")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void duplicateOwnerIdsAreRefused() {
            assertThatThrownBy(() -> routerWith(agent("ana", 1), agent("ana", 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("owner id 'ana' is on the roster twice");
            Router router = routerWith(agent("ana", 1)).build();
            assertThatThrownBy(() -> router.addOwner(agent("ana", 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("owner id 'ana' is already on the roster");
        }

        @Test
        void aRouterNeedsAFallbackQueue_andUniqueStepNames() {
            assertThatThrownBy(() -> Router.builder().build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("fallback queue is required");
            assertThatThrownBy(() -> Router.builder().chain(firstAvailable(), firstAvailable())
                    .fallbackQueue("waiting", Duration.ofMinutes(1)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'first-available' is used twice");
            assertThatThrownBy(() -> Router.builder().fallbackQueue("waiting", Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sla of queue 'waiting'");
        }
    }
}
