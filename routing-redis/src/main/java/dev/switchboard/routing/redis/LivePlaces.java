package dev.switchboard.routing.redis;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.DailyCap;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.state.Released;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where conversations are, as the live state keeps it in Redis: placed with an owner (by a commit), released or
 * taken back, and offered to owners. Each change is one script, which checks where the conversation is before it
 * changes anything.
 */
final class LivePlaces {

    private static final Scripts.Script PLACEMENT = Scripts.load("placement");
    private static final Scripts.Script UNASSIGN = Scripts.load("unassign");
    private static final Scripts.Script RELEASE_IF_OWNED = Scripts.load("release-if-owned");
    private static final Scripts.Script CONVERSATIONS = Scripts.load("owner-conversations");
    private static final Scripts.Script OFFER = Scripts.load("offer");
    private static final Scripts.Script RING = Scripts.load("ring");
    private static final Scripts.Script WITHDRAW = Scripts.load("withdraw");
    private static final Scripts.Script ACCEPT = Scripts.load("accept");
    private static final Scripts.Script OFFERS_DUE = Scripts.load("offers-due");

    private final Scripts scripts;
    private final Keys keys;
    private final Assignments assignments;
    private final Duration customerTtl;
    private final boolean tracksCustomers;
    private final NearCache cache;
    /** How far back owners' releases are kept; set by the router. */
    private volatile Duration completionsKept = Duration.ZERO;

    LivePlaces(Scripts scripts, Keys keys, Assignments assignments, Duration customerTtl, boolean tracksCustomers,
            NearCache cache) {
        this.cache = cache;
        this.scripts = scripts;
        this.keys = keys;
        this.assignments = assignments;
        this.customerTtl = customerTtl;
        this.tracksCustomers = tracksCustomers;
    }

    void keepCompletions(Duration window) {
        completionsKept = Keys.notNull(window, "window");
    }

    Optional<Placement> placement(String id) {
        List<Object> reply = scripts.run(PLACEMENT, ScriptOutputType.MULTI, keys.alias(Keys.id(id, "conversationId")),
                List.of(id));
        return reply.isEmpty() ? Optional.empty()
                : Optional.of(placement(Replies.fields((List<?>) reply.get(1)), Replies.strings(reply.get(2))));
    }

    /** A place from its hash's fields and, for an offer, the owners it is offered to. */
    static Placement placement(Map<String, String> place, List<String> offeredTo) {
        Conversation conversation = ConversationCodec.decode(place.get("data"));
        if (place.containsKey("owner")) {
            return new Placement.Owned(conversation, place.get("owner"));
        }
        if (place.containsKey("offered")) {
            return new Placement.Offered(conversation, offeredTo, Instant.parse(place.get("offered")),
                    Instant.parse(place.get("expires")));
        }
        // the waiting entry decodes the data again, which the codec answers from what it keeps
        return new Placement.Waiting(ConversationCodec.waiting(List.of(place.get("data"), place.get("queue"),
                place.get("reason"), place.get("enqueued"), place.get("sla"))));
    }

    /**
     * Commits an assignment (see {@link Assignments#commit(Assignment, boolean, Optional, boolean, NearCache,
     * String)}), taking the conversation from {@code fromOwner} when not empty, the reply bringing the near-cache up
     * to date.
     */
    CommitResult commit(Assignment assignment, boolean automatic, Optional<DailyCap> dailyCap, String fromOwner) {
        return assignments.commit(assignment, automatic, dailyCap, tracksCustomers, cache, fromOwner);
    }

    /**
     * Releases a conversation owned under its id, as ended at {@code at}, in one script whose reply brings the
     * near-cache up to date and says whether any conversation waits; empty when it is not owned under that id.
     */
    Optional<Released> releaseIfOwned(String id, Instant at) {
        NearCache.Since since = cache.since("");
        List<String> args = new ArrayList<>(List.of(id, Long.toString(at.toEpochMilli()),
                Long.toString(completionsKept.toMillis())));
        args.addAll(since.args().subList(0, 2));
        List<Object> reply = scripts.run(RELEASE_IF_OWNED, ScriptOutputType.MULTI, keys.conversation(id), args);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        cache.apply((List<?>) reply.get(3), "", since);
        return Optional.of(new Released(new Placement.Owned(ConversationCodec.decode((String) reply.get(1)),
                (String) reply.get(0)), reply.get(2).equals("1")));
    }

    /**
     * Takes an owned conversation from its owner ({@code expectedOwner}, or whoever owns it when empty), as ended
     * at {@code endedAt} when given; empty when it was not owned there, and nothing changed.
     */
    Optional<Placement.Owned> unassign(String id, String expectedOwner, Optional<Instant> endedAt) {
        cache.stale();
        List<Object> reply = scripts.run(UNASSIGN, ScriptOutputType.MULTI, keys.conversation(id), List.of(id,
                expectedOwner, endedAt.map(at -> Long.toString(at.toEpochMilli())).orElse(""),
                Long.toString(completionsKept.toMillis())));
        return reply.isEmpty() ? Optional.empty() : Optional.of(new Placement.Owned(
                ConversationCodec.decode((String) reply.get(1)), (String) reply.get(0)));
    }

    Placement.Owned requireUnassign(String id, Optional<Instant> endedAt) {
        return unassign(id, "", endedAt).orElseThrow(() -> new IllegalStateException("conversation '" + id
                + "' is not owned"));
    }

    List<Conversation> conversationsOf(String ownerId) {
        List<Object> reply = scripts.run(CONVERSATIONS, ScriptOutputType.MULTI, keys.owner(Keys.id(ownerId,
                "ownerId")), List.of());
        if (reply == null) {
            throw LiveRoster.notOnRoster(ownerId);
        }
        List<Conversation> conversations = new ArrayList<>(reply.size());
        reply.forEach(data -> conversations.add(ConversationCodec.decode((String) data)));
        return List.copyOf(conversations);
    }

    Placement.Offered offer(String id, Instant at, Instant expiresAt) {
        Long made = scripts.run(OFFER, ScriptOutputType.INTEGER, keys.conversation(id), List.of(id, at.toString(),
                expiresAt.toString(), Long.toString(expiresAt.toEpochMilli())));
        if (made != 1L) {
            throw new IllegalStateException("conversation '" + id + "' is not owned");
        }
        return requireOffer(id);
    }

    boolean ring(String id, String ownerId, Instant at, Optional<DailyCap> dailyCap) {
        cache.stale();
        String result = scripts.run(RING, ScriptOutputType.VALUE, keys.conversation(id), List.of(id, ownerId,
                Long.toString(at.toEpochMilli()),
                dailyCap.map(cap -> at.atZone(cap.zone()).toLocalDate().toString()).orElse(""),
                dailyCap.map(cap -> Integer.toString(cap.limit())).orElse("")));
        if (result.equals("NOT_OFFERED")) {
            throw notOffered(id, "");
        }
        return result.equals("RUNG");
    }

    Optional<Placement.Offered> withdraw(String id, String ownerId) {
        Placement.Offered before = requireOffer(id);
        cache.stale();
        List<Object> reply = scripts.run(WITHDRAW, ScriptOutputType.MULTI, keys.conversation(id),
                List.of(id, ownerId));
        if (reply.get(0).equals("NOT_OFFERED")) {
            throw notOffered(id, ownerId);
        }
        List<String> left = Replies.strings(reply).subList(1, reply.size());
        return left.isEmpty() ? Optional.empty() : Optional.of(new Placement.Offered(before.conversation(), left,
                before.offeredAt(), before.expiresAt()));
    }

    Placement.Owned accept(String id, String ownerId) {
        Placement.Offered offer = requireOffer(id);
        cache.stale();
        Long accepted = scripts.run(ACCEPT, ScriptOutputType.INTEGER, keys.conversation(id), List.of(id, ownerId,
                Long.toString(customerTtl.toMillis())));
        if (accepted != 1L) {
            throw notOffered(id, ownerId);
        }
        return new Placement.Owned(offer.conversation(), ownerId);
    }

    /**
     * The offers due by {@code now}, earliest first, leased to this caller alone for {@code lease}: an offer whose
     * expiry did not take it back by then is handed out again.
     */
    List<Placement.Offered> offersDue(Instant now, Duration lease) {
        List<Object> reply = scripts.run(OFFERS_DUE, ScriptOutputType.MULTI, keys.offers(),
                List.of(Long.toString(now.toEpochMilli()), Long.toString(lease.toMillis())));
        List<Placement.Offered> due = new ArrayList<>();
        for (Object entry : reply) {
            List<?> offer = (List<?>) entry;
            Map<String, String> place = Replies.fields((List<?>) offer.get(1));
            if (place.containsKey("offered")) {
                due.add((Placement.Offered) placement(place, Replies.strings(offer.get(2))));
            }
        }
        return List.copyOf(due);
    }

    private Placement.Offered requireOffer(String id) {
        return placement(id).filter(Placement.Offered.class::isInstance).map(Placement.Offered.class::cast)
                .orElseThrow(() -> notOffered(id, ""));
    }

    private static IllegalStateException notOffered(String id, String ownerId) {
        return new IllegalStateException("conversation '" + id + "' is not offered"
                + (ownerId.isEmpty() ? "" : " to '" + ownerId + "'"));
    }
}
