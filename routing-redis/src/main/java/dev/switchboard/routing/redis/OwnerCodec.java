package dev.switchboard.routing.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.routing.AssignmentCap;
import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.DailyCap;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerKind;
import dev.switchboard.routing.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An owner's whole definition as the JSON kept in its hash's {@code def} field, so that every instance sees the
 * owners another one put: skills, languages, regions, capacity, weight, opting out, caps, working hours and wrap-up.
 */
final class OwnerCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OwnerCodec() {}

    static String encode(Owner owner) {
        ObjectNode node = JSON.createObjectNode().put("id", owner.id()).put("kind", owner.kind().name())
                .put("weight", owner.weight()).put("autoAssign", owner.autoAssign());
        ObjectNode skills = node.putObject("skills");
        owner.skills().forEach(skills::put);
        owner.languages().forEach(node.putArray("languages")::add);
        owner.regions().forEach(node.putArray("regions")::add);
        ObjectNode capacity = node.putObject("capacity").put("total", owner.capacity().total());
        ObjectNode channels = capacity.putObject("perChannel");
        owner.capacity().perChannel().forEach(channels::put);
        owner.assignmentCap().ifPresent(cap -> node.putObject("assignmentCap").put("limit", cap.limit())
                .put("window", cap.window().toString()));
        owner.dailyCap().ifPresent(cap -> node.putObject("dailyCap").put("limit", cap.limit())
                .put("zone", cap.zone().getId()));
        owner.wrapUp().ifPresent(wrapUp -> node.put("wrapUp", wrapUp.toString()));
        owner.hours().ifPresent(hours -> {
            ObjectNode schedule = node.putObject("hours").put("zone", hours.zone().getId());
            ObjectNode week = schedule.putObject("week");
            hours.week().forEach((day, spans) -> spans(week.putArray(day.name()), spans));
            ObjectNode exceptions = schedule.putObject("exceptions");
            hours.exceptions().forEach((date, spans) -> spans(exceptions.putArray(date.toString()), spans));
        });
        return node.toString();
    }

    private static void spans(ArrayNode array, List<WeeklySchedule.Span> spans) {
        spans.forEach(span -> array.addObject().put("from", span.from().toString()).put("to", span.to().toString()));
    }

    static Owner decode(String data) {
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an owner in Redis is not valid JSON: " + data, e);
        }
        Map<String, Integer> skills = new HashMap<>();
        node.path("skills").properties().forEach(skill -> skills.put(skill.getKey(), skill.getValue().asInt()));
        Map<String, Integer> perChannel = new HashMap<>();
        node.path("capacity").path("perChannel").properties()
                .forEach(limit -> perChannel.put(limit.getKey(), limit.getValue().asInt()));
        JsonNode cap = node.path("assignmentCap");
        JsonNode daily = node.path("dailyCap");
        return new Owner(node.path("id").asText(), OwnerKind.valueOf(node.path("kind").asText()), skills,
                texts(node.path("languages")), texts(node.path("regions")),
                new Capacity(node.path("capacity").path("total").asInt(), perChannel), node.path("weight").asInt(),
                node.path("autoAssign").asBoolean(),
                cap.isMissingNode() ? Optional.empty() : Optional.of(new AssignmentCap(cap.path("limit").asInt(),
                        Duration.parse(cap.path("window").asText()))),
                node.path("hours").isMissingNode() ? Optional.empty() : Optional.of(schedule(node.path("hours"))),
                daily.isMissingNode() ? Optional.empty() : Optional.of(new DailyCap(daily.path("limit").asInt(),
                        ZoneId.of(daily.path("zone").asText()))),
                node.path("wrapUp").isMissingNode() ? Optional.empty()
                        : Optional.of(Duration.parse(node.path("wrapUp").asText())));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static WeeklySchedule schedule(JsonNode node) {
        return new WeeklySchedule(ZoneId.of(node.path("zone").asText()),
                byDay(node.path("week"), DayOfWeek::valueOf), byDay(node.path("exceptions"), LocalDate::parse));
    }

    private static <K> Map<K, List<WeeklySchedule.Span>> byDay(JsonNode node, Function<String, K> day) {
        Map<K, List<WeeklySchedule.Span>> byDay = new HashMap<>();
        node.properties().forEach(entry -> {
            List<WeeklySchedule.Span> spans = new ArrayList<>();
            entry.getValue().forEach(span -> spans.add(new WeeklySchedule.Span(
                    LocalTime.parse(span.path("from").asText()), LocalTime.parse(span.path("to").asText()))));
            byDay.put(day.apply(entry.getKey()), spans);
        });
        return byDay;
    }
}
