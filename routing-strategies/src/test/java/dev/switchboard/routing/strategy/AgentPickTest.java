package dev.switchboard.routing.strategy;

import static dev.switchboard.routing.strategy.Fixtures.NOW;
import static dev.switchboard.routing.strategy.Fixtures.conversation;
import static dev.switchboard.routing.strategy.Fixtures.conversationBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.SkillRequirement;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AgentPickTest {

    private final AgentPick agentPick = new AgentPick("pool", Duration.ofMinutes(10));

    private static RoutingSnapshot at(Duration waited) {
        return RoutingSnapshot.of(NOW.plus(waited), List.of());
    }

    private static WaitingConversation waitingIn(String queue, Conversation conversation) {
        return new WaitingConversation(conversation, queue, "test", NOW, NOW.plus(Duration.ofMinutes(30)));
    }

    @Nested
    class Deciding {

        @Test
        void sendsTheConversationToThePool_beforeTheClaimDeadline() {
            assertThat(agentPick.decide(conversation("c"), at(Duration.ofSeconds(599)))).isEqualTo(
                    Verdict.enqueue("pool", "waiting in pool for an agent to claim it, until 09:10"));
        }

        @Test
        void passesAsExpired_fromTheClaimDeadlineOn() {
            Verdict verdict = agentPick.decide(conversation("c"), at(Duration.ofMinutes(10)));

            assertThat(verdict).isEqualTo(Verdict.pass(PassReason.EXPIRED,
                    "no agent claimed it from pool within 10m (deadline 09:10 passed)"));
        }

        @Test
        void countsTheWaitFromTheConversationsCreation() {
            Conversation older = conversationBuilder("c").createdAt(NOW.minus(Duration.ofMinutes(10))).build();

            assertThat(agentPick.decide(older, at(Duration.ZERO))).isInstanceOf(Verdict.Pass.class);
        }

        @Test
        void showsTheDeadlineInTheConfiguredZone() {
            AgentPick saoPaulo = AgentPick.builder("pool", Duration.ofMinutes(10))
                    .zone(ZoneId.of("America/Sao_Paulo")).build();

            assertThat(saoPaulo.decide(conversation("c"), at(Duration.ZERO)).reason()).endsWith("until 06:10");
        }
    }

    @Nested
    class Visibility {

        private final Owner ana = Owner.agent("ana").skill("billing", 3).languages("en").regions("north").build();

        @Test
        void anAgentSeesThePoolConversationsItMeetsTheRequirementsOf_inTheOrderGiven() {
            WaitingConversation first = waitingIn("pool", conversationBuilder("first").requires("billing", 3)
                    .language("en").region("north").build());
            WaitingConversation tooHard = waitingIn("pool", conversationBuilder("hard").requires("billing", 4).build());
            WaitingConversation spanish = waitingIn("pool", conversationBuilder("es").language("es").build());
            WaitingConversation south = waitingIn("pool", conversationBuilder("south").region("south").build());
            WaitingConversation otherSkill = waitingIn("pool", conversationBuilder("tech").requires("tech", 0).build());
            WaitingConversation last = waitingIn("pool", conversation("last"));

            assertThat(agentPick.visibleTo(ana, List.of(first, tooHard, spanish, south, otherSkill, last)))
                    .containsExactly(first, last);
        }

        @Test
        void anAgentSeesOnlyThePool() {
            WaitingConversation elsewhere = waitingIn("waiting", conversation("elsewhere"));

            assertThat(agentPick.visibleTo(ana, List.of(elsewhere))).isEmpty();
        }

        @Test
        void optionalSkillsCountInThePool_asTheyDoBeforeAnyRelaxation() {
            WaitingConversation wantsTech = waitingIn("pool", conversationBuilder("c")
                    .require(SkillRequirement.preferred("tech", 1)).build());

            assertThat(agentPick.visibleTo(ana, List.of(wantsTech))).isEmpty();
        }
    }

    @Nested
    class ThroughTheRouter {

        private final ManualClock clock = new ManualClock(NOW);
        private final List<RoutingEvent> events = new CopyOnWriteArrayList<>();

        private Router router(Owner... owners) {
            return Router.builder().clock(clock).owners(List.of(owners)).listener(events::add)
                    .chain(agentPick, new RoundRobin())
                    .queue("pool", Duration.ofMinutes(30))
                    .fallbackQueue("waiting", Duration.ofMinutes(15))
                    .build();
        }

        private final Owner ana = Owner.agent("ana").capacity(2).build();
        private final Owner bruno = Owner.agent("bruno").capacity(2).build();

        @Test
        void aConversationWaitsInThePool_untilAnAgentClaimsIt() {
            Router router = router(ana, bruno);

            Decision routed = router.route(conversation("c"));
            clock.advance(Duration.ofMinutes(3));
            router.tick();

            assertThat(routed).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("pool");
                assertThat(queued.reason()).isEqualTo("waiting in pool for an agent to claim it, until 09:10");
            });
            assertThat(agentPick.visibleTo(ana, router.waiting())).extracting(entry -> entry.conversation().id())
                    .containsExactly("c");

            Decision claimed = router.claim("bruno", "c");

            assertThat(claimed).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("bruno"));
            assertThat(router.placement("c")).contains(new Placement.Owned(conversation("c"), "bruno"));
            assertThat(agentPick.visibleTo(ana, router.waiting())).isEmpty();
        }

        @Test
        void twoAgentsClaimingAtOnce_oneGetsIt_andTheOtherIsToldWhoDid() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 300; round++) {
                    Router router = router(ana, bruno);
                    router.route(conversation("c"));
                    CyclicBarrier start = new CyclicBarrier(2);
                    Future<Decision> byAna = threads.submit(() -> {
                        start.await();
                        return router.claim("ana", "c");
                    });
                    Future<Decision> byBruno = threads.submit(() -> {
                        start.await();
                        return router.claim("bruno", "c");
                    });
                    List<Decision> decisions = List.of(byAna.get(), byBruno.get());

                    List<Decision.Assigned> winners = new ArrayList<>();
                    List<Decision.Rejected> losers = new ArrayList<>();
                    for (Decision decision : decisions) {
                        if (decision instanceof Decision.Assigned assigned) {
                            winners.add(assigned);
                        } else {
                            losers.add((Decision.Rejected) decision);
                        }
                    }
                    assertThat(winners).as("round %d", round).hasSize(1);
                    assertThat(losers).as("round %d", round).singleElement().extracting(Decision.Rejected::reason)
                            .isEqualTo("already owned by " + winners.get(0).ownerId());
                    assertThat(router.roster()).as("round %d", round)
                            .extracting(status -> status.load()).containsExactlyInAnyOrder(1, 0);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void aClaimBeyondTheAgentsCapacityIsRejected() {
            Router router = router(Owner.agent("ana").capacity(1).build());
            router.route(conversation("first"));
            router.route(conversation("second"));
            router.claim("ana", "first");

            Decision second = router.claim("ana", "second");

            assertThat(second).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> assertThat(rejected.reason())
                    .isEqualTo("owner ana has no free capacity on channel chat (load 1 of 1)"));
            assertThat(router.placement("second")).hasValueSatisfying(placement -> assertThat(placement)
                    .isInstanceOfSatisfying(Placement.Waiting.class, waiting -> assertThat(waiting.entry().queue())
                            .isEqualTo("pool")));
        }

        @Test
        void anUnclaimedConversationIsAssignedByTheNextStep_onTheFirstTickAfterTheDeadline() {
            Router router = router(ana, bruno);
            router.route(conversation("c"));

            clock.advance(Duration.ofMinutes(9));
            router.tick();
            assertThat(router.placement("c")).hasValueSatisfying(placement -> assertThat(placement)
                    .isInstanceOf(Placement.Waiting.class));

            clock.advance(Duration.ofMinutes(1));
            router.tick();

            assertThat(router.placement("c")).contains(new Placement.Owned(conversation("c"), "ana"));
            assertThat(events).filteredOn(RoutingEvent.Assigned.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(RoutingEvent.Assigned.class, assigned -> {
                        assertThat(assigned.strategy()).isEqualTo("round-robin");
                        assertThat(assigned.trace().explain()).isEqualTo("""
                                1. agent-pick passed (expired): no agent claimed it from pool within 10m \
                                (deadline 09:10 passed)
                                2. round-robin assigned ana: next in rotation among available owners""");
                    });
        }

        @Test
        void anUnclaimedConversationNobodyCanTakeMovesToTheFallbackQueue_afterTheDeadline() {
            Router router = router(ana);
            router.setPresence("ana", Presence.AWAY);
            router.route(conversation("c"));

            clock.advance(Duration.ofMinutes(10));
            router.tick();

            assertThat(router.waiting()).singleElement().satisfies(entry -> {
                assertThat(entry.queue()).isEqualTo("waiting");
                assertThat(entry.reason()).startsWith("no step could place the conversation");
            });
        }
    }

    @Nested
    class Configuration {

        @Test
        void rejectsABlankPoolQueue() {
            assertThatThrownBy(() -> new AgentPick(" ", Duration.ofMinutes(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("poolQueue must not be blank");
            assertThatThrownBy(() -> new AgentPick(null, Duration.ofMinutes(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("poolQueue must not be null");
        }

        @Test
        void rejectsAClaimDeadlineThatIsNotPositive() {
            assertThatThrownBy(() -> new AgentPick("pool", Duration.ofSeconds(-30)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("claimDeadline must be positive, was PT-30S");
            assertThatThrownBy(() -> new AgentPick("pool", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("claimDeadline must not be null");
        }

        @Test
        void rejectsABlankNameAndAMissingZone() {
            assertThatThrownBy(() -> AgentPick.builder("pool", Duration.ofMinutes(1)).name(""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("strategy name must not be blank");
            assertThatThrownBy(() -> AgentPick.builder("pool", Duration.ofMinutes(1)).zone(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("zone must not be null");
        }

        @Test
        void rejectsMissingVisibilityInput() {
            assertThatThrownBy(() -> new AgentPick("pool", Duration.ofMinutes(1)).visibleTo(null, List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("owner must not be null");
            assertThatThrownBy(() -> new AgentPick("pool", Duration.ofMinutes(1))
                    .visibleTo(Owner.agent("ana").build(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("waiting must not be null");
        }
    }
}
