package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.examples.simulator.Day.Arrival;
import dev.switchboard.routing.examples.simulator.Day.PresenceChange;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayGeneratorTest {

    private static final Scenario SCENARIO = ScenarioFile.readDefault();
    private static final Day DAY = DayGenerator.generate(SCENARIO, 42);

    private static Instant at(String time) {
        return DayGenerator.DATE.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }

    private static long arrivalsBetween(Day day, String from, String until) {
        return day.arrivals().stream().map(arrival -> arrival.conversation().createdAt())
                .filter(createdAt -> !createdAt.isBefore(at(from)) && createdAt.isBefore(at(until))).count();
    }

    @Test
    void theSameSeed_givesTheSameDay_andAnotherSeedAnotherOne() {
        assertThat(DayGenerator.generate(SCENARIO, 42)).isEqualTo(DAY);
        assertThat(DayGenerator.generate(SCENARIO, 43)).isNotEqualTo(DAY);
    }

    @Test
    void conversationsArriveInOrder_betweenOpeningAndClosing() {
        List<Instant> times = DAY.arrivals().stream().map(arrival -> arrival.conversation().createdAt()).toList();

        assertThat(times).hasSize(3000).isSorted();
        assertThat(times.get(0)).isAfterOrEqualTo(at("08:00"));
        assertThat(times.get(times.size() - 1)).isBefore(at("19:00"));
    }

    @Test
    void theDayHasAMorningPeakAndAnAfterLunchPeak_busierThanLunchAndTheEvening() {
        long morningPeak = arrivalsBetween(DAY, "09:30", "10:30");
        long lunch = arrivalsBetween(DAY, "12:00", "13:00");
        long afternoonPeak = arrivalsBetween(DAY, "14:00", "15:00");
        long evening = arrivalsBetween(DAY, "18:00", "19:00");

        assertThat(morningPeak).isGreaterThan(lunch * 3 / 2);
        assertThat(afternoonPeak).isGreaterThan(lunch * 3 / 2).isGreaterThan(evening * 2);
    }

    @Test
    void returningCustomers_makeAboutTheConfiguredShare_andWriteAgainAtLeastHalfAnHourLater() {
        Map<String, Conversation> firstByCustomer = new HashMap<>();
        int returning = 0;
        for (Arrival arrival : DAY.arrivals()) {
            Conversation conversation = arrival.conversation();
            Conversation first = firstByCustomer.putIfAbsent(conversation.customerId(), conversation);
            if (first != null) {
                returning++;
                assertThat(conversation.createdAt()).isAfterOrEqualTo(first.createdAt().plus(DayGenerator.RETURN_AFTER));
                assertThat(conversation.language()).isEqualTo(first.language());
                assertThat(conversation.vip()).isEqualTo(first.vip());
            }
        }

        assertThat(returning / 3000.0).isBetween(0.12, 0.18);
    }

    @Test
    void everyAgent_comesOnlineForTheShift_returnsOnlineAfterEachAbsence_andSignsOffAfterWrapUp() {
        for (Scenario.AgentSpec agent : SCENARIO.agents()) {
            List<PresenceChange> changes = DAY.presenceChanges().stream()
                    .filter(change -> change.ownerId().equals(agent.id())).toList();

            assertThat(changes.get(0)).isEqualTo(new PresenceChange(at(agent.shiftStart().toString()), agent.id(),
                    Presence.ONLINE));
            assertThat(changes.get(changes.size() - 2).presence()).isEqualTo(Presence.AWAY);
            assertThat(changes.get(changes.size() - 1)).isEqualTo(new PresenceChange(
                    at(agent.shiftEnd().toString()).plus(DayGenerator.WRAP_UP), agent.id(), Presence.OFFLINE));
            assertThat(changes).extracting(PresenceChange::at).isSorted();
            for (int i = 0; i < changes.size() - 2; i++) {
                assertThat(changes.get(i).presence() == Presence.ONLINE).as("change %d of %s alternates", i, agent.id())
                        .isEqualTo(i % 2 == 0);
            }
            assertThat(changes).filteredOn(change -> change.presence() == Presence.AWAY).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void moreAgents_keepTheSameConversations_andRepeatTheRosterWithSuffixedIds() {
        Day bigger = DayGenerator.generate(SCENARIO.withAgents(25), 42);

        assertThat(bigger.arrivals()).isEqualTo(DAY.arrivals());
        assertThat(bigger.owners()).hasSize(25);
        assertThat(bigger.owners().get(20).id()).isEqualTo("ana-2");
        assertThat(bigger.owners().get(20).skills()).isEqualTo(DAY.owners().get(0).skills());
        assertThat(bigger.presenceChanges()).containsAll(DAY.presenceChanges());
    }

    @Test
    void fewerConversations_areDrawnFromTheSameDailyShape() {
        Day smaller = DayGenerator.generate(SCENARIO.withConversations(300), 42);

        assertThat(smaller.arrivals()).hasSize(300);
        assertThat(smaller.owners()).isEqualTo(DAY.owners());
        assertThat(smaller.presenceChanges()).isEqualTo(DAY.presenceChanges());
    }
}
