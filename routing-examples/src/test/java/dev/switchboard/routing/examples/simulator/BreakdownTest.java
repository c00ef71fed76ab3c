package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.routing.Condition;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.examples.simulator.Breakdown.Group;
import dev.switchboard.routing.examples.simulator.Day.Arrival;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The breakdown of {@link SimulationTest#tinyDay()} (see its timeline), with channels and priorities that do not
 * change its routing: c1 chat high, c2 email normal, c3 chat normal, c4 email low (c3 is still served before c4 at
 * 09:09, being of higher priority and older than ten minutes of aging could make up).
 *
 * <pre>
 * c1 assigned at once, never waits;  c2 assigned at once, transferred, never waits
 * c3 assigned at once, re-routed at 09:08, waits 60 s;  c4 waits 270 s and breaches the SLA of 4 min
 *
 * queue waiting    4 conversations, 3 at once, 2 waited (60 s, 270 s): median rank 1 = 60 s, p95 rank 2 = 270 s, 1 breach
 * channel chat     c1, c3: 2, 2 at once, 1 waited (60 s), 0 breaches
 *         email    c2, c4: 2, 1 at once, 1 waited (270 s), 1 breach
 * priority high    c1: 1, 1 at once, none waited;  normal c2, c3: 2, 2 at once, 1 waited (60 s);
 *          low     c4: 1, 0 at once, 1 waited (270 s), 1 breach
 * </pre>
 */
class BreakdownTest {

    private static final Map<String, String> CHANNELS = Map.of("c1", "chat", "c2", "email", "c3", "chat",
            "c4", "email", "c5", "chat");
    private static final Map<String, Priority> PRIORITIES = Map.of("c1", Priority.HIGH, "c2", Priority.NORMAL,
            "c3", Priority.NORMAL, "c4", Priority.LOW, "c5", Priority.NORMAL);

    /** The tiny day with each conversation's channel and priority from the maps above. */
    static Day day(List<Arrival> arrivals) {
        Day tiny = SimulationTest.tinyDay();
        List<Arrival> recast = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            Conversation was = arrival.conversation();
            Conversation conversation = Conversation.builder(was.id()).customer(was.customerId())
                    .channel(CHANNELS.get(was.id())).priority(PRIORITIES.get(was.id())).type(was.type())
                    .language(was.language()).requires("billing", 1).createdAt(was.createdAt()).build();
            recast.add(new Arrival(conversation, arrival.handling(), arrival.needsSpecialist()));
        }
        return new Day(tiny.title(), tiny.start(), tiny.end(), tiny.queueSla(), tiny.owners(), tiny.presenceChanges(),
                recast, tiny.specialistLevel(), tiny.triage());
    }

    static final Chain ROUND_ROBIN = new Chain("rr", "round-robin", List.of(new RoundRobin()), Chain.WAITING);

    static ChainReport tinyDay() {
        return Simulation.run(day(SimulationTest.tinyDay().arrivals()), ROUND_ROBIN);
    }

    @Test
    void theTinyDay_brokenDownByQueueChannelAndPriority_givesTheFiguresWorkedOutByHand() {
        ChainReport report = tinyDay();
        Breakdown breakdown = report.breakdown();

        assertThat(report.slaBreaches()).as("the routing is the tiny day's").isEqualTo(1);
        assertThat(report.queues()).containsExactly(new QueueSpec("waiting", Duration.ofMinutes(4)));
        assertThat(breakdown.byQueue()).extracting(Group::name, Group::conversations, Group::assignedAtOnce,
                group -> group.waits().count(), Group::slaBreaches).containsExactly(tuple("waiting", 4L, 3L, 2L, 1L));
        assertWaits(breakdown.byQueue().get(0), 60, 270);
        assertThat(breakdown.byChannel()).extracting(Group::name, Group::conversations, Group::assignedAtOnce,
                group -> group.waits().count(), Group::slaBreaches)
                .containsExactly(tuple("chat", 2L, 2L, 1L, 0L), tuple("email", 2L, 1L, 1L, 1L));
        assertWaits(breakdown.byChannel().get(0), 60, 60);
        assertWaits(breakdown.byChannel().get(1), 270, 270);
        assertThat(breakdown.byPriority()).extracting(Group::name, Group::conversations, Group::assignedAtOnce,
                group -> group.waits().count(), Group::slaBreaches)
                .containsExactly(tuple("high", 1L, 1L, 0L, 0L), tuple("normal", 2L, 2L, 1L, 0L),
                        tuple("low", 1L, 0L, 1L, 1L));
        assertWaits(breakdown.byPriority().get(1), 60, 60);
        assertWaits(breakdown.byPriority().get(2), 270, 270);
    }

    @Test
    void theConsole_andTheHtml_showTheBreakdown_withADashForTheWaitsOfAGroupThatNeverWaited() {
        SimulationReport report = new SimulationReport(day(SimulationTest.tinyDay().arrivals()), OptionalLong.of(1),
                List.of(tinyDay()));

        String console = ConsoleReport.render(report);
        String html = HtmlReport.render(report);

        assertThat(console).contains("By queue, channel and priority")
                .containsPattern("conversations +assigned at once +waited +median wait +95% waited at most "
                        + "+SLA breaches\n")
                .containsPattern("\n  queue +waiting \\(SLA 4 min\\) +4 +3 \\(75\\.0%\\) +2 \\(50\\.0%\\) +1m 00s "
                        + "+4m 30s +1\n")
                .containsPattern("\n +email +2 +1 \\(50\\.0%\\) +1 \\(50\\.0%\\) +4m 30s +4m 30s +1\n")
                .containsPattern("\n  priority +high +1 +1 \\(100\\.0%\\) +0 \\(0\\.0%\\) +- +- +0\n");
        assertThat(html).contains("<h2>By queue, channel and priority</h2>", "<th>95% waited at most</th>",
                "<td class=\"left muted\">waiting (SLA 4 min)</td><td>4</td><td>3 (75.0%)</td><td>2 (50.0%)</td>"
                        + "<td>1m 00s</td><td>4m 30s</td><td>1</td>");
    }

    @Test
    void aChainOfRules_putsEachConversationInItsRulesQueue_evenWhenItNeverWaited() {
        List<Arrival> arrivals = new ArrayList<>(SimulationTest.tinyDay().arrivals());
        Arrival c1 = arrivals.get(0);
        Conversation refund = Conversation.builder("c5").customer("z").channel("chat").type("refund")
                .language("en").requires("billing", 1).createdAt(c1.conversation().createdAt().plusSeconds(120))
                .build();
        arrivals.add(2, new Arrival(refund, Duration.ofMinutes(5), false));
        RoutingPlan plan = new RoutingPlan(
                List.of(new QueueSpec("billing", Duration.ofMinutes(4)), new QueueSpec("review", Duration.ofMinutes(30))),
                List.of(Rule.builder("billing").when(new Condition.Is("type", "billing")).owners("a", "b")
                                .chain(new RoundRobin()).queue("billing").build(),
                        Rule.builder("review").queue("review").build()));

        ChainReport report = Simulation.run(day(arrivals), new Chain("rules", "billing, else review",
                new Chain.Rules(plan)));

        assertThat(report.breakdown().byQueue()).extracting(Group::name, Group::conversations, Group::assignedAtOnce,
                group -> group.waits().count(), Group::slaBreaches)
                .containsExactly(tuple("billing", 4L, 3L, 2L, 1L), tuple("review", 1L, 0L, 1L, 0L));
        assertWaits(report.breakdown().byQueue().get(1), 1680, 1680); // 09:02 to the close at 09:30, unreviewed
        assertThat(Comparison.breakdownRows(report)).extracting(Comparison.BreakdownRow::dimension,
                Comparison.BreakdownRow::name).startsWith(tuple("queue", "billing (SLA 4 min)"),
                tuple("", "review (SLA 30 min)"), tuple("channel", "chat"));
    }

    @Test
    void eachWayOfBreakingDown_coversEveryConversationWaitAndBreachOnce() {
        for (ChainReport chain : HtmlReportTest.REPORT.chains()) {
            for (List<Group> groups : List.of(chain.breakdown().byQueue(), chain.breakdown().byChannel(),
                    chain.breakdown().byPriority())) {
                assertThat(groups.stream().mapToLong(Group::conversations).sum()).isEqualTo(chain.conversations());
                assertThat(groups.stream().mapToLong(group -> group.waits().count()).sum())
                        .isEqualTo(chain.timeInQueue().count());
                assertThat(groups.stream().mapToLong(Group::slaBreaches).sum()).isEqualTo(chain.slaBreaches());
            }
        }
    }

    /** The group's median and 95th percentile wait, in whole seconds as the report writes them. */
    private static void assertWaits(Group group, long median, long p95) {
        assertThat(group.waits().percentile(50).toSeconds()).isEqualTo(median);
        assertThat(group.waits().percentile(95).toSeconds()).isEqualTo(p95);
    }
}
