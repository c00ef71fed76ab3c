package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Condition;
import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.WeeklySchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a configuration uses, which generated conversations and operations draw from: its owners, the channels,
 * types, languages, regions and skills its owners and rules mention, the values its rules compare attributes with
 * (and values just beside them), and start times just before its schedules open or close.
 */
record Vocabulary(List<String> ownerIds, List<String> channels, List<String> types, List<String> languages,
        List<String> regions, List<String> skills, int maxProficiency, int maxCapacity,
        Map<String, List<String>> attributes, List<Instant> starts) {

    /** An absent language, region or attribute: listed first, so that shrinking goes towards it. */
    static final String NONE = "";

    /** Monday 2 March 2026, 09:00 UTC: the start of every sequence, unless a schedule gives other starts. */
    static final Instant DEFAULT_START = Instant.parse("2026-03-02T09:00:00Z");

    /** How long before a schedule opens or closes a sequence may start. */
    private static final Duration BEFORE_BOUNDARY = Duration.ofMinutes(10);

    private static final int MAX_STARTS = 8;

    Vocabulary {
        ownerIds = List.copyOf(ownerIds);
        channels = List.copyOf(channels);
        types = List.copyOf(types);
        languages = List.copyOf(languages);
        regions = List.copyOf(regions);
        skills = List.copyOf(skills);
        attributes = Map.copyOf(attributes);
        starts = List.copyOf(starts);
    }

    static Vocabulary of(List<Owner> owners, RoutingPlan plan) {
        if (owners.isEmpty()) {
            throw new IllegalArgumentException("owners must not be empty: the invariants are about owners");
        }
        List<String> ownerIds = new ArrayList<>();
        Set<String> channels = new TreeSet<>(Set.of("chat"));
        Set<String> types = new TreeSet<>(Set.of("general"));
        Set<String> languages = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        Set<String> skills = new TreeSet<>();
        int maxProficiency = 1;
        int maxCapacity = 1;
        List<WeeklySchedule> schedules = new ArrayList<>();
        for (Owner owner : owners) {
            ownerIds.add(owner.id());
            channels.addAll(owner.capacity().perChannel().keySet());
            languages.addAll(owner.languages());
            regions.addAll(owner.regions());
            skills.addAll(owner.skills().keySet());
            for (int level : owner.skills().values()) {
                maxProficiency = Math.max(maxProficiency, level);
            }
            maxCapacity = Math.max(maxCapacity, owner.capacity().total());
            owner.hours().ifPresent(schedules::add);
        }
        Map<String, Set<String>> attributes = new LinkedHashMap<>();
        for (IdentityKey key : IdentityKey.values()) {
            attributes.put(key.attribute(), new LinkedHashSet<>(List.of(key == IdentityKey.EMAIL
                    ? "pat@example.com" : "+351 910 000 001", key == IdentityKey.EMAIL ? "lee@example.com"
                    : "+351 910 000 002")));
        }
        for (Rule rule : plan.rules()) {
            rule.hours().ifPresent(schedules::add);
            for (Condition condition : rule.when()) {
                Set<String> values = switch (condition.field()) {
                    case "channel" -> channels;
                    case "type" -> types;
                    case "language" -> languages;
                    case "region" -> regions;
                    case "priority", "vip" -> new LinkedHashSet<>();
                    default -> attributes.computeIfAbsent(condition.field(), field -> new LinkedHashSet<>());
                };
                values.addAll(valuesNear(condition));
            }
        }
        Map<String, List<String>> attributeValues = new LinkedHashMap<>();
        attributes.forEach((field, values) -> attributeValues.put(field, withNoneFirst(values)));
        return new Vocabulary(ownerIds, List.copyOf(channels), List.copyOf(types), withNoneFirst(languages),
                withNoneFirst(regions), List.copyOf(skills), maxProficiency, maxCapacity, attributeValues,
                starts(schedules));
    }

    /** The values a condition names, and for a comparison the number itself and one on each side. */
    private static List<String> valuesNear(Condition condition) {
        if (condition instanceof Condition.Is is) {
            return List.of(is.value());
        }
        if (condition instanceof Condition.In in) {
            return in.values();
        }
        BigDecimal value = ((Condition.Compare) condition).value();
        return List.of(value.subtract(BigDecimal.ONE).toPlainString(), value.toPlainString(),
                value.add(BigDecimal.ONE).toPlainString());
    }

    private static List<String> withNoneFirst(Set<String> values) {
        List<String> list = new ArrayList<>();
        list.add(NONE);
        values.stream().filter(value -> !value.isEmpty()).sorted().forEach(list::add);
        return list;
    }

    /** The default start, then a little before each time a schedule opens or closes in the first week. */
    private static List<Instant> starts(List<WeeklySchedule> schedules) {
        Set<Instant> starts = new LinkedHashSet<>();
        starts.add(DEFAULT_START);
        LocalDate monday = LocalDate.of(2026, 3, 2);
        for (WeeklySchedule schedule : schedules) {
            schedule.week().forEach((day, spans) -> {
                LocalDate date = monday.with(TemporalAdjusters.nextOrSame(day));
                for (WeeklySchedule.Span span : spans) {
                    starts.add(boundary(schedule, date, span.from()));
                    starts.add(boundary(schedule, span.to().isAfter(span.from()) ? date : date.plusDays(1),
                            span.to()));
                }
            });
        }
        return starts.stream().limit(MAX_STARTS).toList();
    }

    private static Instant boundary(WeeklySchedule schedule, LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(schedule.zone()).toInstant().minus(BEFORE_BOUNDARY);
    }
}
