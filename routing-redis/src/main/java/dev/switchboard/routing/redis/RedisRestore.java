package dev.switchboard.routing.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes that lay a {@link StateSnapshot} out in a tenant as the live state's own scripts would have left it, so
 * that a router restored on Redis carries on as the one that took the snapshot; {@code restore.lua} makes them all in
 * one script, or none (see {@link RedisSnapshots#restore}). Roster positions and cursors are kept as they are, and
 * owners who join later take the snapshot's next roster position on. One instance works out the writes of one snapshot.
 */
final class RedisRestore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Keys keys;
    private final ServeScore serveScore;
    private final Duration wrapUp;
    private final Duration customerTtl;
    private final Duration identityTtl;
    private final boolean tracksCustomers;
    private final List<List<String>> writes = new ArrayList<>();
    private long sequence = 1;

    RedisRestore(Keys keys, ServeScore serveScore, Duration wrapUp, Duration customerTtl, Duration identityTtl,
            boolean tracksCustomers) {
        this.keys = keys;
        this.serveScore = serveScore;
        this.wrapUp = wrapUp;
        this.customerTtl = customerTtl;
        this.identityTtl = identityTtl;
        this.tracksCustomers = tracksCustomers;
    }

    /** The writes of the snapshot as of {@code now}, as JSON: a list of commands, each a list of strings. */
    String writes(StateSnapshot snapshot, Instant now) {
        Map<String, String> customerOf = links(snapshot.customers());
        Map<String, Conversation> held = new HashMap<>();
        snapshot.owned().forEach(owned -> {
            held.put(owned.conversation().id(), owned.conversation());
            place(owned.conversation(), customerOf, "owner", owned.ownerId());
        });
        snapshot.offers().forEach(offer -> {
            String id = offer.conversation().id();
            String member = String.format("%020d", next()) + ":" + id;
            held.put(id, offer.conversation());
            place(offer.conversation(), customerOf, "offered", offer.offeredAt().toString(), "expires",
                    offer.expiresAt().toString(), "offermember", member);
            offer.ownerIds().forEach(owner -> write("RPUSH", keys.start() + "offer:" + id, owner));
            write("ZADD", keys.offers(), millis(offer.expiresAt()), member);
        });
        snapshot.waiting().forEach(waiting -> waiting(waiting, customerOf));
        snapshot.roster().forEach(state -> owner(state, held, snapshot.timers().offlineSince().get(state.owner().id())));
        snapshot.cursors().forEach((scope, positions) -> positions.forEach((key, position) ->
                write("HSET", keys.cursors(scope), "p:" + key, Long.toString(position), "v:" + key, "1")));
        memory(snapshot.customers().memory(), now);
        snapshot.customers().aliases().forEach((id, names) -> names.forEach(name -> {
            write("SET", keys.alias(name), id);
            write("SADD", keys.aliases(id), name);
        }));
        StateSnapshot.Timers timers = snapshot.timers();
        timers.responseDeadlines().forEach((id, due) -> write("ZADD", keys.deadlines(), millis(due), id));
        timers.lapsedBy().forEach((id, owners) -> owners.forEach(owner -> write("RPUSH", keys.lapses(id), owner)));
        timers.passedOver().forEach((id, owners) -> owners.forEach(owner -> write("SADD", keys.passed(id), owner)));
        timers.lapsedBy().keySet().forEach(id -> write("SADD", keys.leftOut(), id));
        timers.passedOver().keySet().forEach(id -> write("SADD", keys.leftOut(), id));
        write("SET", keys.start() + "positions", Long.toString(snapshot.nextRosterPosition()));
        write("SET", keys.start() + "seq", Long.toString(sequence - 1));
        return json();
    }

    /** Writes the linked identities; returns identity to the customer it belongs to. */
    private Map<String, String> links(StateSnapshot.Customers customers) {
        Map<String, String> customerOf = new HashMap<>();
        for (StateSnapshot.LinkedIdentities link : customers.links()) {
            String root = link.customer();
            String members = keys.start() + "members:" + root;
            write("HSET", keys.identity(root), "root", root, "seen", Long.toString(next()));
            write("SADD", members, root);
            for (String identity : link.identities()) {
                customerOf.put(identity, root);
                write("HSET", keys.identity(identity), "root", root);
                write("SADD", members, identity);
                write("PEXPIRE", keys.identity(identity), Long.toString(identityTtl.toMillis()));
            }
            write("PEXPIRE", keys.identity(root), Long.toString(identityTtl.toMillis()));
            write("PEXPIRE", members, Long.toString(identityTtl.toMillis()));
        }
        return customerOf;
    }

    private void place(Conversation conversation, Map<String, String> customerOf, String... fields) {
        List<String> write = new ArrayList<>(List.of("HSET", keys.conversation(conversation.id()), "channel",
                conversation.channel(), "customer", conversation.customerId(), "data",
                ConversationCodec.encode(conversation)));
        write.addAll(List.of(fields));
        writes.add(write);
        if (tracksCustomers) {
            write("SADD", keys.placed(customerOf.getOrDefault(conversation.customerId(), conversation.customerId())),
                    conversation.id());
        }
    }

    private void waiting(StateSnapshot.Waiting waiting, Map<String, String> customerOf) {
        WaitingConversation entry = waiting.entry();
        String id = entry.conversation().id();
        String member = ServeScore.member(entry);
        String score = Long.toString(serveScore.score(entry.conversation()));
        List<String> fields = new ArrayList<>(List.of("queue", entry.queue(), "member", member, "reason",
                entry.reason(), "enqueued", entry.enqueuedAt().toString(), "sla", entry.slaDeadline().toString()));
        if (waiting.breachReported()) {
            fields.addAll(List.of("breached", "1"));
        }
        place(entry.conversation(), customerOf, fields.toArray(String[]::new));
        write("ZADD", keys.queue(entry.queue()), score, member);
        write("ZADD", keys.waiting(), score, member);
        write("ZADD", keys.timers(), millis(entry.slaDeadline()), TimerKind.SLA_BREACH.name() + ":" + id);
    }

    private void owner(StateSnapshot.OwnerState state, Map<String, Conversation> held, Instant offlineSince) {
        Owner owner = state.owner();
        String key = keys.owner(owner.id());
        StateSnapshot.Activity activity = state.activity();
        write("ZADD", keys.owners(), Long.toString(state.rosterPosition()), owner.id());
        List<String> fields = new ArrayList<>(List.of("HSET", key, "presence", state.presence().name(), "total",
                Integer.toString(owner.capacity().total()), "def", OwnerCodec.encode(owner), "wrap",
                Long.toString(owner.wrapUp().orElse(wrapUp).toMillis()), "defv", Long.toString(next()),
                "load", Integer.toString(state.conversationIds().size()),
                "maxload", Integer.toString(state.conversationIds().size())));
        owner.assignmentCap().ifPresent(cap -> fields.addAll(List.of("cap", Integer.toString(cap.limit()),
                "window", Long.toString(cap.window().toMillis()))));
        owner.capacity().perChannel().forEach((channel, limit) -> fields.addAll(List.of("limit:" + channel,
                Integer.toString(limit))));
        Map<String, Integer> byChannel = new HashMap<>();
        state.conversationIds().forEach(id -> byChannel.merge(held.get(id).channel(), 1, Integer::sum));
        byChannel.forEach((channel, load) -> fields.addAll(List.of("load:" + channel, Integer.toString(load))));
        optional(fields, "last", activity.lastAssignedAt());
        optional(fields, "released", activity.lastReleasedAt());
        optional(fields, "wrapuntil", activity.wrapUpUntil());
        activity.dailyCount().ifPresent(daily -> fields.addAll(List.of("capday", daily.day().toString(), "capcount",
                Integer.toString(daily.received()))));
        if (offlineSince != null) {
            fields.addAll(List.of("offline", offlineSince.toString()));
        }
        writes.add(fields);
        state.conversationIds().forEach(id -> write("ZADD", key + ":convs", Long.toString(next()), id));
        activity.completions().forEach(at -> write("ZADD", key + ":done", millis(at), Long.toString(next())));
        if (owner.assignmentCap().isPresent()) {
            activity.recentAssignments().forEach(at -> write("ZADD", key + ":cap", millis(at),
                    "restored-" + next() + "@" + millis(at)));
        }
    }

    /** Customer memory that has not expired by {@code now}, for what is left of its TTL. */
    private void memory(List<StateSnapshot.CustomerMemory> memory, Instant now) {
        for (StateSnapshot.CustomerMemory kept : memory) {
            long left = Duration.between(now, kept.servedAt().plus(customerTtl)).toMillis();
            if (left > 0) {
                write("SET", keys.memory(kept.customer()), kept.lastOwner(), "PX", Long.toString(left));
                write("HSET", keys.primary(kept.customer()), "owner", kept.primaryOwner(), "streak",
                        Integer.toString(kept.streak()));
                write("PEXPIRE", keys.primary(kept.customer()), Long.toString(left));
            }
        }
    }

    private static void optional(List<String> fields, String field, Instant at) {
        if (!at.equals(Instant.MIN)) {
            fields.addAll(List.of(field, millis(at)));
        }
    }

    private void write(String... command) {
        writes.add(List.of(command));
    }

    private long next() {
        return sequence++;
    }

    private String json() {
        try {
            return JSON.writeValueAsString(writes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the writes of a snapshot cannot be written as JSON", e);
        }
    }

    private static String millis(Instant at) {
        return Long.toString(at.toEpochMilli());
    }
}
