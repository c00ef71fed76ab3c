package dev.switchboard.routing.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every timer of the tenant in one sorted set, scored by when it is due (epoch milliseconds), each member
 * {@code <kind>:<subject>}: scheduling a timer again moves it, and a claim leases each due timer to one caller alone
 * until it cancels or moves it; a lease that runs out (its claimer died) hands the timer out again.
 */
final class Timers {

    private static final Scripts.Script SCHEDULE = Scripts.load("schedule-timer");
    private static final Scripts.Script CLAIM = Scripts.load("claim-timers");

    private final Scripts scripts;
    private final RedisLink link;
    private final Keys keys;
    private final String lease;

    Timers(Scripts scripts, RedisLink link, Keys keys, Duration lease) {
        this.scripts = scripts;
        this.link = link;
        this.keys = keys;
        this.lease = Long.toString(lease.toMillis());
    }

    void schedule(TimerKind kind, String subject, Instant due) {
        Keys.notNull(due, "due");
        String member = member(kind, subject);
        scripts.run(SCHEDULE, ScriptOutputType.INTEGER, keys.timers(), List.of(member,
                Long.toString(due.toEpochMilli())));
    }

    boolean cancel(TimerKind kind, String subject) {
        String member = member(kind, subject);
        return link.call(redis -> redis.zrem(keys.timers(), member)) == 1L;
    }

    List<DueTimer> claimDue(Instant now, int limit) {
        Keys.notNull(now, "now");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        List<Object> due = scripts.run(CLAIM, ScriptOutputType.MULTI, keys.timers(),
                List.of(Long.toString(now.toEpochMilli()), Integer.toString(limit), lease));
        List<DueTimer> timers = new ArrayList<>(due.size() / 2);
        for (int i = 0; i < due.size(); i += 2) {
            String member = (String) due.get(i);
            int colon = member.indexOf(':');
            timers.add(new DueTimer(TimerKind.valueOf(member.substring(0, colon)), member.substring(colon + 1),
                    Instant.ofEpochMilli(Long.parseLong((String) due.get(i + 1)))));
        }
        return List.copyOf(timers);
    }

    private static String member(TimerKind kind, String subject) {
        return Keys.notNull(kind, "kind").name() + ":" + Keys.id(subject, "subject");
    }
}
