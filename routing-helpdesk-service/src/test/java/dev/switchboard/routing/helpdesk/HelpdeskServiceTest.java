package dev.switchboard.routing.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service through real HTTP on a random port, with the shipped routing.json (20 agents in teams) and a test
 * clock. The tests share one router: each uses its own conversation ids and agents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
class HelpdeskServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Router router;

    @Autowired
    ManualClock clock;

    record Answer(int status, String contentType, JsonNode body) {
        String text(String field) {
            return body.path(field).asString();
        }
    }

    Answer send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()));
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    /** An English billing chat, which the rule front-line gives to the least loaded of its 15 agents. */
    Answer routeBilling(String id) throws IOException, InterruptedException {
        return post("/conversations", """
                {"id": "%s", "customerId": "%s@example.com", "channel": "chat", "type": "billing",
                 "language": "en", "skills": {"billing": 1}, "attributes": {"plan": "pro"}}""".formatted(id, id));
    }

    /** A French conversation, which no rule but the review knows: it waits in manual-review. */
    Answer routeFrench(String id) throws IOException, InterruptedException {
        return post("/conversations", """
                {"id": "%s", "customerId": "%s@example.com", "channel": "email", "language": "fr"}"""
                .formatted(id, id));
    }

    static String transfer(String to) {
        return """
                {"to": "%s", "note": {"summary": "refund over the limit", "alreadySaid": "we are checking",
                 "nextAction": "approve or refuse the refund"}}""".formatted(to);
    }

    @Nested
    class TheWebhook {

        @Test
        void assignsAConversationAndExplainsWhy() throws Exception {
            Answer answer = routeBilling("hook-1");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text("conversationId")).isEqualTo("hook-1");
            assertThat(answer.text("outcome")).isEqualTo("assigned");
            assertThat(router.placement("hook-1")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(answer.text("owner")).isEqualTo(owned.ownerId()));
            assertThat(answer.text("reason")).isNotBlank();
            assertThat(answer.text("explanation")).startsWith("1. rule front-line matched: type billing in [");
            assertThat(answer.body().has("queue")).isFalse();
        }

        @Test
        void queuesWhatNoRuleKnowsForReview() throws Exception {
            Instant now = clock.instant();
            Answer answer = routeFrench("hook-2");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text("outcome")).isEqualTo("queued");
            assertThat(answer.text("queue")).isEqualTo("manual-review");
            assertThat(Instant.parse(answer.text("slaDeadline"))).isEqualTo(now.plus(Duration.ofMinutes(30)));
            assertThat(answer.text("explanation")).startsWith("1. rule manual-review matched");
            assertThat(answer.body().has("owner")).isFalse();
        }

        @Test
        void aSecondConversationOfTheSameCustomerJoinsTheOpenOne() throws Exception {
            String owner = routeBilling("hook-3").text("owner");

            Answer answer = post("/conversations", """
                    {"id": "hook-4", "customerId": "hook-3@example.com", "channel": "email", "type": "billing",
                     "language": "en"}""");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text("outcome")).isEqualTo("joined");
            assertThat(answer.text("joinedConversationId")).isEqualTo("hook-3");
            assertThat(answer.text("owner")).isEqualTo(owner);
        }
    }

    @Nested
    class ReleaseTransferAndClaim {

        @Test
        void releaseFreesTheOwnerAndTheIdIsThenUnknown() throws Exception {
            String owner = routeBilling("rel-1").text("owner");
            int loadBefore = router.ownerStatus(owner).load();

            Answer released = post("/conversations/rel-1/release", null);
            Answer again = post("/conversations/rel-1/release", null);

            assertThat(released.status()).isEqualTo(204);
            assertThat(router.ownerStatus(owner).load()).isEqualTo(loadBefore - 1);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.contentType()).isEqualTo("application/problem+json");
            assertThat(again.text("detail")).isEqualTo("conversation 'rel-1' is not open");
        }

        @Test
        void transferHandsTheConversationOverWithTheNote() throws Exception {
            String from = routeBilling("tr-1").text("owner");
            String to = from.equals("omar") ? "sam" : "omar";

            Answer answer = post("/conversations/tr-1/transfer", transfer(to));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text("outcome")).isEqualTo("assigned");
            assertThat(answer.text("owner")).isEqualTo(to);
            assertThat(answer.text("reason")).isEqualTo("transferred by " + from + ": refund over the limit");
            assertThat(router.placement("tr-1")).get().isEqualTo(
                    new Placement.Owned(router.placement("tr-1").get().conversation(), to));
        }

        @Test
        void aTransferToAnAgentWhoIsAwayIsAConflict() throws Exception {
            String from = routeBilling("tr-2").text("owner");
            String to = from.equals("quinn") ? "mo" : "quinn";
            assertThat(send("PUT", "/agents/" + to + "/presence", "{\"presence\": \"away\"}").status()).isEqualTo(204);

            Answer answer = post("/conversations/tr-2/transfer", transfer(to));

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.text("detail")).startsWith("toOwnerId '" + to + "' cannot take conversation 'tr-2'");
            assertThat(router.placement("tr-2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(owned.ownerId()).isEqualTo(from));
            send("PUT", "/agents/" + to + "/presence", "{\"presence\": \"online\"}");
        }

        @Test
        void aWaitingConversationIsClaimedNotTransferred() throws Exception {
            routeFrench("cl-1");

            Answer transferred = post("/conversations/cl-1/transfer", transfer("kai"));
            Answer claimed = post("/conversations/cl-1/claim", "{\"owner\": \"kai\"}");
            Answer claimedAgain = post("/conversations/cl-1/claim", "{\"owner\": \"rui\"}");

            assertThat(transferred.status()).isEqualTo(409);
            assertThat(transferred.text("detail"))
                    .isEqualTo("conversation 'cl-1' waits in queue manual-review; claim it instead of transferring it");
            assertThat(claimed.status()).isEqualTo(200);
            assertThat(claimed.text("outcome")).isEqualTo("assigned");
            assertThat(claimed.text("owner")).isEqualTo("kai");
            assertThat(claimed.text("reason")).isEqualTo("claimed from queue manual-review");
            assertThat(claimedAgain.status()).isEqualTo(409);
            assertThat(claimedAgain.text("detail")).isEqualTo(
                    "conversation 'cl-1' cannot be claimed by 'rui': already owned by kai");
        }

        @Test
        void unknownConversationsAreNotFound() throws Exception {
            assertThat(post("/conversations/nobody/transfer", transfer("kai")).status()).isEqualTo(404);
            assertThat(post("/conversations/nobody/claim", "{\"owner\": \"kai\"}").status()).isEqualTo(404);
        }

        @Test
        void aTransferToSomeoneNotOnTheRosterNamesTheField() throws Exception {
            routeBilling("tr-3");

            Answer answer = post("/conversations/tr-3/transfer", transfer("zed"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.text("field")).isEqualTo("to");
            assertThat(answer.text("detail")).isEqualTo("to: 'zed' is not on the roster");
        }
    }

    @Nested
    class AgentPresence {

        @Test
        void goingOfflineIsRecordedAndUnknownAgentsAreNotFound() throws Exception {
            Answer offline = send("PUT", "/agents/tess/presence", "{\"presence\": \"offline\"}");
            Presence recorded = router.ownerStatus("tess").presence();
            Answer online = send("PUT", "/agents/tess/presence", "{\"presence\": \"ONLINE\"}");
            Answer unknown = send("PUT", "/agents/zed/presence", "{\"presence\": \"away\"}");

            assertThat(offline.status()).isEqualTo(204);
            assertThat(recorded).isEqualTo(Presence.OFFLINE);
            assertThat(online.status()).isEqualTo(204);
            assertThat(router.ownerStatus("tess").presence()).isEqualTo(Presence.ONLINE);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.text("detail")).isEqualTo("agent 'zed' is not on the roster");
        }

        @Test
        void anUnknownPresenceNamesTheField() throws Exception {
            Answer answer = send("PUT", "/agents/tess/presence", "{\"presence\": \"asleep\"}");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.text("field")).isEqualTo("presence");
            assertThat(answer.text("detail"))
                    .isEqualTo("presence must be one of online, busy, away, offline, was 'asleep'");
        }
    }

    @Nested
    class BadInput {

        Answer badWebhook(String json) throws IOException, InterruptedException {
            Answer answer = post("/conversations", json);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            return answer;
        }

        @Test
        void aMissingRequiredField() throws Exception {
            Answer answer = badWebhook("{\"id\": \"bad-1\", \"customerId\": \"c\"}");

            assertThat(answer.text("field")).isEqualTo("channel");
            assertThat(answer.text("detail")).isEqualTo("channel is required");
            assertThat(router.placement("bad-1")).isEmpty();
        }

        @Test
        void aBlankValueTheLibraryRefuses() throws Exception {
            Answer answer = badWebhook("{\"id\": \"bad-2\", \"customerId\": \" \", \"channel\": \"chat\"}");

            assertThat(answer.text("field")).isEqualTo("customerId");
            assertThat(answer.text("detail")).contains("customerId");
        }

        @Test
        void anUnknownPriority() throws Exception {
            Answer answer = badWebhook(
                    "{\"id\": \"bad-3\", \"customerId\": \"c\", \"channel\": \"chat\", \"priority\": \"extreme\"}");

            assertThat(answer.text("field")).isEqualTo("priority");
            assertThat(answer.text("detail"))
                    .isEqualTo("priority must be one of low, normal, high, urgent, was 'extreme'");
        }

        @Test
        void aSkillLevelThatIsNotANumber() throws Exception {
            Answer answer = badWebhook("""
                    {"id": "bad-4", "customerId": "c", "channel": "chat", "skills": {"billing": "high"}}""");

            assertThat(answer.text("field")).isEqualTo("skills.billing");
            assertThat(answer.text("detail")).startsWith("skills.billing: ");
        }

        @Test
        void aNegativeSkillLevel() throws Exception {
            Answer answer = badWebhook("""
                    {"id": "bad-5", "customerId": "c", "channel": "chat", "skills": {"billing": -1}}""");

            assertThat(answer.text("field")).isEqualTo("skills.billing");
            assertThat(answer.text("detail")).contains("-1");
        }

        @Test
        void aFieldTheServiceDoesNotKnowIsNotDropped() throws Exception {
            Answer answer = badWebhook("""
                    {"id": "bad-6", "customerId": "c", "channel": "chat", "prority": "high"}""");

            assertThat(answer.text("field")).isEqualTo("prority");
        }

        @Test
        void aBodyThatIsNotJson() throws Exception {
            Answer answer = badWebhook("{\"id\": ");

            assertThat(answer.body().has("field")).isFalse();
            assertThat(answer.text("detail")).startsWith("the body is not valid JSON: ");
        }
    }

    @Nested
    class Actuator {

        @Test
        void theSwitchboardEndpointShowsQueuesAndRoster() throws Exception {
            routeFrench("act-1");

            Answer answer = send("GET", "/actuator/switchboard", null);

            assertThat(answer.status()).isEqualTo(200);
            JsonNode queues = answer.body().path("queues");
            assertThat(queues).extracting(queue -> queue.path("name").asString()).containsExactly("priority",
                    "specialists", "spanish", "portuguese", "front-line", "manual-review");
            assertThat(queues.get(0).path("sla").asString()).isEqualTo("PT5M");
            assertThat(queues.get(5).path("size").asLong()).isEqualTo(router.waiting().stream()
                    .filter(entry -> entry.queue().equals("manual-review")).count()).isPositive();
            assertThat(answer.body().path("atRiskWithin").asString()).isEqualTo("PT5M");
            assertThat(answer.body().path("roster")).hasSize(20);
            assertThat(answer.body().path("roster").get(0).path("id").asString()).isEqualTo("ana");
            assertThat(answer.body().path("roster").get(0).path("presence").asString()).isEqualTo("ONLINE");
            assertThat(answer.body().path("roster").get(0).path("capacity").asInt()).isEqualTo(4);
        }

        /** The only test that moves the clock: 26 minutes, so that nothing waiting in manual-review breaches. */
        @Test
        void theSwitchboardEndpointShowsWhatIsAtRisk() throws Exception {
            routeFrench("act-2");
            clock.advance(Duration.ofMinutes(26));

            JsonNode atRisk = send("GET", "/actuator/switchboard", null).body().path("atRisk");

            assertThat(atRisk).filteredOn(entry -> entry.path("conversationId").asString().equals("act-2"))
                    .singleElement().satisfies(entry -> {
                        assertThat(entry.path("queue").asString()).isEqualTo("manual-review");
                        assertThat(entry.path("priority").asString()).isEqualTo("NORMAL");
                        assertThat(entry.path("waitingSince").asString()).isEqualTo("2026-03-02T09:00:00Z");
                        assertThat(entry.path("slaDeadline").asString()).isEqualTo("2026-03-02T09:30:00Z");
                        assertThat(entry.path("breached").asBoolean()).isFalse();
                    });
        }

        @Test
        void theHealthIsUpWithDetailsWhileNothingBreached() throws Exception {
            Answer answer = send("GET", "/actuator/health/switchboard", null);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("status").asString()).isEqualTo("UP");
            assertThat(answer.body().path("details").path("owners").asInt()).isEqualTo(20);
            assertThat(answer.body().path("details").path("ownersAvailable").asInt()).isEqualTo(20);
            assertThat(answer.body().path("details").path("breached").asInt()).isZero();
        }
    }
}
