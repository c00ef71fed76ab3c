package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.skillMatch;
import static dev.switchboard.routing.TestStrategies.watched;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A release used to decide every waiting conversation of the freed owner's queues again, even those it could never
 * be given (issue 15: 5,000 waiting made a release 2,400 times slower). The drain now passes over the conversations
 * whose need the owner cannot meet (a skill every step asks for, room on the channel, what the rule requires), and
 * still decides each conversation of a need it can meet, where what depends on the conversation is checked.
 */
class DrainPassesOverUntakeableNeedsTest {

    private final ManualClock clock = new ManualClock(START);
    /** The conversations the chain decided, in order, since the last {@code clear()}. */
    private final List<String> decided = new ArrayList<>();

    /** {@code step}, noting each conversation it decides. */
    private Strategy noted(Strategy step) {
        return watched(step, conversation -> decided.add(conversation.id()));
    }

    private Router router(Rule.Builder rule, Owner... owners) {
        Router.Builder builder = Router.builder().clock(clock).plan(new RoutingPlan(
                List.of(new QueueSpec("waiting", Duration.ofHours(1))), List.of(rule.queue("waiting").build())));
        for (Owner owner : owners) {
            builder.owner(owner);
        }
        return builder.build();
    }

    private static Conversation.Builder older(String id, int minutes) {
        return conversation(id).createdAt(START.minus(Duration.ofMinutes(minutes)));
    }

    private static String ownerOf(Router router, String id) {
        return router.placement(id).orElseThrow() instanceof Placement.Owned owned ? owned.ownerId() : null;
    }

    private static List<String> waitingIds(Router router) {
        return router.waiting().stream().map(entry -> entry.conversation().id()).toList();
    }

    @Test
    void passesOverConversationsNeedingASkillTheFreedOwnerLacks() {
        Router router = router(Rule.builder("all").chain(noted(skillMatch(false))),
                Owner.agent("ana").capacity(1).skill("billing", 2).build());
        router.route(conversation("busy").requires("billing", 1).build());
        router.route(older("legal-1", 30).requires("legal", 1).build());
        router.route(older("legal-2", 20).requires("legal", 1).build());
        router.route(older("billing-late", 10).requires("billing", 1).build());
        decided.clear();

        router.release("busy");

        assertThat(ownerOf(router, "billing-late")).isEqualTo("ana");
        assertThat(decided).containsExactly("billing-late");
        assertThat(waitingIds(router)).containsExactly("legal-1", "legal-2");
    }

    @Test
    void passesOverConversationsOnAChannelWhereTheFreedOwnerHasNoRoom() {
        Router router = router(Rule.builder("all").chain(noted(skillMatch(false))),
                Owner.agent("ana").capacity(2).channelCapacity("chat", 1).build());
        router.route(conversation("chat-held").build());
        router.route(conversation("email-busy").channel("email").build());
        router.route(older("chat-waiting", 30).build());
        router.route(older("email-waiting", 10).channel("email").build());
        decided.clear();

        router.release("email-busy");

        assertThat(ownerOf(router, "email-waiting")).isEqualTo("ana");
        assertThat(decided).containsExactly("email-waiting");
        assertThat(waitingIds(router)).containsExactly("chat-waiting");
    }

    @Test
    void passesOverWhatTheRuleRequires_evenWhenNoStepPromisesAnything() {
        Router router = router(Rule.builder("all").requires(Rule.Requirement.LANGUAGE).chain(noted(firstAvailable())),
                Owner.agent("ana").capacity(1).languages("en").build());
        router.route(conversation("busy").language("en").build());
        router.route(older("french", 30).language("fr").build());
        router.route(older("english", 10).language("en").build());
        decided.clear();

        router.release("busy");

        assertThat(ownerOf(router, "english")).isEqualTo("ana");
        assertThat(decided).containsExactly("english");
        assertThat(waitingIds(router)).containsExactly("french");
    }

    @Test
    void decidesAgainWhatAStepThatPromisesNothingMayGive() {
        Router router = router(Rule.builder("all").chain(noted(firstAvailable())),
                Owner.agent("ana").capacity(1).build());
        router.route(conversation("busy").build());
        router.route(older("legal", 30).requires("legal", 1).build());
        decided.clear();

        router.release("busy");

        assertThat(ownerOf(router, "legal")).isEqualTo("ana");
        assertThat(decided).containsExactly("legal");
    }

    @Test
    void passesOverOnlyWhatNoStepCouldGive_whenOneStepRelaxes() {
        Router router = router(Rule.builder("all").chain(noted(skillMatch(false)), noted(skillMatch(true))),
                Owner.agent("ana").capacity(1).build());
        router.route(conversation("busy").build());
        router.route(older("needs-legal", 30).requires("legal", 1).build());
        router.route(older("prefers-legal", 20).require(SkillRequirement.preferred("legal", 1)).build());
        decided.clear();

        router.release("busy");

        assertThat(ownerOf(router, "prefers-legal")).isEqualTo("ana");
        assertThat(decided).containsExactly("prefers-legal", "prefers-legal");
        assertThat(waitingIds(router)).containsExactly("needs-legal");
    }

    @Test
    void decidesEachConversationOfANeedTheOwnerMeets_leavingOneItWasPassedOverFor() {
        Router router = router(Rule.builder("all").offer(OfferPolicy.builder(Duration.ofMinutes(5)).build())
                .chain(noted(skillMatch(false))), Owner.agent("ana").capacity(1).skill("billing", 2).build());
        router.route(older("declined", 30).requires("billing", 1).build());
        router.decline("ana", "declined", "not now");
        router.route(conversation("busy").build());
        router.accept("ana", "busy");
        router.route(older("second", 10).requires("billing", 1).build());
        decided.clear();

        router.release("busy");

        assertThat(decided).containsExactly("declined", "second");
        assertThat(router.placement("second")).get().isInstanceOfSatisfying(Placement.Offered.class,
                offer -> assertThat(offer.ownerIds()).containsExactly("ana"));
        assertThat(waitingIds(router)).containsExactly("declined");
    }

    @Test
    void givesTheMostUrgentConversationAcrossNeeds() {
        Router router = router(Rule.builder("all").chain(noted(skillMatch(false))),
                Owner.agent("ana").capacity(1).skill("billing", 1).skill("tech", 1).build());
        router.route(conversation("busy").build());
        router.route(older("billing-normal", 30).requires("billing", 1).build());
        router.route(older("tech-urgent", 5).requires("tech", 1).priority(Priority.URGENT).build());
        router.route(older("legal-urgent", 40).requires("legal", 1).priority(Priority.URGENT).build());
        decided.clear();

        router.release("busy");

        assertThat(ownerOf(router, "tech-urgent")).isEqualTo("ana");
        assertThat(decided).containsExactly("tech-urgent");
        assertThat(waitingIds(router)).containsExactly("legal-urgent", "billing-normal");
    }
}
