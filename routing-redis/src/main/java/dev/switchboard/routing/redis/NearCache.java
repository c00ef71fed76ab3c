package dev.switchboard.routing.redis;

import dev.switchboard.routing.Owner;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One live state's near-cache of the owners' states and the strategies' cursors in Redis, kept by version: every
 * script that changes an owner's state raises the tenant's version and notes the owner as changed at it
 * ({@code touch} in {@code lib.lua}), so a refresh ({@code changes.lua}) reads only the owners changed since the
 * version the cache holds, and the whole roster only when it holds nothing (or another epoch: the tenant was emptied
 * and written again). The replies of the commit and the release carry the same changes, so on one instance the cache
 * is exact without a round trip of its own (what else it changes makes the next read refresh, see {@link #stale});
 * the owners left out of conversations are kept the same way. What other instances change is seen at most
 * {@code maxAge} later,
 * or as soon as a commit is refused (its reply carries the changes). A stale cache can only make a decision that the
 * commit script refuses (and the router decides again) or a choice that was best a moment ago: every invariant is
 * checked again in Redis by the commit.
 */
final class NearCache {

    private static final Scripts.Script CHANGES = Scripts.load("changes");

    /** An owner as the cache holds it, with its definition. */
    record Member(OwnerState state, Owner owner) {}

    /** The owners left out of a conversation's decisions: those that let its response deadline lapse, passed over. */
    record LeftOut(Set<String> lapsed, Set<String> passed) {

        static final LeftOut NONE = new LeftOut(Set.of(), Set.of());
    }

    /**
     * What one decision reads: the owners in roster order, by id, the cursors of its scope, and the owners left out
     * of each conversation that has any.
     */
    record Snapshot(CachedRoster roster, Map<String, Cursor> cursors, Map<String, LeftOut> leftOut) {

        LeftOut leftOut(String conversationId) {
            return leftOut.getOrDefault(conversationId, LeftOut.NONE);
        }
    }

    /**
     * What a request told the script the cache holds (the epoch and version, then the scope), and how many changes
     * this instance had made unheard of when it was sent (see {@link #stale}).
     */
    record Since(List<String> args, long changesMade) {}

    private final Scripts scripts;
    private final Keys keys;
    private final LiveRoster definitions;
    private final Duration maxAge;
    private final InstantSource clock;
    private String epoch = "";
    private long version;
    private boolean filled;
    private CachedRoster roster = CachedRoster.EMPTY;
    private final Map<String, Map<String, Cursor>> cursors = new HashMap<>();
    private Map<String, LeftOut> leftOut = Map.of();
    /** When a reply last brought the cache up to the tenant's version. */
    private Instant heard = Instant.MIN;
    /** How many changes this instance made without a reply that tells the cache (see {@link #stale}). */
    private long changesMade;
    /** The most of those that a reply applied since took into account. */
    private long changesHeard;

    NearCache(Scripts scripts, Keys keys, LiveRoster definitions, Duration maxAge, InstantSource clock) {
        this.scripts = scripts;
        this.keys = keys;
        this.definitions = definitions;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * The owners and the scope's cursors for a decision, refreshed first (one round trip) when the cache holds
     * nothing, heard from Redis longer than the max age ago, missed a change this instance made, or never read the
     * scope.
     */
    Snapshot read(String scope) {
        Since since;
        synchronized (this) {
            Map<String, Cursor> scoped = cursors.get(scope);
            if (scoped != null && fresh()) {
                return new Snapshot(roster, scoped, leftOut);
            }
            since = since(scope);
        }
        refresh(scope, since);
        synchronized (this) {
            return new Snapshot(roster, cursors.getOrDefault(scope, Map.of()), leftOut);
        }
    }

    /** Brings the cache up to the tenant's version, and the cursors of {@code scope}: one round trip. */
    private void refresh(String scope, Since since) {
        apply(scripts.run(CHANGES, ScriptOutputType.MULTI, keys.owners(), since.args()), scope, since);
    }

    /**
     * The owners offline, with since when, in roster order, read at this moment: the cache is brought up to the
     * tenant's version first (one round trip, which reads only the owners changed since the version it holds), so a
     * tick reads what changed, not every owner's state.
     */
    Map<String, Instant> offlineSince() {
        refresh("", since(""));
        CachedRoster now;
        synchronized (this) {
            now = roster;
        }
        Map<String, Instant> offline = new LinkedHashMap<>();
        for (Member member : now.inOrder()) {
            member.state().offlineSince().ifPresent(at -> offline.put(member.state().ownerId(), at));
        }
        return offline;
    }

    private boolean fresh() {
        return filled && changesHeard == changesMade && !maxAge.isZero()
                && !clock.instant().isAfter(heard.plus(maxAge));
    }

    /** What the cache holds, for a script's reply to bring it up to date (cursors of {@code scope}; none for ""). */
    synchronized Since since(String scope) {
        return new Since(List.of(epoch, filled ? Long.toString(version) : "", scope), changesMade);
    }

    /** This instance changed an owner without a reply that tells the cache: the next read refreshes. */
    synchronized void stale() {
        changesMade++;
    }

    /** This instance forgets a conversation: if the cache holds owners left out of it, the next read refreshes. */
    synchronized void forgetting(String conversationId) {
        if (leftOut.containsKey(conversationId)) {
            changesMade++;
        }
    }

    private static Map<String, LeftOut> leftOut(List<?> entries) {
        Map<String, LeftOut> read = new HashMap<>();
        for (Object entry : entries) {
            List<?> fields = (List<?>) entry;
            LeftOut owners = new LeftOut(Set.copyOf(Replies.strings(fields.get(1))),
                    Set.copyOf(Replies.strings(fields.get(2))));
            if (!owners.lapsed().isEmpty() || !owners.passed().isEmpty()) {
                read.put((String) fields.get(0), owners);
            }
        }
        return Map.copyOf(read);
    }

    /**
     * Applies the reply of {@code changes} in {@code lib.lua} to a request sent as {@code since}: the owners, when the
     * reply is newer than what the cache holds, and each cursor of {@code scope} whose version is newer.
     */
    void apply(List<?> changes, String scope, Since since) {
        String replyEpoch = (String) changes.get(0);
        long replyVersion = Long.parseLong((String) changes.get(1));
        boolean whole = changes.get(2).equals("1");
        List<Member> changed = new ArrayList<>();
        for (OwnerState state : LiveRoster.parse((List<?>) changes.get(3))) {
            changed.add(new Member(state, definitions.owner(state))); // a changed definition is read outside the lock
        }
        List<String> gone = Replies.strings(changes.get(4));
        Map<String, Cursor> scoped = Cursor.parse(Replies.fields((List<?>) changes.get(5)));
        Map<String, LeftOut> leftOutRead = changes.get(6).equals("1") ? leftOut((List<?>) changes.get(7)) : null;
        synchronized (this) {
            boolean newEpoch = !filled || !replyEpoch.equals(epoch);
            if (whole ? newEpoch || replyVersion >= version : !newEpoch && replyVersion >= version) {
                roster = whole ? CachedRoster.of(changed) : roster.with(changed, gone);
                if (newEpoch) {
                    cursors.clear();
                }
                if (leftOutRead != null) {
                    leftOut = leftOutRead;
                }
                epoch = replyEpoch;
                version = replyVersion;
                filled = true;
                heard = clock.instant();
                changesHeard = Math.max(changesHeard, since.changesMade());
            }
            if (!scope.isEmpty()) {
                Map<String, Cursor> merged = new HashMap<>(cursors.getOrDefault(scope, Map.of()));
                scoped.forEach((key, cursor) -> merged.merge(key, cursor,
                        (held, read) -> read.version() > held.version() ? read : held));
                cursors.put(scope, Map.copyOf(merged));
            }
        }
    }
}
