package dev.switchboard.routing.testkit;

import dev.switchboard.routing.OwnerStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A run told as a story, one line per operation that did something, times in UTC: it opens with the owners the story
 * names, as the router was built (the others are summed up), and ends with the invariant that broke.
 *
 * <pre>
 * 09:00 ana online, capacity 1
 * 09:01 c1 (chat, NORMAL, from cust-1) arrives -> to ana by greedy
 * 09:02 c2 (chat, NORMAL, from cust-1) arrives -> to ana by greedy
 *   VIOLATED never over capacity: ana over capacity (2 of 1)
 * </pre>
 */
final class Story {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Instant start;
    private final List<OwnerStatus> opening;
    private final List<String> lines = new ArrayList<>();

    Story(Instant start, List<OwnerStatus> opening) {
        this.start = start;
        this.opening = List.copyOf(opening);
    }

    void line(Instant at, String text) {
        lines.add(time(at) + " " + text);
    }

    /** How many lines of operations the story has. */
    int steps() {
        return lines.size();
    }

    String render(Violation violation) {
        String told = String.join("\n", lines) + "\n" + violation.detail();
        List<String> opened = new ArrayList<>();
        int others = 0;
        for (OwnerStatus status : opening) {
            if (names(told, status.owner().id())) {
                opened.add(status.owner().id() + " " + Words.of(status.presence()) + ", "
                        + Words.of(status.owner().capacity()));
            } else {
                others++;
            }
        }
        if (others > 0) {
            opened.add((opened.isEmpty() ? "" : "and ") + others + (others == 1 ? " other owner" : " other owners")
                    + " as configured");
        }
        StringBuilder story = new StringBuilder(time(start)).append(' ').append(String.join("; ", opened));
        lines.forEach(line -> story.append('\n').append(line));
        return story.append("\n  VIOLATED ").append(violation.invariant().title()).append(": ")
                .append(violation.detail()).toString();
    }

    /** Whether a text names an owner: its id, not as part of a longer name. */
    private static boolean names(String text, String ownerId) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(ownerId) + "(?![\\w-])").matcher(text).find();
    }

    private String time(Instant at) {
        boolean sameDay = LocalDate.ofInstant(at, ZoneOffset.UTC).equals(LocalDate.ofInstant(start, ZoneOffset.UTC));
        return (sameDay ? TIME : DAY_AND_TIME).format(at);
    }
}
