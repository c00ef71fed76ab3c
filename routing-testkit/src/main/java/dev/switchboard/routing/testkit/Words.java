package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Presence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** How stories name presences, capacities, durations and conversations. */
final class Words {

    private Words() {}

    static String of(Presence presence) {
        return presence.name().toLowerCase(Locale.ROOT);
    }

    /** {@code capacity 4}, or {@code capacity 4 (phone 1)} with per-channel limits. */
    static String of(Capacity capacity) {
        List<String> limits = new ArrayList<>();
        new TreeMap<>(capacity.perChannel()).forEach((channel, limit) -> limits.add(channel + " " + limit));
        return "capacity " + capacity.total() + (limits.isEmpty() ? "" : " (" + String.join(", ", limits) + ")");
    }

    /** {@code 90 s}, {@code 5 min}, {@code 2 h 30 min}. */
    static String of(Duration duration) {
        if (duration.toMinutes() == 0) {
            return duration.toSeconds() + " s";
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        return hours == 0 ? minutes + " min" : minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }

    /** {@code c1 (chat, NORMAL)}, with its type, VIP, language, region, skills and attributes when it has them. */
    static String of(Conversation conversation) {
        List<String> parts = new ArrayList<>(List.of(conversation.channel(), conversation.priority().name()));
        if (!conversation.type().equals("general")) {
            parts.add(conversation.type());
        }
        if (conversation.vip()) {
            parts.add("VIP");
        }
        if (!conversation.language().isEmpty()) {
            parts.add(conversation.language());
        }
        if (!conversation.region().isEmpty()) {
            parts.add(conversation.region());
        }
        conversation.requiredSkills().forEach(skill -> parts.add(skill.skill() + " >= " + skill.minProficiency()));
        new TreeMap<>(conversation.attributes()).forEach((name, value) -> parts.add(name + " " + value));
        parts.add("from " + conversation.customerId());
        return conversation.id() + " (" + String.join(", ", parts) + ")";
    }
}
