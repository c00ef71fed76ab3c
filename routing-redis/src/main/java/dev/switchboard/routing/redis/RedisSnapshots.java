package dev.switchboard.routing.redis;

import dev.switchboard.routing.AssignmentCap;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.state.LiveStateSettings;
import dev.switchboard.routing.state.StateSnapshot;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a tenant's whole live state as a {@link StateSnapshot} in one script ({@code snapshot.lua}), so that no
 * concurrent writer can tear it, and writes one into an empty tenant in one script ({@code restore.lua}; the writes
 * are {@link RedisRestore}'s). Redis keeps some parts its own way, and the snapshot says them as Redis has them:
 * customer memory is bounded by its TTL alone, which runs on Redis's clock (its {@code servedAt} is when that TTL
 * started, by the router's clock now). In all else a snapshot equals the embedded store's for the same history (a
 * conversation's aliases and the owners passed over for it are listed by id in both, as Redis keeps them as sets).
 */
final class RedisSnapshots {

    private static final Scripts.Script SNAPSHOT = Scripts.load("snapshot");
    private static final Scripts.Script RESTORE = Scripts.load("restore");

    private final Scripts scripts;
    private final Keys keys;
    private final LiveStateSettings settings;
    private final Duration identityTtl;

    RedisSnapshots(Scripts scripts, Keys keys, LiveStateSettings settings, Duration identityTtl) {
        this.scripts = scripts;
        this.keys = keys;
        this.settings = settings;
        this.identityTtl = identityTtl;
    }

    /**
     * Writes the snapshot into the tenant in one script, as of {@code now}; refuses a tenant that holds any key with
     * an IllegalStateException, writing nothing.
     */
    void restore(StateSnapshot snapshot, Instant now) {
        String writes = new RedisRestore(keys, new ServeScore(settings.serveOrder().agingStep(),
                settings.serveOrder().byLastActivity()), settings.wrapUp(), settings.customerTtl(), identityTtl,
                settings.tracksCustomers()).writes(Keys.notNull(snapshot, "snapshot"), now);
        Long restored = scripts.run(RESTORE, ScriptOutputType.INTEGER, keys.owners(), List.of(writes));
        if (restored != 1L) {
            throw new IllegalStateException("only an empty tenant can be restored from a snapshot, and '"
                    + keys.start() + "' already holds state");
        }
    }

    /** The tenant's state as a snapshot taken at {@code now}. */
    StateSnapshot read(Instant now) {
        List<Object> reply = scripts.run(SNAPSHOT, ScriptOutputType.MULTI, keys.owners(), List.of());
        Map<String, Map<String, String>> places = new HashMap<>();
        Map<String, List<String>> offeredTo = new HashMap<>();
        for (Object entry : (List<?>) reply.get(2)) {
            List<?> open = (List<?>) entry;
            places.put((String) open.get(0), Replies.fields((List<?>) open.get(1)));
            offeredTo.put((String) open.get(0), Replies.strings(open.get(2)));
        }
        List<StateSnapshot.OwnerState> roster = new ArrayList<>();
        Map<String, Instant> offlineSince = new HashMap<>();
        for (Object entry : (List<?>) reply.get(1)) {
            StateSnapshot.OwnerState state = owner((List<?>) entry);
            roster.add(state);
            Optional.ofNullable(Replies.fields((List<?>) ((List<?>) entry).get(2)).get("offline"))
                    .filter(at -> state.presence() == Presence.OFFLINE)
                    .ifPresent(at -> offlineSince.put(state.owner().id(), Instant.parse(at)));
        }
        List<Placement.Owned> owned = new ArrayList<>();
        List<Map.Entry<String, Placement.Offered>> offers = new ArrayList<>();
        places.forEach((id, place) -> {
            Placement placement = LivePlaces.placement(place, offeredTo.get(id));
            if (placement instanceof Placement.Owned owner) {
                owned.add(owner);
            } else if (placement instanceof Placement.Offered offer) {
                offers.add(Map.entry(place.get("offermember"), offer));
            }
        });
        owned.sort(Comparator.comparing(placement -> placement.conversation().id()));
        offers.sort(Map.Entry.comparingByKey());
        List<StateSnapshot.Waiting> waiting = new ArrayList<>();
        for (String id : Replies.strings(reply.get(3))) {
            Map<String, String> place = places.get(id);
            waiting.add(new StateSnapshot.Waiting(((Placement.Waiting) LivePlaces.placement(place, List.of()))
                    .entry(), place.containsKey("breached")));
        }
        return new StateSnapshot(now, roster, Long.parseLong((String) reply.get(0)), owned,
                offers.stream().map(Map.Entry::getValue).toList(), waiting, cursors((List<?>) reply.get(4)),
                customers(reply, now), new StateSnapshot.Timers(offlineSince, deadlines((List<?>) reply.get(8)),
                        lists((List<?>) reply.get(9), false), lists((List<?>) reply.get(10), true)));
    }

    private static StateSnapshot.OwnerState owner(List<?> entry) {
        Map<String, String> fields = Replies.fields((List<?>) entry.get(2));
        Owner owner = OwnerCodec.decode(fields.get("def"));
        List<Instant> recent = scores((List<?>) entry.get(5));
        int kept = owner.assignmentCap().map(AssignmentCap::limit).orElse(0);
        recent = recent.subList(Math.max(0, recent.size() - kept), recent.size());
        Optional<StateSnapshot.DailyCount> daily = Optional.ofNullable(fields.get("capday")).map(day ->
                new StateSnapshot.DailyCount(LocalDate.parse(day), Integer.parseInt(fields.get("capcount"))));
        StateSnapshot.Activity activity = new StateSnapshot.Activity(millis(fields.get("last")), recent,
                millis(fields.get("released")), scores((List<?>) entry.get(4)), millis(fields.get("wrapuntil")),
                daily);
        return new StateSnapshot.OwnerState(owner, (long) Double.parseDouble((String) entry.get(1)),
                Presence.valueOf(fields.get("presence")), Replies.strings(entry.get(3)), activity);
    }

    private StateSnapshot.Customers customers(List<Object> reply, Instant now) {
        List<StateSnapshot.CustomerMemory> memory = new ArrayList<>();
        for (Object entry : (List<?>) reply.get(5)) {
            List<?> kept = (List<?>) entry;
            long left = (Long) kept.get(2);
            if (kept.get(1) != null && left > 0) {
                Map<String, String> primary = Replies.fields((List<?>) kept.get(3));
                String last = (String) kept.get(1);
                memory.add(new StateSnapshot.CustomerMemory((String) kept.get(0), primary.getOrDefault("owner", last),
                        last, Integer.parseInt(primary.getOrDefault("streak", "1")),
                        now.plusMillis(left).minus(settings.customerTtl())));
            }
        }
        memory.sort(Comparator.comparing(StateSnapshot.CustomerMemory::customer));
        List<Map.Entry<Long, StateSnapshot.LinkedIdentities>> links = new ArrayList<>();
        for (Object entry : (List<?>) reply.get(6)) {
            List<?> set = (List<?>) entry;
            String customer = (String) set.get(0);
            List<String> others = Replies.strings(set.get(2)).stream().filter(id -> !id.equals(customer)).sorted()
                    .toList();
            if (!others.isEmpty()) {
                links.add(Map.entry(Long.parseLong((String) set.get(1)),
                        new StateSnapshot.LinkedIdentities(customer, others)));
            }
        }
        links.sort(Map.Entry.comparingByKey());
        return new StateSnapshot.Customers(memory, links.stream().map(Map.Entry::getValue).toList(),
                lists((List<?>) reply.get(7), true));
    }

    private static Map<String, Map<String, Long>> cursors(List<?> scopes) {
        Map<String, Map<String, Long>> cursors = new HashMap<>();
        for (Object entry : scopes) {
            Map<String, Long> positions = new HashMap<>();
            Replies.fields((List<?>) ((List<?>) entry).get(1)).forEach((field, value) -> {
                if (field.startsWith("p:")) {
                    positions.put(field.substring(2), Long.parseLong(value));
                }
            });
            if (!positions.isEmpty()) {
                cursors.put((String) ((List<?>) entry).get(0), positions);
            }
        }
        return cursors;
    }

    private static Map<String, Instant> deadlines(List<?> pairs) {
        Map<String, Instant> deadlines = new HashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            deadlines.put((String) pairs.get(i), millis((String) pairs.get(i + 1)));
        }
        return deadlines;
    }

    /** Id to owners (or names) from (id, list) entries, sorted when Redis keeps them as a set. */
    private static Map<String, List<String>> lists(List<?> entries, boolean sorted) {
        Map<String, List<String>> lists = new TreeMap<>();
        for (Object entry : entries) {
            List<String> values = Replies.strings(((List<?>) entry).get(1));
            if (!values.isEmpty()) {
                lists.put((String) ((List<?>) entry).get(0), sorted ? values.stream().sorted().toList() : values);
            }
        }
        return lists;
    }

    /** The scores of a sorted set read with its scores, as instants (epoch ms), lowest first. */
    private static List<Instant> scores(List<?> pairs) {
        List<Instant> instants = new ArrayList<>();
        for (int i = 1; i < pairs.size(); i += 2) {
            instants.add(millis((String) pairs.get(i)));
        }
        return instants;
    }

    private static Instant millis(String millis) {
        return millis == null ? Instant.MIN : Instant.ofEpochMilli((long) Double.parseDouble(millis));
    }
}
