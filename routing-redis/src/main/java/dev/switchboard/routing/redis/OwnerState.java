package dev.switchboard.routing.redis;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Presence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One owner's live state as {@code owner_state} in {@code lib.lua} reads it, and what the live state makes of it with
 * the owner's definition at a moment: its status, its candidate for a decision, and why it is held back. Nothing in it
 * depends on when it was read, so a near-cache may keep it until the owner changes.
 *
 * @param ownerId the owner
 * @param position its roster position (the order it joined)
 * @param definitionVersion the version of its definition, raised by every put
 * @param presence its presence
 * @param load its open conversations, offers included
 * @param loadByChannel its open conversations per channel (channels with none are absent)
 * @param conversationIds its open conversations, oldest assignment first (none when read for a decision)
 * @param lastAssignedAt its last assignment, {@link Instant#MIN} if never
 * @param lastReleasedAt its last release, {@link Instant#MIN} if never
 * @param completions its recent releases, oldest first
 * @param wrapUpUntil the end of its wrap-up, {@link Instant#MIN} if never
 * @param capDay the local day its daily count is of, empty if never counted
 * @param capCount its count of that day
 * @param capped its latest assignments, as many as its fairness cap counts, oldest first (none without a cap)
 * @param offlineSince when it went offline, if it is
 */
record OwnerState(String ownerId, long position, long definitionVersion, Presence presence, int load,
        Map<String, Integer> loadByChannel, List<String> conversationIds, Instant lastAssignedAt,
        Instant lastReleasedAt, List<Instant> completions, Instant wrapUpUntil, Optional<LocalDate> capDay,
        int capCount, List<Instant> capped, Optional<Instant> offlineSince) {

    /** The state from one entry of {@code owner_states} or {@code changes}. */
    static OwnerState of(List<?> entry) {
        Map<String, String> fields = Replies.fields((List<?>) entry.get(2));
        Map<String, Integer> loads = new HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("load:") && Integer.parseInt(value) != 0) {
                loads.put(field.substring(5), Integer.parseInt(value));
            }
        });
        return new OwnerState((String) entry.get(0), (long) Double.parseDouble((String) entry.get(1)),
                Long.parseLong(fields.getOrDefault("defv", "0")), Presence.valueOf(fields.get("presence")),
                Integer.parseInt(fields.get("load")), Map.copyOf(loads), Replies.strings(entry.get(3)),
                instant(fields.get("last")), instant(fields.get("released")), instants(entry.get(4)),
                instant(fields.get("wrapuntil")), Optional.ofNullable(fields.get("capday")).map(LocalDate::parse),
                Integer.parseInt(fields.getOrDefault("capcount", "0")), instants(entry.get(5)),
                Optional.ofNullable(fields.get("offline")).map(Instant::parse));
    }

    private static List<Instant> instants(Object millis) {
        List<Instant> instants = new ArrayList<>();
        ((List<?>) millis).forEach(at -> instants.add(millis((String) at)));
        return List.copyOf(instants);
    }

    private static Instant instant(String millis) {
        return millis == null ? Instant.MIN : millis(millis);
    }

    private static Instant millis(String millis) {
        return Instant.ofEpochMilli((long) Double.parseDouble(millis));
    }

    OwnerStatus status(Owner owner) {
        return new OwnerStatus(owner, presence, load, loadByChannel, conversationIds, lastAssignedAt);
    }

    int freeCapacityOn(Owner owner, String channel) {
        return owner.capacity().freeOn(channel, load, loadByChannel.getOrDefault(channel, 0));
    }

    Candidate candidate(Owner owner, String channel) {
        return new Candidate(owner, position, presence, load, freeCapacityOn(owner, channel), lastAssignedAt,
                lastReleasedAt, completions);
    }

    /**
     * Why strategies may not give this owner work at {@code now}, presence and room aside, or null when they may: it
     * opted out, is outside its working hours, is wrapping up, or is at its daily cap or its fairness cap. The same
     * reasons, in the same words, as the embedded store gives.
     */
    String heldBack(Owner owner, Instant now) {
        if (!owner.autoAssign()) {
            return "opted out of automatic assignment";
        }
        if (owner.hours().filter(hours -> !hours.isOpen(now)).isPresent()) {
            return "outside its working hours";
        }
        if (wrapUpUntil.isAfter(now)) {
            return "is wrapping up its last conversation until " + wrapUpUntil;
        }
        if (owner.dailyCap().isPresent() && capDay.isPresent() && capCount >= owner.dailyCap().get().limit()
                && now.atZone(owner.dailyCap().get().zone()).toLocalDate().equals(capDay.get())) {
            return "at its daily cap of " + owner.dailyCap().get().limit() + " new conversations (" + capDay.get()
                    + " in " + owner.dailyCap().get().zone() + ")";
        }
        return owner.assignmentCap().filter(cap -> inWindow(cap.window(), now) >= cap.limit())
                .map(cap -> "at its cap of " + cap.limit() + " new conversations per " + cap.window())
                .orElse(null);
    }

    /** How many of its latest assignments fall in the fairness window {@code (now - window, now]}. */
    private long inWindow(Duration window, Instant now) {
        Instant from = now.minus(window);
        return capped.stream().filter(at -> at.isAfter(from) && !at.isAfter(now)).count();
    }
}
