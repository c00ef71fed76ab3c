package dev.switchboard.routing.config;

import static dev.switchboard.routing.config.Documents.NOW;
import static dev.switchboard.routing.config.Documents.problem;
import static dev.switchboard.routing.config.Documents.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.replay.StateSnapshotJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The document expresses everything {@link Router.Builder} can set (issue 16), with the builder's defaults: a router
 * built from a document behaves as one built in Java with the same calls, and as one built with none of them when
 * the document leaves its settings out.
 */
class RouterSettingsConfigTest {

    /** Two agents of capacity one, sticky then round-robin, a desk queue and a review queue; {@code %s} settings. */
    private static final String DESK = """
            {
              "owners": [{"id": "ana", "capacity": 1}, {"id": "ben", "capacity": 1}],
              "teams": [{"id": "desk", "members": ["ana", "ben"]}],
              "queues": [{"id": "desk", "sla": "PT1H"}, {"id": "review", "sla": "PT4H"}],
              %s
              "rules": [
                {"id": "desk", "when": {"channel": "chat"},
                 "then": {"team": "desk", "queue": "desk", "chain": [{"type": "sticky"}, {"type": "round-robin"}]}},
                {"id": "review", "then": {"queue": "review"}}
              ]
            }
            """;

    private static String desk(String settings) {
        return DESK.formatted(settings.isEmpty() ? "" : settings + ",");
    }

    /** Calls on a router, and what the router answered, as text to compare. */
    private interface Script {
        void run(Router router, ManualClock clock, List<String> transcript);
    }

    private static List<String> run(Router.Builder builder, Script script) {
        ManualClock clock = new ManualClock(NOW);
        List<String> transcript = new ArrayList<>();
        script.run(builder.clock(clock).build(), clock, transcript);
        return transcript;
    }

    private static Router.Builder fromJava(Consumer<Router.Builder> settings) {
        RoutingConfig plain = RoutingConfig.load(desk(""));
        Router.Builder builder = Router.builder().owners(plain.owners()).plan(plain.plan());
        settings.accept(builder);
        return builder;
    }

    private static Conversation conversation(String id, String customer) {
        return Conversation.builder(id).customer(customer).channel("chat").createdAt(NOW).build();
    }

    private static String outcome(Decision decision) {
        if (decision instanceof Decision.Assigned assigned) {
            return assigned.conversationId() + " assigned to " + assigned.ownerId();
        }
        if (decision instanceof Decision.Queued queued) {
            return queued.conversationId() + " queued in " + queued.queue();
        }
        if (decision instanceof Decision.Joined joined) {
            return joined.conversationId() + " joined " + joined.joinedConversationId();
        }
        return decision + "";
    }

    private static String placement(Router router, String id) {
        return id + " " + router.placement(id).map(placement -> placement instanceof Placement.Owned owned
                ? "owned by " + owned.ownerId()
                : "waiting in " + ((Placement.Waiting) placement).entry().queue()).orElse("nowhere");
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("identity: linking by email, one conversation per customer",
                        "\"identity\": {\"linkBy\": [\"email\"], \"oneConversationPerCustomer\": true}",
                        (Consumer<Router.Builder>) builder -> builder.linkIdentitiesBy(IdentityKey.EMAIL)
                                .oneConversationPerCustomer(true),
                        (Script) (router, clock, transcript) -> {
                            transcript.add(outcome(router.route(Conversation.builder("mail").customer("maria")
                                    .channel("chat").attribute("email", "maria@example.com").createdAt(NOW).build())));
                            transcript.add(outcome(router.route(Conversation.builder("form").customer("web-1")
                                    .channel("chat").attribute("email", "maria@example.com").createdAt(NOW).build())));
                        }),
                Arguments.of("router.offlineGrace",
                        "\"router\": {\"offlineGrace\": \"PT2M\"}",
                        (Consumer<Router.Builder>) builder -> builder.offlinePolicy(
                                OfflinePolicy.keepFor(Duration.ofMinutes(2))),
                        (Script) (router, clock, transcript) -> {
                            transcript.add(outcome(router.route(conversation("c1", "maria"))));
                            router.setPresence("ana", Presence.OFFLINE);
                            transcript.add(placement(router, "c1"));
                            clock.advance(Duration.ofMinutes(3));
                            router.tick();
                            transcript.add(placement(router, "c1"));
                        }),
                Arguments.of("router.priorityAging",
                        "\"router\": {\"priorityAging\": \"PT10M\"}",
                        (Consumer<Router.Builder>) builder -> builder.priorityAging(Duration.ofMinutes(10)),
                        (Script) (router, clock, transcript) -> {
                            router.route(conversation("a", "customer-a"));
                            router.route(conversation("b", "customer-b"));
                            transcript.add(outcome(router.route(Conversation.builder("low").customer("lee")
                                    .channel("chat").priority(Priority.LOW).createdAt(NOW).build())));
                            clock.advance(Duration.ofMinutes(25));
                            transcript.add(outcome(router.route(Conversation.builder("normal").customer("noor")
                                    .channel("chat").createdAt(clock.instant()).build())));
                            router.release("a");
                            transcript.add(placement(router, "low"));
                            transcript.add(placement(router, "normal"));
                        }),
                Arguments.of("router.customerMemory",
                        "\"router\": {\"customerMemory\": {\"maxCustomers\": 10, \"ttl\": \"PT1H\"}}",
                        (Consumer<Router.Builder>) builder -> builder.customerMemory(10, Duration.ofHours(1)),
                        (Script) (router, clock, transcript) -> {
                            transcript.add(outcome(router.route(conversation("first", "maria"))));
                            router.release("first");
                            clock.advance(Duration.ofHours(2));
                            transcript.add(outcome(router.route(conversation("again", "maria"))));
                        }),
                Arguments.of("router.wrapUp",
                        "\"router\": {\"wrapUp\": \"PT1M\"}",
                        (Consumer<Router.Builder>) builder -> builder.wrapUp(Duration.ofMinutes(1)),
                        (Script) (router, clock, transcript) -> {
                            transcript.add(outcome(router.route(conversation("c1", "maria"))));
                            transcript.add(outcome(router.route(conversation("c2", "joao"))));
                            router.release("c1");
                            transcript.add(outcome(router.route(conversation("c3", "lee"))));
                            clock.advance(Duration.ofMinutes(2));
                            router.tick();
                            transcript.add(placement(router, "c3"));
                        }),
                Arguments.of("router.serveBy",
                        "\"router\": {\"serveBy\": \"last-activity\"}",
                        (Consumer<Router.Builder>) builder -> builder.serveByLastActivity(true),
                        (Script) (router, clock, transcript) -> {
                            router.route(conversation("a", "customer-a"));
                            router.route(conversation("b", "customer-b"));
                            router.route(Conversation.builder("chatty").customer("cho").channel("chat")
                                    .createdAt(NOW.minus(Duration.ofMinutes(10))).lastActivityAt(NOW).build());
                            router.route(Conversation.builder("quiet").customer("quinn").channel("chat")
                                    .createdAt(NOW.minus(Duration.ofMinutes(5))).build());
                            router.release("a");
                            transcript.add(placement(router, "chatty"));
                            transcript.add(placement(router, "quiet"));
                        }),
                Arguments.of("responses",
                        "\"responses\": {\"deadlines\": {\"normal\": \"PT5M\"}, \"maxBounces\": 1,"
                                + " \"reviewQueue\": \"review\"}",
                        (Consumer<Router.Builder>) builder -> builder.responseDeadline(Priority.NORMAL,
                                Duration.ofMinutes(5)).responseReview(1, "review"),
                        (Script) (router, clock, transcript) -> {
                            transcript.add(outcome(router.route(conversation("c1", "maria"))));
                            clock.advance(Duration.ofMinutes(6));
                            router.tick();
                            transcript.add(placement(router, "c1"));
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aSettingInTheDocument_actsAsTheSameBuilderCall(String name, String json, Consumer<Router.Builder> call,
            Script script) {
        List<String> fromDocument = run(RoutingConfig.load(desk(json)).routerBuilder(), script);

        assertThat(fromDocument).isEqualTo(run(fromJava(call), script));
        assertThat(fromDocument).as("the setting changes what happens").isNotEqualTo(run(fromJava(builder -> {}),
                script));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aSettingLeftOut_hasTheBuildersDefault(String name, String json, Consumer<Router.Builder> call,
            Script script) {
        assertThat(run(RoutingConfig.load(desk("")).routerBuilder(), script))
                .isEqualTo(run(fromJava(builder -> {}), script));
    }

    @Test
    void aCustomerMayHaveSeveralConversations_unlessTheDocumentSaysOne_asInJava() {
        Router separate = RoutingConfig.load(desk("")).routerBuilder().clock(new ManualClock(NOW)).build();
        Router joining = RoutingConfig.load(desk("\"identity\": {\"oneConversationPerCustomer\": true}"))
                .routerBuilder().clock(new ManualClock(NOW)).build();

        separate.route(conversation("c1", "maria"));
        joining.route(conversation("c1", "maria"));

        assertThat(outcome(separate.route(conversation("c2", "maria")))).isEqualTo("c2 assigned to ben");
        assertThat(outcome(joining.route(conversation("c2", "maria")))).isEqualTo("c2 joined c1");
    }

    @Test
    void eachOwnerStartsInThePresenceTheDocumentGives_onlineByDefault() {
        RoutingConfig config = RoutingConfig.load(desk("").replace("{\"id\": \"ana\", \"capacity\": 1}",
                "{\"id\": \"ana\", \"capacity\": 1, \"presence\": \"away\"}"));
        Router router = config.routerBuilder().clock(new ManualClock(NOW)).build();

        assertThat(router.roster()).extracting(status -> status.owner().id() + " " + status.presence())
                .containsExactly("ana AWAY", "ben ONLINE");
        assertThat(outcome(router.route(conversation("c1", "maria")))).isEqualTo("c1 assigned to ben");
    }

    @Test
    void aRestoredRouterBuilder_carriesOnFromTheSnapshot_withTheDocumentsPlanAndSettings() {
        RoutingConfig config = RoutingConfig.load(desk("\"router\": {\"offlineGrace\": \"PT2M\"}"));
        ManualClock clock = new ManualClock(NOW);
        Router before = config.routerBuilder().clock(clock).build();
        before.route(conversation("c1", "maria"));
        before.route(conversation("c2", "noor"));
        before.route(conversation("c3", "lee"));
        String saved = StateSnapshotJson.write(before.snapshot());

        Router after = config.restoredRouterBuilder(StateSnapshotJson.read(saved)).clock(clock).build();

        assertThat(List.of(placement(after, "c1"), placement(after, "c2"), placement(after, "c3")))
                .containsExactly("c1 owned by ana", "c2 owned by ben", "c3 waiting in desk");
        after.setPresence("ana", Presence.OFFLINE);
        clock.advance(Duration.ofMinutes(1));
        after.tick();
        assertThat(placement(after, "c1")).as("within the document's offline grace").isEqualTo("c1 owned by ana");
        after.release("c2");
        assertThat(placement(after, "c3")).as("the document's plan drains its queue").isEqualTo("c3 owned by ben");
    }

    @Test
    void aRestoredRouterBuilder_refusesANullSnapshot_andTheDocumentsOwnersAreNotAddedToIt() {
        RoutingConfig config = RoutingConfig.load(desk(""));
        Router before = config.routerBuilder().clock(new ManualClock(NOW)).build();
        before.removeOwner("ana");

        assertThatThrownBy(() -> config.restoredRouterBuilder(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("snapshot must not be null");
        assertThat(config.restoredRouterBuilder(before.snapshot()).clock(new ManualClock(NOW)).build().roster())
                .as("the roster is the snapshot's").extracting(status -> status.owner().id()).containsExactly("ben");
    }

    @Test
    void routerBuilderGivesANewBuilderEachTime() {
        RoutingConfig config = RoutingConfig.load(desk("\"router\": {\"priorityAging\": \"PT10M\"}"));

        assertThat(config.routerBuilder()).isNotSameAs(config.routerBuilder());
    }

    @Nested
    class Validation {
        @Test
        void badSettings_areRefusedWithTheBuildersMessages_atTheirPath() {
            String json = desk("""
                    "router": {"priorityAging": "PT0S", "offlineGrace": "-PT1M", "customerMemory": {"maxCustomers": 0,
                               "ttl": "P30D"}, "aging": "PT1M"},
                    "responses": {"deadlines": {"normal": "PT5M"}, "maxBounces": -1, "reviewQueue": "review"}""");

            assertThat(problemsOf(json)).containsExactly(
                    problem("responses.maxBounces", "maxBounces must not be negative, was -1"),
                    problem("router.priorityAging", "must be positive, was PT0S"),
                    problem("router.offlineGrace", "must be zero or more, was -PT1M"),
                    problem("router.customerMemory", "maxCustomers must be positive, was 0"),
                    problem("router.aging", "unknown field of router; expected one of [priorityAging, offlineGrace,"
                            + " customerMemory, wrapUp, serveBy]"));
        }

        @Test
        void aResponseDeadlineOfMillionsOfHours_isRefusedAtItsPath_notWhenTheRouterIsBuilt() {
            String json = desk("""
                    "responses": {"deadlines": {"normal": "PT9999999999H"}, "maxBounces": 1, "reviewQueue": "review"},
                    "router": {"offlineGrace": "PT876601H"}""");

            assertThat(problemsOf(json)).containsExactly(
                    problem("responses.deadlines.normal", "must be at most PT876600H (100 years), was PT9999999999H"),
                    problem("router.offlineGrace", "must be at most PT876600H (100 years), was PT876601H"));
        }

        @Test
        void responseReviewNeedsItsMaxBouncesAndQueue_asResponseReviewDoesInJava() {
            assertThat(problemsOf(desk("\"responses\": {\"deadlines\": {\"normal\": \"PT5M\"}}"))).containsExactly(
                    problem("responses.maxBounces", "is required"),
                    problem("responses.reviewQueue", "is required"));
            assertThat(problemsOf(desk("\"router\": {\"customerMemory\": {\"ttl\": \"P1D\"}}"))).containsExactly(
                    problem("router.customerMemory.maxCustomers", "is required"));
        }

        @Test
        void anUnknownPresence_isRefused() {
            assertThat(problemsOf(desk("").replace("{\"id\": \"ben\", \"capacity\": 1}",
                    "{\"id\": \"ben\", \"presence\": \"asleep\"}"))).containsExactly(problem("owners[1].presence",
                    "must be one of [online, busy, away, offline], was 'asleep'"));
        }
    }
}
