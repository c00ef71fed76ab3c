package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The maps and sets of the values the router answers with (conversations, owners, capacities, schedules, rules,
 * targets, verdicts)
 * iterate by name, so that what a host lists, prints or serialises of them is the same on every JVM: a copied map or
 * set iterates in an order that changes from one JVM to the next. Equality does not depend on the order.
 */
class ValuesIterateByNameTest {

    private static final List<String> NAMES = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot");

    private static Map<String, Integer> numbered() {
        return Map.of("foxtrot", 6, "bravo", 2, "echo", 5, "alpha", 1, "delta", 4, "charlie", 3);
    }

    @Test
    void aConversationsAttributes_iterateByName() {
        Map<String, String> attributes = Map.of("foxtrot", "6", "bravo", "2", "echo", "5", "alpha", "1", "delta", "4",
                "charlie", "3");
        Conversation conversation = new Conversation("c1", "maria", "chat", "general", Priority.NORMAL, false, "", "",
                List.of(), attributes, START);

        assertThat(conversation.attributes().keySet()).containsExactlyElementsOf(NAMES);
        assertThat(conversation.attributes()).isEqualTo(attributes);
        assertThat(conversation.toString()).contains("attributes={alpha=1, bravo=2, charlie=3, delta=4, echo=5,"
                + " foxtrot=6}");
    }

    @Test
    void anOwnersSkillsLanguagesRegionsAndChannelLimits_iterateByName() {
        Owner owner = new Owner("ana", OwnerKind.AGENT, numbered(), Set.copyOf(NAMES), Set.copyOf(NAMES),
                new Capacity(9, numbered()), 1, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(owner.skills().keySet()).containsExactlyElementsOf(NAMES);
        assertThat(owner.languages()).containsExactlyElementsOf(NAMES);
        assertThat(owner.regions()).containsExactlyElementsOf(NAMES);
        assertThat(owner.capacity().perChannel().keySet()).containsExactlyElementsOf(NAMES);
    }

    @Test
    void anAssignmentsCursors_iterateByKey() {
        Verdict.Assign assign = new Verdict.Assign("ana", "next in rotation", Map.of("foxtrot", 6L, "bravo", 2L,
                "echo", 5L, "alpha", 1L, "delta", 4L, "charlie", 3L));

        assertThat(assign.cursors().keySet()).containsExactlyElementsOf(NAMES);
    }

    @Test
    void aSchedulesDaysAndDates_iterateInCalendarOrder() {
        WeeklySchedule.Span nine = new WeeklySchedule.Span(LocalTime.of(9, 0), LocalTime.of(17, 0));
        Map<DayOfWeek, List<WeeklySchedule.Span>> week = new HashMap<>();
        List.of(DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY, DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.TUESDAY)
                .forEach(day -> week.put(day, List.of(nine)));
        Map<LocalDate, List<WeeklySchedule.Span>> exceptions = new HashMap<>();
        for (int day = 28; day > 20; day--) {
            exceptions.put(LocalDate.of(2026, 12, day), List.of());
        }

        WeeklySchedule schedule = new WeeklySchedule(ZoneId.of("Europe/Lisbon"), Map.copyOf(week),
                Map.copyOf(exceptions));

        assertThat(schedule.week().keySet()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.FRIDAY, DayOfWeek.SUNDAY);
        assertThat(List.copyOf(schedule.exceptions().keySet())).isSorted().hasSize(8);
    }

    @Test
    void aRulesOwners_andATargetsOwners_iterateById() {
        Rule rule = Rule.builder("team").owners(List.of("foxtrot", "bravo", "echo", "alpha", "delta", "charlie"))
                .chain(firstAvailable()).queue("waiting").build();
        Targets.Target target = new Targets.Target(Set.copyOf(NAMES), Duration.ofMinutes(1), false);

        assertThat(rule.owners()).containsExactlyElementsOf(NAMES);
        assertThat(target.owners()).containsExactlyElementsOf(NAMES);
    }
}
