package dev.switchboard.routing.config;

import static dev.switchboard.routing.config.Documents.NOW;
import static dev.switchboard.routing.config.Documents.conversation;
import static dev.switchboard.routing.config.Documents.problem;
import static dev.switchboard.routing.config.Documents.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.AssignmentCap;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.Rule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Schedules, fairness caps, opting out and response deadlines in the JSON configuration. */
class TimingConfigTest {

    /** A desk open 09:00 to 17:00 in Lisbon on weekdays, after-hours cover by ben, and response deadlines. */
    private static final String CLINIC = """
            {
              "schedules": [
                {"id": "weekdays", "zone": "Europe/Lisbon",
                 "week": {"monday": ["09:00-13:00", "14:00-17:00"], "tuesday": ["09:00-17:00"],
                          "wednesday": ["09:00-17:00"], "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"]},
                 "closed": ["2026-12-25"], "special": {"2026-12-24": ["09:00-12:00"]}},
                {"id": "nights", "zone": "Europe/Lisbon",
                 "week": {"sunday": ["17:00-09:00"], "monday": ["17:00-09:00"]}}
              ],
              "owners": [
                {"id": "ana", "capacity": 5, "hours": "weekdays", "assignmentCap": {"limit": 10, "window": "PT1H"}},
                {"id": "ben", "capacity": 5, "hours": "nights"},
                {"id": "manager", "capacity": 5, "autoAssign": false}
              ],
              "queues": [{"id": "desk", "sla": "PT15M"}, {"id": "night", "sla": "PT1H"},
                         {"id": "review", "sla": "PT4H"}],
              "responses": {"deadlines": {"normal": "PT5M", "urgent": "PT1M"}, "maxBounces": 1,
                            "reviewQueue": "review"},
              "rules": [
                {"id": "desk", "when": {"type": "booking"}, "hours": "weekdays", "afterHours": "next-rule",
                 "then": {"owner": "ana", "queue": "desk", "chain": [{"type": "round-robin"}]}},
                {"id": "night", "when": {"type": "booking"},
                 "then": {"owner": "ben", "queue": "night", "chain": [{"type": "round-robin"}]}},
                {"id": "review", "then": {"queue": "review"}}
              ]
            }
            """;

    @Nested
    class Loading {
        @Test
        void readsOwnerHoursCapsAndOptingOut() {
            RoutingConfig config = RoutingConfig.load(CLINIC);

            Owner ana = config.owners().get(0);
            assertThat(ana.assignmentCap()).contains(new AssignmentCap(10, Duration.ofHours(1)));
            assertThat(ana.hours()).hasValueSatisfying(hours -> {
                assertThat(hours.isOpen(Instant.parse("2026-03-02T13:30:00Z"))).as("lunch").isFalse();
                assertThat(hours.isOpen(Instant.parse("2026-03-02T14:00:00Z"))).isTrue();
                assertThat(hours.isOpen(Instant.parse("2026-12-24T12:30:00Z"))).as("Christmas Eve").isFalse();
                assertThat(hours.isOpen(Instant.parse("2026-12-25T10:00:00Z"))).as("Christmas").isFalse();
            });
            assertThat(config.owners().get(2).autoAssign()).isFalse();
            assertThat(config.plan().rules().get(0).afterHours()).isEqualTo(Rule.AfterHours.NEXT_RULE);
        }

        @Test
        void routesByTheRulesHours_andAppliesResponseDeadlines() {
            ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
            Router router = RoutingConfig.load(CLINIC).routerBuilder().clock(clock).build();

            Decision early = router.route(conversation("c1").type("booking").createdAt(clock.instant()).build());
            clock.set(NOW);
            Decision open = router.route(conversation("c2").type("booking").createdAt(clock.instant()).build());

            assertThat(early).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ben"));
            assertThat(open).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ana"));
            clock.advance(Duration.ofMinutes(5));
            router.tick();
            assertThat(router.placement("c2")).hasValueSatisfying(placement -> assertThat(placement)
                    .isInstanceOfSatisfying(Placement.Waiting.class,
                            waiting -> assertThat(waiting.entry().queue()).isEqualTo("desk")));
        }

        @Test
        void writesTheDocumentBackUnchanged() {
            RoutingConfig config = RoutingConfig.load(CLINIC);

            assertThat(RoutingConfig.load(config.write())).isEqualTo(config);
        }
    }

    @Nested
    class Validation {
        @Test
        void reportsBadSchedules_atTheirPaths_withoutRepeatingThemWhereTheyAreNamed() {
            String json = CLINIC
                    .replace("\"nights\", \"zone\": \"Europe/Lisbon\"", "\"nights\", \"zone\": \"Mars/Olympus\"")
                    .replace("\"week\": {\"sunday\"", "\"week\": {\"sundey\"")
                    .replace("\"tuesday\": [\"09:00-17:00\"]", "\"tuesday\": [\"9-5\", \"10:00-10:00\"]")
                    .replace("\"closed\": [\"2026-12-25\"]", "\"closed\": [\"25/12/2026\"]");

            assertThat(problemsOf(json)).containsExactly(
                    problem("schedules[0].week.tuesday[0]",
                            "must be a span of local times such as \"09:00-17:00\", was '9-5'"),
                    problem("schedules[0].week.tuesday[1]", "span must not be empty, was 10:00 to 10:00"),
                    problem("schedules[0].closed[0]", "must be a date such as 2026-12-25, was '25/12/2026'"),
                    problem("schedules[1].zone", "must be a time zone such as Europe/Lisbon, was 'Mars/Olympus'"),
                    problem("schedules[1].week.sundey", "unknown day; expected monday to sunday"));
        }

        @Test
        void reportsBadCapsDeadlinesAndAfterHours() {
            String json = CLINIC
                    .replace("{\"limit\": 10, \"window\": \"PT1H\"}", "{\"limit\": 0, \"window\": \"PT0S\"}")
                    .replace("\"urgent\": \"PT1M\"", "\"critical\": \"PT1M\"")
                    .replace("\"reviewQueue\": \"review\"", "\"reviewQueue\": \"later\"")
                    .replace("\"hours\": \"weekdays\", \"afterHours\": \"next-rule\"", "\"afterHours\": \"skip\"");

            assertThat(problemsOf(json)).containsExactly(
                    problem("owners[0].assignmentCap.window", "must be positive, was PT0S"),
                    problem("responses.deadlines.critical", "unknown priority; expected low, normal, high or urgent"),
                    problem("responses.reviewQueue", "unknown queue 'later'; declared queues: [desk, night, review]"),
                    problem("rules[0].afterHours", "must be one of [hold, next-rule], was 'skip'"));
        }

        @Test
        void aCapOfNoConversations_andAnAfterHoursWithoutHours_areRefused() {
            String json = CLINIC.replace("\"limit\": 10", "\"limit\": 0")
                    .replace("\"hours\": \"weekdays\", \"afterHours\": \"next-rule\"", "\"afterHours\": \"hold\"");

            assertThat(problemsOf(json)).containsExactly(
                    problem("owners[0].assignmentCap.limit", "limit of assignment cap must be positive, was 0"),
                    problem("rules[0].afterHours", "applies only to a rule with 'hours'"));
        }
    }
}
