package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.state.LiveStateFactory;
import java.time.Duration;
import java.util.List;

/**
 * The store contract's scripted cases: fixed sequences of calls that surely reach what the generated sequences reach
 * only now and then (an offer accepted, declined, expired on a tick and rung to all; targets that move; rules' and
 * queues' overflow policies with each of their actions), run through a router on the store and one on the embedded
 * store, each call checked as a generated one is, and each step's answer checked to be the one the case is about.
 */
final class ScriptedCases {

    private static final List<String> OWNERS = ContractSetting.OWNERS;

    private ScriptedCases() {}

    /** Offers accepted, declined, expired on a tick, rung to every owner with room, and sent to review. */
    static void offers(LiveStateFactory store) {
        ContractRun run = new ContractRun(ContractSetting.OFFERS, store, 0);
        run.expect(run.route(conversation(run, "o1", Priority.NORMAL, false)).startsWith("Offered to"),
                "o1 offered");
        Placement.Offered first = offered(run, "o1");
        String by = first.ownerIds().get(0);
        run.expect(run.call("accept o1 by " + by, router -> router.accept(by, "o1").ownerId()).equals(by),
                "o1 accepted by " + by);

        run.route(conversation(run, "o2", Priority.NORMAL, false));
        String declining = offered(run, "o2").ownerIds().get(0);
        run.call("decline o2 by " + declining,
                router -> ContractRun.describe(router.decline(declining, "o2", "busy")));
        run.expect(!(run.placement("o2").orElseThrow() instanceof Placement.Offered offer)
                || !offer.ownerIds().contains(declining), "o2 no longer offered to " + declining);
        Placement.Offered pending = offered(run, "o2");
        run.tickAfter(Duration.ofSeconds(61));
        run.expect(!(run.placement("o2").orElseThrow() instanceof Placement.Offered again)
                || again.expiresAt().isAfter(pending.expiresAt()), "o2's offer expired on the tick, a new one later");

        run.route(conversation(run, "v1", Priority.NORMAL, true));
        Placement.Offered rung = offered(run, "v1");
        run.expect(rung.ownerIds().size() >= 2, "v1 rung to every owner with room, was " + rung.ownerIds());
        String winner = rung.ownerIds().get(0);
        String loser = rung.ownerIds().get(1);
        run.call("accept v1 by " + winner, router -> router.accept(winner, "v1").ownerId());
        run.expect(run.call("accept v1 by " + loser, router -> router.accept(loser, "v1").ownerId())
                .startsWith("refused"), "the second accept of v1 refused");

        run.route(conversation(run, "o3", Priority.NORMAL, false));
        for (int declines = 0; declines < 4 && run.placement("o3").orElseThrow() instanceof Placement.Offered;
                declines++) {
            String owner = offered(run, "o3").ownerIds().get(0);
            run.call("decline o3 by " + owner, router -> ContractRun.describe(router.decline(owner, "o3", "busy")));
        }
        run.expect(waitsIn(run, "o3", "review"), "o3 in review after two refusals");
    }

    /**
     * Targets that move, and the overflow policies of rules and queues: to a queue at once as a queue fills, to a rule
     * after a wait, out of a queue no rule drains, to review when nobody is logged in, reclassified out of review.
     */
    static void overflow(LiveStateFactory store) {
        ContractRun run = new ContractRun(ContractSetting.OVERFLOW, store, 0);
        for (String owner : OWNERS) {
            run.call("capacity of " + owner + " 0", router -> {
                router.setCapacity(owner, 0);
                return "set";
            });
        }
        for (int i = 1; i <= 5; i++) {
            String answer = run.route(conversation(run, "n" + i, Priority.NORMAL, false));
            run.expect(answer.startsWith(i == 4 || i == 5 ? "Queued in overflow" : "Queued in general"),
                    "n" + i + " in " + (i >= 4 ? "overflow, as general holds four" : "general") + ", was " + answer);
        }
        run.route(conversation(run, "u1", Priority.URGENT, false));
        run.tickAfter(Duration.ofSeconds(30));
        run.call("capacity of dev 1", router -> {
            router.setCapacity("dev", 1);
            return "set";
        });
        run.expect(run.placement("u1").filter(Placement.Owned.class::isInstance)
                .map(owned -> ((Placement.Owned) owned).ownerId().equals("dev")).orElse(false),
                "u1 moved past the first target, and past cleo's with no room, to dev");

        run.tickAfter(Duration.ofSeconds(60));
        run.expect(waitsIn(run, "n1", "urgent") && waitsIn(run, "n4", "overflow"),
                "n1 moved by its rule's policy to the tiers rule, n4 still in overflow");
        run.tickAfter(Duration.ofSeconds(60));
        run.expect(waitsIn(run, "n4", "urgent"), "n4 moved out of overflow by that queue's policy");

        for (String owner : OWNERS) {
            run.call("presence of " + owner + " OFFLINE", router -> {
                router.setPresence(owner, Presence.OFFLINE);
                return "set";
            });
        }
        run.tickAfter(Duration.ofSeconds(1));
        run.expect(waitsIn(run, "n1", "review") && waitsIn(run, "u1", "review"),
                "the urgent queue sent to review as nobody of the tiers is logged in");
        run.tickAfter(Duration.ofMinutes(4));
        run.expect(waitsIn(run, "n1", "general"), "n1 reclassified out of review, waiting for the retried rule");
        run.call("presence of ana ONLINE, capacity 3", router -> {
            router.setPresence("ana", Presence.ONLINE);
            router.setCapacity("ana", 3);
            return "set";
        });
        run.expect(run.call("load of ana", router -> String.valueOf(router.ownerStatus("ana").load())).equals("3"),
                "ana given three of the reclassified conversations");
        run.expect(!run.call("overflows", router -> String.valueOf(router.stats().overflowed())).equals("0"),
                "overflows counted");
    }

    private static Conversation conversation(ContractRun run, String id, Priority priority, boolean vip) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").priority(priority).vip(vip)
                .createdAt(run.now()).build();
    }

    private static Placement.Offered offered(ContractRun run, String id) {
        Placement placement = run.placement(id).orElseThrow();
        run.expect(placement instanceof Placement.Offered, id + " offered, was " + placement);
        return (Placement.Offered) placement;
    }

    private static boolean waitsIn(ContractRun run, String id, String queue) {
        return run.placement(id).orElseThrow() instanceof Placement.Waiting waiting
                && waiting.entry().queue().equals(queue);
    }
}
