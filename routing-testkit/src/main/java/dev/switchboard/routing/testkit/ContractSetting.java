package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Condition;
import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.Overflow;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Targets;
import dev.switchboard.routing.WeeklySchedule;
import dev.switchboard.routing.strategy.LeastLoaded;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routers the store contract runs its operation sequences through, each exercising a part of the live state: a
 * rotation with per-channel limits, a fairness cap, wrap-up, working hours and a daily cap; offers that are accepted,
 * declined and expire, to one owner or ringing several or all; targets that move and the overflow policies of rules
 * and queues; and customers with linked identities, one conversation each, sticky owners and response deadlines.
 */
enum ContractSetting {

    /** Round-robin and least-loaded over two queues, a fairness cap, per-channel limits and a wrap-up. */
    ROTATION {
        @Override
        Router.Builder settings() {
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("priority", Duration.ofMinutes(2)),
                    new QueueSpec("general", Duration.ofMinutes(5))), List.of(
                    Rule.builder("vip").when(new Condition.Is("vip", "true")).chain(new LeastLoaded())
                            .queue("priority").build(),
                    Rule.builder("everyone").chain(new RoundRobin()).queue("general").build()));
            return Router.builder().plan(plan).wrapUp(Duration.ofSeconds(20));
        }
    },

    /**
     * Offers rung to two owners, reviewed after two refusals, expiring after a minute; VIP conversations rung to every
     * owner with room at once (ring-all), expiring after 45 seconds.
     */
    OFFERS {
        @Override
        Router.Builder settings() {
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("general", Duration.ofMinutes(5)),
                    new QueueSpec("review", Duration.ofMinutes(30))), List.of(
                    Rule.builder("ring-all").when(new Condition.Is("vip", "true")).chain(new LeastLoaded())
                            .queue("general").offer(OfferPolicy.builder(Duration.ofSeconds(45)).ringAll()
                                    .reviewAfter(3, "review").build())
                            .build(),
                    Rule.builder("offered").chain(new RoundRobin()).queue("general")
                            .offer(OfferPolicy.builder(Duration.ofSeconds(60)).ring(2).reviewAfter(2, "review")
                                    .build())
                            .build()));
            return Router.builder().plan(plan);
        }
    },

    /**
     * Targets that move (two owners for 30 seconds, then one skipped while it has no room, then two more), and
     * overflow policies of rules and of queues with every action: to a rule, to a queue (one that no rule drains
     * among them), raised priority, reclassified, and to review and back out of it.
     */
    OVERFLOW {
        @Override
        Router.Builder settings() {
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("urgent", Duration.ofMinutes(2)),
                    new QueueSpec("general", Duration.ofMinutes(5))
                            .withOverflow(Overflow.whenQueueHolds(4).moveToQueue("overflow"),
                                    Overflow.after(Duration.ofMinutes(3)).raisePriority()),
                    new QueueSpec("overflow", Duration.ofMinutes(10))
                            .withOverflow(Overflow.after(Duration.ofMinutes(2)).moveTo("tiers"),
                                    Overflow.whenQueueHolds(3).sendToReview("review")),
                    new QueueSpec("review", Duration.ofMinutes(30))
                            .withOverflow(Overflow.after(Duration.ofMinutes(4)).reclassify("type", "retry"))),
                    List.of(Rule.builder("tiers").when(new Condition.In("priority", List.of("high", "urgent")))
                                    .targets(Targets.builder().then(Duration.ofSeconds(30), "ana", "ben")
                                            .then(new Targets.Target(Set.of("cleo"), Duration.ofSeconds(60), true))
                                            .then(Duration.ofSeconds(60), "dev", "eve").build())
                                    .chain(new LeastLoaded()).queue("urgent")
                                    .overflow(Overflow.after(Duration.ofSeconds(150)).moveToQueue("overflow"),
                                            Overflow.whenNobodyLoggedIn().sendToReview("review"))
                                    .build(),
                            Rule.builder("retried").when(new Condition.Is("type", "retry")).owners("ana", "eve")
                                    .chain(new RoundRobin()).queue("general").build(),
                            Rule.builder("everyone").chain(new RoundRobin()).queue("general")
                                    .overflow(Overflow.after(Duration.ofSeconds(60)).moveTo("tiers")).build()));
            return Router.builder().plan(plan);
        }
    },

    /** Identities linked by email, one conversation per customer, sticky owners and response deadlines. */
    CUSTOMERS {
        @Override
        Router.Builder settings() {
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("general", Duration.ofMinutes(5)),
                    new QueueSpec("review", Duration.ofMinutes(30))), List.of(
                    Rule.builder("sticky").chain(new StickyPreviousOwner(), new RoundRobin()).queue("general")
                            .build()));
            return Router.builder().plan(plan).linkIdentitiesBy(IdentityKey.EMAIL)
                    .oneConversationPerCustomer(true).responseDeadline(Priority.NORMAL, Duration.ofSeconds(90))
                    .responseDeadline(Priority.HIGH, Duration.ofSeconds(45)).responseReview(2, "review");
        }
    };

    /**
     * The owners every setting starts with: one with a per-channel limit, one with a fairness cap, one with its own
     * wrap-up, and one whose working hours open and close during the run (a Monday from 09:00 UTC), with a daily cap.
     */
    static final List<String> OWNERS = List.of("ana", "ben", "cleo", "dev", "eve");

    /** The router's plan and settings, without its roster, clock and store. */
    abstract Router.Builder settings();

    /** The router with its roster, without its clock and store, which the run sets. */
    Router.Builder router() {
        return settings()
                .owner(Owner.agent("ana").capacity(new Capacity(3, Map.of("email", 1))).build())
                .owner(Owner.agent("ben").capacity(2).build())
                .owner(Owner.agent("cleo").capacity(2).assignmentCap(2, Duration.ofMinutes(3)).build())
                .owner(Owner.agent("dev").capacity(1).wrapUp(Duration.ofSeconds(45)).build())
                .owner(Owner.agent("eve").capacity(2).dailyCap(4, ZoneOffset.UTC).hours(WeeklySchedule.builder(
                        ZoneOffset.UTC).open(LocalTime.of(9, 3), LocalTime.of(9, 8), DayOfWeek.MONDAY).build())
                        .build());
    }
}
