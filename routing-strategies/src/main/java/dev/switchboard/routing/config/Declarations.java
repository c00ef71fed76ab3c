package dev.switchboard.routing.config;

import dev.switchboard.routing.WeeklySchedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ids a document declares, each with the path where it was declared: its schedules, owners, teams, queues and
 * rules.
 * The readers of later sections check their references here, and each unknown reference is a problem that lists
 * what is declared.
 */
final class Declarations {

    private final Problems problems;
    private final Map<String, String> schedulePaths = new LinkedHashMap<>();
    private final Map<String, WeeklySchedule> schedules = new LinkedHashMap<>();
    private final Map<String, String> ownerPaths = new LinkedHashMap<>();
    private final Map<String, String> teamPaths = new LinkedHashMap<>();
    private final Map<String, List<String>> teams = new LinkedHashMap<>();
    private final Map<String, String> queuePaths = new LinkedHashMap<>();
    private final Map<String, String> rulePaths = new LinkedHashMap<>();

    Declarations(Problems problems) {
        this.problems = problems;
    }

    /** Declares a schedule id at {@code path}; a duplicate is a problem. */
    void schedule(String id, String path) {
        unique(schedulePaths, id, path, "schedule");
    }

    /** The schedule itself, once read; a schedule with problems has its id declared but no schedule. */
    void schedule(String id, WeeklySchedule schedule) {
        schedules.putIfAbsent(id, schedule);
    }

    void owner(String id, String path) {
        unique(ownerPaths, id, path, "owner");
    }

    void team(String id, String path) {
        unique(teamPaths, id, path, "team");
    }

    /** The members of a team, once read. */
    void team(String id, List<String> members) {
        teams.putIfAbsent(id, List.copyOf(members));
    }

    void queue(String id, String path) {
        unique(queuePaths, id, path, "queue");
    }

    void rule(String id, String path) {
        unique(rulePaths, id, path, "rule");
    }

    Set<String> queues() {
        return queuePaths.keySet();
    }

    /** The schedule named at {@code path}; empty, with a problem, for an unknown one. */
    Optional<WeeklySchedule> scheduleNamed(String id, String path) {
        known(schedulePaths, id, path, "schedule", "schedules");
        return Optional.ofNullable(schedules.get(id));
    }

    /** Whether the owner named at {@code path} is declared; if not, adds the problem. */
    boolean knownOwner(String id, String path) {
        return known(ownerPaths, id, path, "owner", "owners");
    }

    /** The members of the team named at {@code path}; empty, with a problem, for an unknown team. */
    List<String> membersOf(String id, String path) {
        known(teamPaths, id, path, "team", "teams");
        return teams.getOrDefault(id, List.of());
    }

    /** Whether the rule named at {@code path} is declared; if not, adds the problem. */
    boolean knownRule(String id, String path) {
        return known(rulePaths, id, path, "rule", "rules");
    }

    /** Whether the queue named at {@code path} is declared; if not, adds the problem. */
    boolean knownQueue(String id, String path) {
        return known(queuePaths, id, path, "queue", "declared queues");
    }

    private boolean known(Map<String, String> paths, String id, String path, String what, String listed) {
        if (paths.containsKey(id)) {
            return true;
        }
        problems.add(path, "unknown " + what + " '" + id + "'; " + listed + ": " + paths.keySet());
        return false;
    }

    private void unique(Map<String, String> paths, String id, String path, String what) {
        String first = paths.putIfAbsent(id, path);
        if (first != null) {
            problems.add(path, "duplicate " + what + " id '" + id + "' (first at " + first + ")");
        }
    }
}
