package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerKind;
import dev.switchboard.routing.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An owner's definition survives its JSON in Redis whole, so every instance sees the owner another one put. */
class OwnerCodecTest {

    @Test
    void everyPartOfAnOwner_survivesItsJson() {
        WeeklySchedule hours = WeeklySchedule.builder(ZoneId.of("Europe/Lisbon"))
                .open(LocalTime.of(9, 0), LocalTime.of(17, 30), DayOfWeek.MONDAY, DayOfWeek.TUESDAY)
                .open(LocalTime.of(22, 0), LocalTime.of(6, 0), DayOfWeek.FRIDAY)
                .closedOn(LocalDate.of(2026, 12, 25)).openOn(LocalDate.of(2026, 12, 26), LocalTime.of(10, 0),
                        LocalTime.of(12, 0)).build();
        Owner owner = Owner.builder("sales-team", OwnerKind.TEAM).skill("billing", 3).skill("spanish", 1)
                .languages("en", "pt-br").regions("emea").capacity(new Capacity(6, Map.of("phone", 1, "email", 3)))
                .weight(4).autoAssign(false).assignmentCap(5, Duration.ofMinutes(30)).hours(hours)
                .dailyCap(40, ZoneId.of("America/Sao_Paulo")).wrapUp(Duration.ofSeconds(90)).build();

        assertThat(OwnerCodec.decode(OwnerCodec.encode(owner))).isEqualTo(owner);
    }

    @Test
    void anOwnerWithNothingOptional_survivesItsJson() {
        Owner owner = Owner.agent("ana").capacity(2).build();

        assertThat(OwnerCodec.decode(OwnerCodec.encode(owner))).isEqualTo(owner);
    }
}
