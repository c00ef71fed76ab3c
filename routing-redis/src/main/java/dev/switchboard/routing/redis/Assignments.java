package dev.switchboard.routing.redis;

import dev.switchboard.routing.DailyCap;
import dev.switchboard.routing.Placement;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Commits, releases and the reads of who owns what and where the cursors stand. */
final class Assignments {

    private static final Scripts.Script COMMIT = Scripts.load("commit");
    private static final Scripts.Script RELEASE = Scripts.load("release");
    /** What a caller without a near-cache sends for the epoch and version it holds: it wants no changes back. */
    private static final List<String> NO_CACHE = List.of("-", "-");

    private final Scripts scripts;
    private final RedisLink link;
    private final Keys keys;
    private final Duration customerTtl;

    Assignments(Scripts scripts, RedisLink link, Keys keys, Duration customerTtl) {
        this.scripts = scripts;
        this.link = link;
        this.keys = keys;
        this.customerTtl = customerTtl;
    }

    CommitResult commit(Assignment assignment) {
        return commit(assignment, true, Optional.empty(), false);
    }

    /**
     * Commits an assignment: automatic (held back by the fairness cap, a wrap-up, the daily cap and the owners left
     * out of the conversation) or not (a claim, a transfer); counted on the owner's local day for its daily cap, and
     * tracked under the customer when {@code tracked}.
     */
    CommitResult commit(Assignment assignment, boolean automatic, Optional<DailyCap> dailyCap, boolean tracked) {
        return CommitResult.valueOf((String) run(assignment, automatic, dailyCap, tracked, NO_CACHE, "").get(0));
    }

    /**
     * As {@link #commit(Assignment, boolean, Optional, boolean)}, bringing {@code cache} up to date with the reply,
     * whether the assignment was made or refused; when {@code fromOwner} is not empty the conversation must be that
     * owner's (else {@link CommitResult#ALREADY_PLACED}), and moves from it to the assignment's owner in one script.
     */
    CommitResult commit(Assignment assignment, boolean automatic, Optional<DailyCap> dailyCap, boolean tracked,
            NearCache cache, String fromOwner) {
        NearCache.Since since = cache.since(assignment.cursorScope());
        List<Object> reply = run(assignment, automatic, dailyCap, tracked, since.args().subList(0, 2), fromOwner);
        cache.apply((List<?>) reply.get(1), assignment.cursorScope(), since);
        return CommitResult.valueOf((String) reply.get(0));
    }

    private List<Object> run(Assignment assignment, boolean automatic, Optional<DailyCap> dailyCap, boolean tracked,
            List<String> since, String fromOwner) {
        String id = assignment.conversation().id();
        String day = dailyCap.map(cap -> assignment.at().atZone(cap.zone()).toLocalDate().toString()).orElse("");
        List<String> args = new ArrayList<>(List.of(id, assignment.ownerId(), assignment.conversation().channel(),
                assignment.conversation().customerId(), ConversationCodec.encode(assignment.conversation()),
                Long.toString(assignment.at().toEpochMilli()), Long.toString(customerTtl.toMillis()),
                assignment.fromQueue(), automatic ? "1" : "0", day,
                dailyCap.map(cap -> Integer.toString(cap.limit())).orElse(""), tracked ? "1" : "0",
                Integer.toString(assignment.readVersions().size())));
        assignment.readVersions().forEach((key, version) -> {
            args.add(key);
            args.add(Long.toString(version));
        });
        args.add(assignment.cursorScope());
        args.add(Integer.toString(assignment.moves().size()));
        assignment.moves().forEach((key, position) -> {
            args.add(key);
            args.add(Long.toString(position));
        });
        args.addAll(since);
        args.add(fromOwner);
        return scripts.run(COMMIT, ScriptOutputType.MULTI, keys.conversation(id), args);
    }

    boolean release(String conversationId, String ownerId) {
        Long released = scripts.run(RELEASE, ScriptOutputType.INTEGER, keys.conversation(conversationId),
                List.of(conversationId, ownerId));
        return released == 1L;
    }

    Optional<Placement> placement(String conversationId) {
        Map<String, String> place = link.call(redis -> redis.hgetall(keys.conversation(conversationId)));
        if (place.isEmpty()) {
            return Optional.empty();
        }
        if (place.containsKey("owner")) {
            return Optional.of(new Placement.Owned(ConversationCodec.decode(place.get("data")), place.get("owner")));
        }
        return Optional.of(new Placement.Waiting(ConversationCodec.waiting(List.of(place.get("data"),
                place.get("queue"), place.get("reason"), place.get("enqueued"), place.get("sla")))));
    }

    Map<String, Cursor> cursors(String scope) {
        return Cursor.parse(link.call(redis -> redis.hgetall(keys.cursors(Keys.id(scope, "scope")))));
    }
}
