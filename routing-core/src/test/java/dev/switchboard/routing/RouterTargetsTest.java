package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.rotation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Ordered targets that move, as TaskRouter's workflow targets and FreeSWITCH's tiers pick: first the first target's
 * owners, then, once its timeout has passed, the next target's, without the earlier ones unless the rule keeps them;
 * a tier whose agents are all logged out is skipped at once ({@code tier-rule-no-agent-no-wait}).
 */
class RouterTargetsTest {

    private static final Duration TIER = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(START);
    private final List<String> picks = new ArrayList<>();

    /** Tier 1: a1, a2; tier 2: b1; tier 3: c1; each owner has room for one conversation. */
    private Router router(Targets.Builder tiers) {
        Targets targets = tiers.then(TIER, "a1", "a2").then(TIER, "b1").then(TIER, "c1").build();
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("support", Duration.ofMinutes(10))),
                List.of(Rule.builder("support").targets(targets).chain(rotation()).queue("support").build()));
        Router.Builder builder = Router.builder().clock(clock).plan(plan).listener(event -> {
            if (event instanceof RoutingEvent.Assigned assigned) {
                picks.add(assigned.conversation().id() + "->" + assigned.ownerId());
            }
        });
        for (String id : List.of("a1", "a2", "b1", "c1")) {
            builder.owner(agent(id, 1));
        }
        return builder.build();
    }

    private Conversation arriving(String id) {
        return conversation(id).createdAt(clock.instant()).build();
    }

    private void seconds(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Nested
    class Moving {
        @Test
        void eachConversationStartsAtTheFirstTier_andMovesOnAsEachTimeoutPasses() {
            Router router = router(Targets.builder());

            router.route(arriving("c1"));
            router.route(arriving("c2"));
            router.route(arriving("c3")); // tier 1 is full: waits for it
            seconds(30);
            router.tick(); // c3 moves to tier 2: b1
            router.route(arriving("c4")); // a new conversation starts at tier 1 again, full: waits
            seconds(30);
            router.tick(); // c4 moves to tier 2, full
            seconds(30);
            router.tick(); // c4 moves to tier 3: c1

            assertThat(picks).containsExactly("c1->a1", "c2->a2", "c3->b1", "c4->c1");
        }

        @Test
        void onceItMovedOn_theEarlierTiersOwnersNoLongerGetIt_evenWhenTheyFreeUp() {
            Router router = router(Targets.builder());
            router.route(arriving("c1"));
            router.route(arriving("c2"));
            router.route(arriving("b-busy")); // b1 full too, after c3 moves there
            seconds(30);
            router.tick();
            router.route(arriving("c3"));
            seconds(30);
            router.tick(); // c3 at tier 2, whose b1 is full

            router.release("c1"); // a1 is free, but c3 is past tier 1

            assertThat(router.placement("c3")).get().isInstanceOf(Placement.Waiting.class);
            assertThat(picks).containsExactly("c1->a1", "c2->a2", "b-busy->b1");
        }

        @Test
        void theDecisionsTrace_saysWhichTargetItReached() {
            Router router = router(Targets.builder());
            router.setPresence("a1", Presence.OFFLINE);
            router.setPresence("a2", Presence.OFFLINE);

            Decision decision = router.route(arriving("c1"));

            assertThat(decision.trace().explain()).contains("target 2 of 3 (b1); target 1 skipped: all its owners"
                    + " are logged out");
        }
    }

    @Nested
    class Keeping {
        @Test
        void aRuleThatKeepsTheEarlierTiers_widens_soAnEarlierOwnerWhoFreesUpStillGetsIt() {
            Router router = router(Targets.builder().keepEarlier());
            router.route(arriving("c1"));
            router.route(arriving("c2"));
            router.route(arriving("b-busy"));
            seconds(30);
            router.tick();
            router.route(arriving("c3"));
            seconds(30);
            router.tick();

            router.release("c1");

            assertThat(picks).containsExactly("c1->a1", "c2->a2", "b-busy->b1", "c3->a1");
        }
    }

    @Nested
    class Skipping {
        @Test
        void aTierWhoseOwnersAreAllLoggedOut_isSkippedAtOnce_insteadOfWaitingOutItsTimeout() {
            Router router = router(Targets.builder());
            router.setPresence("a1", Presence.OFFLINE);
            router.setPresence("a2", Presence.OFFLINE);

            router.route(arriving("c1"));
            router.route(arriving("c2")); // tier 2 full: waits its 30 seconds there, then tier 3

            assertThat(picks).containsExactly("c1->b1");
            seconds(30);
            router.tick();
            assertThat(picks).containsExactly("c1->b1", "c2->c1");
        }

        @Test
        void aTierThatSkipsWhenNobodyIsAvailable_isSkippedWhileItsOwnersAreOnlyBusy() {
            Targets tiers = Targets.builder().then(new Targets.Target(Set.of("a1", "a2"), TIER, true))
                    .then(TIER, "b1").build();
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("support", Duration.ofMinutes(10))),
                    List.of(Rule.builder("support").targets(tiers).chain(rotation()).queue("support").build()));
            Router router = Router.builder().clock(clock).plan(plan).owner(agent("a1", 1)).owner(agent("a2", 1))
                    .owner(agent("b1", 1)).build();
            router.setPresence("a1", Presence.BUSY);
            router.setPresence("a2", Presence.AWAY);

            Decision decision = router.route(arriving("c1"));

            assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("b1"));
        }
    }

    @Test
    void aRuleWithOwnersAndTargets_orATargetWithoutOwners_isRefused() {
        assertThatThrownBy(() -> Rule.builder("r").owners("ana").targets(Targets.builder().then(TIER, "ben").build())
                .queue("q").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule 'r' names owners and targets");
        assertThatThrownBy(() -> new Targets.Target(Set.of(), TIER, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> new Targets.Target(Set.of("ana"), Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout of target");
    }
}
