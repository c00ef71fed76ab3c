package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.state.LiveStateSettings;
import dev.switchboard.routing.state.ServeOrder;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Snapshots of a router's live state: what they must agree on, restoring a router from one, and resuming a host's. */
class RouterSnapshotTest {

    private static final Duration SLA = Duration.ofMinutes(10);

    private static Router.Builder rotating(ManualClock clock) {
        return Router.builder().clock(clock).chain(TestStrategies.previousOwner(), TestStrategies.rotation())
                .fallbackQueue("waiting", SLA);
    }

    private static WaitingConversation waiting(String id) {
        return new WaitingConversation(conversation(id).build(), "waiting", "nobody free", START, START.plus(SLA));
    }

    private static Placement.Owned owned(String id, String ownerId) {
        return new Placement.Owned(conversation(id).build(), ownerId);
    }

    private static StateSnapshot.OwnerState owner(String id, int position, String... conversations) {
        return new StateSnapshot.OwnerState(agent(id, 2), position, Presence.ONLINE, List.of(conversations),
                StateSnapshot.Activity.NONE);
    }

    private static StateSnapshot snapshot(List<StateSnapshot.OwnerState> roster, List<Placement.Owned> owned,
            List<StateSnapshot.Waiting> waiting) {
        return snapshot(roster, owned, waiting, StateSnapshot.empty(START).customers(),
                StateSnapshot.empty(START).timers());
    }

    private static StateSnapshot snapshot(List<StateSnapshot.OwnerState> roster, List<Placement.Owned> owned,
            List<StateSnapshot.Waiting> waiting, StateSnapshot.Customers customers, StateSnapshot.Timers timers) {
        long next = roster.isEmpty() ? 0 : roster.get(roster.size() - 1).rosterPosition() + 1;
        return new StateSnapshot(START, roster, next, owned, List.of(), waiting, Map.of(), customers, timers);
    }

    private static StateSnapshot.Timers timers(Map<String, Instant> offline, Map<String, Instant> deadlines) {
        return new StateSnapshot.Timers(offline, deadlines, Map.of(), Map.of());
    }

    @Nested
    class ASnapshotIsConsistent {

        @Test
        void refusesAConversationInTwoPlaces() {
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 0, "c1")), List.of(owned("c1", "ana")),
                    List.of(new StateSnapshot.Waiting(waiting("c1"), false))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conversation 'c1' is in two places: owned by 'ana' and waiting in 'waiting'");
        }

        @Test
        void refusesAConversationOwnedTwice() {
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 0, "c1"), owner("ben", 1, "c1")),
                    List.of(owned("c1", "ana"), owned("c1", "ben")), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conversation 'c1' is in two places: owned by 'ana' and owned by 'ben'");
        }

        @Test
        void refusesAnOwnerNotOnTheRoster() {
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 0)), List.of(owned("c1", "zed")), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner of conversation 'c1': owner 'zed' is not on the roster");
        }

        @Test
        void refusesAnOfferToAnOwnerNotOnTheRoster() {
            Placement.Offered offer = new Placement.Offered(conversation("c1").build(), List.of("ana", "zed"), START,
                    START.plusSeconds(60));
            assertThatThrownBy(() -> new StateSnapshot(START, List.of(owner("ana", 0, "c1")), 1, List.of(),
                    List.of(offer), List.of(), Map.of(), StateSnapshot.empty(START).customers(),
                    StateSnapshot.empty(START).timers()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner offered conversation 'c1': owner 'zed' is not on the roster");
        }

        @Test
        void refusesAnOwnerListingWhatItDoesNotHold() {
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 0, "c1", "c2")), List.of(owned("c1", "ana")),
                    List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner 'ana' lists conversations [c1, c2] but owns or is offered [c1]");
        }

        @Test
        void refusesAnOwnerNotListingWhatItHolds() {
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 0)), List.of(owned("c1", "ana")), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner 'ana' lists conversations [] but owns or is offered [c1]");
        }

        @Test
        void refusesAnOwnerTwiceOnTheRoster_andPositionsOutOfOrder() {
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 0), owner("ana", 1)), List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner 'ana' is on the roster twice");
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 1), owner("ben", 1)), List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("rosterPosition of owner 'ben' must be above the previous owner's (1)");
        }

        @Test
        void refusesANextRosterPositionBelowTheRosterOrBeyondTheBound() {
            StateSnapshot empty = StateSnapshot.empty(START);
            assertThatThrownBy(() -> new StateSnapshot(START, List.of(owner("ana", 0)), 0, List.of(), List.of(),
                    List.of(), Map.of(), empty.customers(), empty.timers()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("nextRosterPosition must be from the roster's size 1");
            assertThatThrownBy(() -> new StateSnapshot(START, List.of(), Long.MAX_VALUE, List.of(), List.of(),
                    List.of(), Map.of(), empty.customers(), empty.timers()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was " + Long.MAX_VALUE);
        }

        @Test
        void refusesTimersAboutWhatItDoesNotHold() {
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 0)), List.of(), List.of(),
                    StateSnapshot.empty(START).customers(), timers(Map.of("zed", START), Map.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("offlineSince: owner 'zed' is not on the roster");
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 0)), List.of(), List.of(),
                    StateSnapshot.empty(START).customers(), timers(Map.of("ana", START), Map.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("offlineSince: owner 'ana' is ONLINE, not offline");
            assertThatThrownBy(() -> snapshot(List.of(owner("ana", 0)), List.of(),
                    List.of(new StateSnapshot.Waiting(waiting("c1"), false)), StateSnapshot.empty(START).customers(),
                    timers(Map.of(), Map.of("c1", START))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("responseDeadlines: conversation 'c1' is not owned");
        }

        @Test
        void refusesLinksAndAliasesThatContradictEachOther() {
            StateSnapshot.Timers none = StateSnapshot.empty(START).timers();
            assertThatThrownBy(() -> snapshot(List.of(), List.of(), List.of(), new StateSnapshot.Customers(List.of(),
                    List.of(new StateSnapshot.LinkedIdentities("ana", List.of("a@x")),
                            new StateSnapshot.LinkedIdentities("bob", List.of("a@x"))), Map.of()), none))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("identity 'a@x' is linked twice");
            assertThatThrownBy(() -> snapshot(List.of(), List.of(), List.of(), new StateSnapshot.Customers(
                    List.of(new StateSnapshot.CustomerMemory("a@x", "ana", "ana", 1, START)),
                    List.of(new StateSnapshot.LinkedIdentities("ana", List.of("a@x"))), Map.of()), none))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("customer memory of 'a@x' is kept twice, or under an identity linked");
            assertThatThrownBy(() -> snapshot(List.of(), List.of(),
                    List.of(new StateSnapshot.Waiting(waiting("c1"), false), new StateSnapshot.Waiting(waiting("c2"),
                            false)), new StateSnapshot.Customers(List.of(), List.of(), Map.of("c1", List.of("c2"))),
                    none))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("alias 'c2' of conversation 'c1' is an open conversation");
        }

        @Test
        void refusesActivityOutOfOrder() {
            assertThatThrownBy(() -> new StateSnapshot.Activity(START, List.of(START, START.minusSeconds(1)),
                    Instant.MIN, List.of(), Instant.MIN, Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("recentAssignments must be oldest first, but recentAssignments[1]");
        }

        @Test
        void keepsALoadAboveCapacity_asARouterWhoseCapacityWasLoweredDoes() {
            ManualClock clock = new ManualClock(START);
            Router router = rotating(clock).owner(agent("ana", 2)).build();
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());
            router.setCapacity("ana", 1);

            Router restored = rotating(clock).restoreFrom(router.snapshot()).build();

            assertThat(restored.ownerStatus("ana").load()).isEqualTo(2);
            assertThat(restored.route(conversation("c3").build())).isInstanceOf(Decision.Queued.class);
        }
    }

    @Nested
    class Restoring {

        @Test
        void refusesAStoreThatAlreadyHoldsState_leavingItUnchanged() {
            InMemoryLiveState store = new InMemoryLiveState(new LiveStateSettings(new ManualClock(START),
                    ServeOrder.WITHOUT_AGING, 10, Duration.ofDays(1), false, Duration.ZERO));
            store.addOwner(agent("ana", 1), Presence.ONLINE);
            StateSnapshot before = store.snapshot();

            assertThatThrownBy(() -> store.restore(snapshot(List.of(owner("ben", 0)), List.of(), List.of())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("only an empty store can be restored from a snapshot");
            assertThat(store.snapshot()).isEqualTo(before);
        }

        @Test
        void refusesOwnersAddedBesidesTheSnapshot() {
            StateSnapshot snapshot = snapshot(List.of(owner("ana", 0)), List.of(), List.of());
            Router.Builder builder = rotating(new ManualClock(START)).owner(agent("ben", 1)).restoreFrom(snapshot);

            assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("takes its roster and conversations from it");
        }

        @Test
        void keepsTheRotationsPlace_acrossThePositionsOfOwnersWhoLeft() {
            ManualClock clock = new ManualClock(START);
            Router router = rotating(clock).owner(agent("o0", 5)).owner(agent("o1", 5)).owner(agent("o2", 5))
                    .owner(agent("o3", 5)).build();
            router.route(conversation("c1").build()); // o0, the rotation's cursor moves to position 1
            router.removeOwner("o1");
            router.removeOwner("o3");
            router.addOwner(agent("o4", 5)); // at position 4

            Router restored = rotating(clock).restoreFrom(router.snapshot()).build();

            assertThat(((Decision.Assigned) restored.route(conversation("c2").build())).ownerId()).isEqualTo("o2");
            assertThat(((Decision.Assigned) restored.route(conversation("c3").build())).ownerId()).isEqualTo("o4");
            restored.addOwner(agent("o5", 5));
            assertThat(restored.snapshot().roster().get(3).rosterPosition()).isEqualTo(5);
        }

        @Test
        void forgetsACustomersPreviousOwner_whenItsTtlRunsOutWhileTheHostIsDown() {
            ManualClock clock = new ManualClock(START);
            Router router = rotating(clock).customerMemory(10, Duration.ofMinutes(30)).owner(agent("ana", 5))
                    .owner(agent("ben", 5)).build();
            router.route(conversation("c1").customer("maria").build());
            router.release("c1");

            clock.advance(Duration.ofMinutes(31));
            Router restored = rotating(clock).customerMemory(10, Duration.ofMinutes(30))
                    .restoreFrom(router.snapshot()).build();

            assertThat(((Decision.Assigned) restored.route(conversation("c2").customer("maria").build())).ownerId())
                    .as("the rotation's next owner, as maria is forgotten").isEqualTo("ben");
        }

        @Test
        void remembersACustomersPreviousOwner_withinItsTtl() {
            ManualClock clock = new ManualClock(START);
            Router router = rotating(clock).customerMemory(10, Duration.ofMinutes(30)).owner(agent("ana", 5))
                    .owner(agent("ben", 5)).build();
            router.route(conversation("c1").customer("maria").build());
            router.release("c1");

            clock.advance(Duration.ofMinutes(29));
            Router restored = rotating(clock).customerMemory(10, Duration.ofMinutes(30))
                    .restoreFrom(router.snapshot()).build();

            assertThat(((Decision.Assigned) restored.route(conversation("c2").customer("maria").build())).ownerId())
                    .isEqualTo("ana");
        }
    }

    @Nested
    class Resuming {

        private Router.Builder roster(ManualClock clock) {
            return rotating(clock).owner(agent("ana", 2)).owner(Owner.agent("ben").capacity(2)
                    .channelCapacity("phone", 1).build());
        }

        @Test
        void placesWhatTheHostHolds_andRemembersEachCustomersOwner() {
            ManualClock clock = new ManualClock(START);
            Router router = roster(clock).resume(List.of(owned("c1", "ben"), owned("c2", "ana")),
                    List.of(waiting("c4"), waiting("c3"))).build();

            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c2");
            assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("c3", "c4");
            assertThat(((Decision.Assigned) router.route(conversation("c5").customer("customer-c1").build()))
                    .ownerId()).as("the owner of the customer's resumed conversation").isEqualTo("ben");
            router.tick();
            assertThat(router.placement("c3").orElseThrow()).isInstanceOf(Placement.Owned.class);
            assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("c4");
        }

        @Test
        void refusesAnOwnerNotOnTheRoster_andBuildsNothing() {
            Router.Builder builder = roster(new ManualClock(START)).resume(List.of(owned("c1", "zed")), List.of());

            assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner 'zed' of resumed conversation 'c1' is not on the roster");
        }

        @Test
        void refusesAnOwnerOverItsCapacity_inTotalOrOnAChannel() {
            Router.Builder total = roster(new ManualClock(START)).resume(List.of(owned("c1", "ana"),
                    owned("c2", "ana"), owned("c3", "ana")), List.of());
            Router.Builder phone = roster(new ManualClock(START)).resume(List.of(
                    new Placement.Owned(conversation("c1").channel("phone").build(), "ben"),
                    new Placement.Owned(conversation("c2").channel("phone").build(), "ben")), List.of());

            assertThatThrownBy(total::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner 'ana' would hold 3 resumed conversations, above its capacity of 2");
            assertThatThrownBy(phone::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner 'ben' would hold 2 resumed conversations on channel 'phone', above its limit"
                            + " of 1");
        }

        @Test
        void refusesAConversationResumedTwice() {
            assertThatThrownBy(() -> roster(new ManualClock(START)).resume(List.of(owned("c1", "ana")),
                    List.of(waiting("c1"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conversation 'c1' is resumed twice");
        }

        @Test
        void isSetOnce_andNotWithASnapshot() {
            Router.Builder builder = roster(new ManualClock(START)).resume(List.of(), List.of(waiting("c1")));

            assertThatThrownBy(() -> builder.resume(List.of(), List.of())).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the router already resumes conversations");
            assertThat(builder.build().waiting()).hasSize(1);
            assertThat(builder.build().waiting()).as("the builder is left unchanged").hasSize(1);
        }
    }
}
