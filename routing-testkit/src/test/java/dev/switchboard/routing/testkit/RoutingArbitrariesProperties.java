package dev.switchboard.routing.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.WeeklySchedule;
import dev.switchboard.routing.config.RoutingConfig;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The generators speak the configuration's language: its channels, types, languages, owners and hours. */
class RoutingArbitrariesProperties {

    private static final RoutingConfig DENTAL = RoutingConfig.load(Path.of("..", "routing-examples", "src", "main",
            "resources", "config", "dental-clinic.json"));
    private static final RoutingArbitraries GENERATORS = RoutingArbitraries.of(DENTAL);

    @Provide
    Arbitrary<Conversation> conversations() {
        return GENERATORS.conversations();
    }

    @Provide
    Arbitrary<Scenario> days() {
        return GENERATORS.scenarios(30);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void conversationsUseTheConfigurationsWords(@ForAll("conversations") Conversation conversation) {
        assertThat(conversation.channel()).isIn("chat", "phone");
        assertThat(conversation.type()).isIn("general", "complaint", "specialist-review", "scheduling", "routine",
                "pricing", "post-service");
        assertThat(conversation.language()).isIn("", "en", "es", "pt");
        assertThat(conversation.requiredSkills()).allSatisfy(skill -> {
            assertThat(skill.skill()).isIn("orthodontics", "implants", "periodontics");
            assertThat(skill.minProficiency()).isBetween(1, 3);
        });
        assertThat(conversation.attributes().keySet()).isSubsetOf("email", "phone", "confidence");
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void daysNameOnlyConfiguredOwnersAndStayWithinTheirLength(@ForAll("days") Scenario day) {
        Set<String> owners = Set.of("lucia", "tom", "marta", "joao", "dr-silva", "dr-costa", "helena");
        assertThat(day.operations()).hasSizeLessThanOrEqualTo(30 + owners.size());
        for (Operation operation : day.operations()) {
            if (operation instanceof Operation.SetPresence presence) {
                assertThat(presence.ownerId()).isIn(owners);
            } else if (operation instanceof Operation.Claim claim) {
                assertThat(claim.ownerId()).isIn(owners);
            } else if (operation instanceof Operation.Transfer transfer) {
                assertThat(transfer.toOwnerId()).isIn(owners);
            }
        }
    }

    @Test
    void daysStartAlsoJustBeforeTheHoursOfOwnersAndRulesBeginAndEnd() {
        WeeklySchedule lisbonMornings = WeeklySchedule.builder(ZoneId.of("Europe/Lisbon"))
                .open(LocalTime.of(8, 0), LocalTime.of(12, 0), DayOfWeek.TUESDAY).build();
        Owner ana = Owner.agent("ana").hours(lisbonMornings).build();
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(5))),
                List.of(Rule.builder("all").queue("waiting").build()));

        List<Instant> starts = Vocabulary.of(List.of(ana), plan).starts();

        assertThat(starts).containsExactly(Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-03T07:50:00Z"), Instant.parse("2026-03-03T11:50:00Z"));
    }
}
