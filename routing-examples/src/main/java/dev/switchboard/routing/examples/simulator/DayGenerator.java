package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.examples.simulator.Day.Arrival;
import dev.switchboard.routing.examples.simulator.Day.PresenceChange;
import dev.switchboard.routing.examples.simulator.Scenario.AgentSpec;
import dev.switchboard.routing.examples.simulator.Scenario.Arrivals;
import dev.switchboard.routing.examples.simulator.Scenario.ConversationType;
import dev.switchboard.routing.examples.simulator.Scenario.Peak;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Turns a {@link Scenario} and a seed into one concrete {@link Day}; the same seed always gives the same day.
 *
 * <p><b>Arrivals</b> are a non-homogeneous Poisson process conditioned on the day's total: given how many arrive,
 * the arrival times of such a process are independent draws from its intensity, here a mixture of one bell curve
 * per peak and an even baseline between opening and closing. Each conversation then gets a channel, type,
 * language, priority and VIP flag from the scenario's mixes, a log-normal handling time around its type's mean,
 * and a share need a specialist. A share of conversations come from customers who wrote at least
 * {@link #RETURN_AFTER} earlier and keep their language and VIP status.
 *
 * <p><b>Agents</b> come online at the start of their shift; take breaks (away: three in a shift of six hours or
 * more, one in a shorter one), spells of other work (busy) and now and then lose their connection (offline); and
 * at the end of the shift stop taking new work (away) and sign off {@link #WRAP_UP} later, when whatever they
 * still hold is re-routed.
 *
 * <p>Arrivals and rosters draw from separate random streams, so changing the number of agents keeps the same
 * conversations, and agents keep their schedules when others are added after them.
 */
final class DayGenerator {

    /** The simulated date, a Tuesday; times are UTC. */
    static final LocalDate DATE = LocalDate.of(2026, 3, 3);

    /** How long before a customer who wrote may write again and count as returning. */
    static final Duration RETURN_AFTER = Duration.ofMinutes(30);

    /** How long after the end of a shift an agent signs off. */
    static final Duration WRAP_UP = Duration.ofMinutes(20);

    /** The spread (sigma) of the log-normal handling time. */
    private static final double HANDLING_SIGMA = 0.5;

    /** A break: when, as a fraction of the shift, and how long. */
    private record Break(double at, Duration length) {}

    private static final List<Break> FULL_SHIFT_BREAKS = List.of(new Break(0.25, Duration.ofMinutes(15)),
            new Break(0.5, Duration.ofMinutes(30)), new Break(0.75, Duration.ofMinutes(15)));
    private static final List<Break> SHORT_SHIFT_BREAKS = List.of(new Break(0.5, Duration.ofMinutes(15)));
    private static final Duration FULL_SHIFT = Duration.ofHours(6);
    private static final int BREAK_JITTER_MINUTES = 15;

    /** The least time between absences, and between an absence and the shift's start or end. */
    private static final Duration GAP = Duration.ofMinutes(5);

    private static final int MAX_BUSY_SPELLS = 2;
    private static final double DISCONNECT_CHANCE = 0.15;

    private final Scenario scenario;
    private final SplittableRandom arrivalRandom;
    private final SplittableRandom rosterRandom;

    private DayGenerator(Scenario scenario, long seed) {
        this.scenario = scenario;
        SplittableRandom root = new SplittableRandom(seed);
        this.arrivalRandom = root.split();
        this.rosterRandom = root.split();
    }

    /** The day the scenario describes, with randomness fixed by the seed. */
    static Day generate(Scenario scenario, long seed) {
        return new DayGenerator(scenario, seed).day();
    }

    private Day day() {
        List<Owner> owners = new ArrayList<>();
        List<PresenceChange> changes = new ArrayList<>();
        Instant start = at(scenario.opens());
        Instant end = at(scenario.closes());
        for (AgentSpec agent : scenario.agents()) {
            owners.add(owner(agent));
            changes.addAll(schedule(agent));
            start = min(start, at(agent.shiftStart()));
            end = max(end, at(agent.shiftEnd()).plus(WRAP_UP));
        }
        changes.sort(Comparator.comparing(PresenceChange::at));
        Scenario.Specialists specialists = scenario.arrivals().specialists();
        String title = scenario.name() + ", " + DATE;
        return new Day(title, start, end, scenario.queueSla(), owners, changes, arrivals(), specialists.level(),
                specialists.triage());
    }

    // ------------------------------------------------------------------------------------------- arrivals

    private List<Arrival> arrivals() {
        Arrivals spec = scenario.arrivals();
        long[] seconds = arrivalSeconds(spec);
        Mix<String> channels = new Mix<>(spec.channels());
        Mix<String> languages = new Mix<>(spec.languages());
        Mix<Priority> priorities = new Mix<>(spec.priorities());
        Mix<ConversationType> types = Mix.of(spec.types(), ConversationType::weight);
        String idFormat = "c%0" + Math.max(4, String.valueOf(seconds.length).length()) + "d";

        List<Arrival> arrivals = new ArrayList<>(seconds.length);
        List<Customer> writers = new ArrayList<>(seconds.length);
        int returnable = 0;
        for (int i = 0; i < seconds.length; i++) {
            Instant createdAt = DATE.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(seconds[i]);
            while (returnable < i && !arrivals.get(returnable).conversation().createdAt()
                    .plus(RETURN_AFTER).isAfter(createdAt)) {
                returnable++;
            }
            Customer customer = returnable > 0 && arrivalRandom.nextDouble() < spec.returningShare()
                    ? writers.get(arrivalRandom.nextInt(returnable))
                    : new Customer(String.format(Locale.ROOT, "cust-%05d", i + 1), languages.pick(arrivalRandom),
                            arrivalRandom.nextDouble() < spec.vipShare());
            writers.add(customer);
            ConversationType type = types.pick(arrivalRandom);
            Conversation conversation = Conversation.builder(String.format(Locale.ROOT, idFormat, i + 1))
                    .customer(customer.id())
                    .channel(channels.pick(arrivalRandom))
                    .type(type.name())
                    .priority(priorities.pick(arrivalRandom))
                    .vip(customer.vip())
                    .language(customer.language())
                    .requires(type.skill(), 1)
                    .createdAt(createdAt)
                    .build();
            boolean needsSpecialist = arrivalRandom.nextDouble() < spec.specialists().share();
            Duration handling = handling(type.handling());
            arrivals.add(new Arrival(conversation, needsSpecialist ? handling.plus(spec.specialists().triage())
                    : handling, needsSpecialist));
        }
        return arrivals;
    }

    private record Customer(String id, String language, boolean vip) {}

    /** Arrival times in seconds from midnight, sorted: independent draws from the day's intensity. */
    private long[] arrivalSeconds(Arrivals spec) {
        long opens = scenario.opens().toSecondOfDay();
        long closes = scenario.closes().toSecondOfDay();
        long[] seconds = new long[spec.conversations()];
        for (int i = 0; i < seconds.length; i++) {
            double draw = arrivalRandom.nextDouble();
            Peak peak = null;
            for (Peak candidate : spec.peaks()) {
                if (draw < candidate.share()) {
                    peak = candidate;
                    break;
                }
                draw -= candidate.share();
            }
            double second;
            do {
                second = peak == null
                        ? opens + arrivalRandom.nextDouble() * (closes - opens)
                        : peak.at().toSecondOfDay() + arrivalRandom.nextGaussian() * peak.spread().toSeconds();
            } while (second < opens || second >= closes);
            seconds[i] = (long) second;
        }
        Arrays.sort(seconds);
        return seconds;
    }

    /** A log-normal handling time with the given mean, at least a minute and at most four means, in whole seconds. */
    private Duration handling(Duration mean) {
        double factor = Math.exp(HANDLING_SIGMA * arrivalRandom.nextGaussian() - HANDLING_SIGMA * HANDLING_SIGMA / 2);
        long seconds = Math.round(mean.toSeconds() * Math.min(4.0, factor));
        return Duration.ofSeconds(Math.max(60, seconds));
    }

    // ------------------------------------------------------------------------------------------- agents

    /** The agent as an owner of the roster. */
    static Owner owner(AgentSpec agent) {
        Owner.Builder owner = Owner.agent(agent.id())
                .languages(agent.languages().toArray(String[]::new))
                .capacity(agent.capacity())
                .weight(agent.weight());
        agent.skills().forEach(owner::skill);
        agent.channelCapacity().forEach(owner::channelCapacity);
        return owner.build();
    }

    /** One agent's presence changes over the day: online, breaks and other absences, wrap-up and sign-off. */
    private List<PresenceChange> schedule(AgentSpec agent) {
        Instant start = at(agent.shiftStart());
        Instant end = at(agent.shiftEnd());
        Duration shift = Duration.between(start, end);
        List<Absence> absences = new ArrayList<>();
        for (Break pause : shift.compareTo(FULL_SHIFT) >= 0 ? FULL_SHIFT_BREAKS : SHORT_SHIFT_BREAKS) {
            long jitter = rosterRandom.nextLong(-BREAK_JITTER_MINUTES, BREAK_JITTER_MINUTES + 1);
            Instant middle = start.plusSeconds((long) (shift.toSeconds() * pause.at())).plus(Duration.ofMinutes(jitter));
            place(absences, new Absence(middle.minus(pause.length().dividedBy(2)), pause.length(), Presence.AWAY),
                    start, end);
        }
        int busySpells = rosterRandom.nextInt(MAX_BUSY_SPELLS + 1);
        for (int i = 0; i < busySpells; i++) {
            placeRandomly(absences, Duration.ofMinutes(rosterRandom.nextInt(10, 26)), Presence.BUSY, start, end);
        }
        if (rosterRandom.nextDouble() < DISCONNECT_CHANCE) {
            placeRandomly(absences, Duration.ofMinutes(rosterRandom.nextInt(3, 11)), Presence.OFFLINE, start, end);
        }
        absences.sort(Comparator.comparing(Absence::from));

        String id = agent.id();
        List<PresenceChange> changes = new ArrayList<>();
        changes.add(new PresenceChange(start, id, Presence.ONLINE));
        for (Absence absence : absences) {
            changes.add(new PresenceChange(absence.from(), id, absence.presence()));
            changes.add(new PresenceChange(absence.until(), id, Presence.ONLINE));
        }
        changes.add(new PresenceChange(end, id, Presence.AWAY));
        changes.add(new PresenceChange(end.plus(WRAP_UP), id, Presence.OFFLINE));
        return changes;
    }

    /** A stretch of the shift away from the queue, starting on a whole minute. */
    private record Absence(Instant from, Duration length, Presence presence) {
        Instant until() {
            return from.plus(length);
        }

        boolean overlaps(Absence other, Duration gap) {
            return from.isBefore(other.until().plus(gap)) && other.from().isBefore(until().plus(gap));
        }
    }

    /** Adds an absence if it lies inside the shift and keeps a gap from the others; returns whether it did. */
    private static boolean place(List<Absence> absences, Absence absence, Instant shiftStart, Instant shiftEnd) {
        Absence rounded = new Absence(Instant.ofEpochSecond(absence.from().getEpochSecond() / 60 * 60),
                absence.length(), absence.presence());
        boolean inside = !rounded.from().isBefore(shiftStart.plus(GAP)) && !rounded.until().isAfter(shiftEnd.minus(GAP));
        if (!inside || absences.stream().anyMatch(other -> other.overlaps(rounded, GAP))) {
            return false;
        }
        absences.add(rounded);
        return true;
    }

    /** Tries a few random starts for an absence; a shift too full for it simply goes without. */
    private void placeRandomly(List<Absence> absences, Duration length, Presence presence, Instant start,
            Instant end) {
        long latest = Duration.between(start, end).minus(length).toMinutes();
        for (int attempt = 0; attempt < 20 && latest > 0; attempt++) {
            Instant from = start.plus(Duration.ofMinutes(rosterRandom.nextLong(latest)));
            if (place(absences, new Absence(from, length, presence), start, end)) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static Instant at(LocalTime time) {
        return DATE.atTime(time).toInstant(ZoneOffset.UTC);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A weighted choice among values, in a fixed order so that the same draw picks the same value. */
    private static final class Mix<T> {
        private final List<T> values = new ArrayList<>();
        private final double[] cumulative;

        Mix(Map<T, Double> weights) {
            cumulative = new double[weights.size()];
            double total = 0;
            for (Map.Entry<T, Double> entry : weights.entrySet()) {
                total += entry.getValue();
                cumulative[values.size()] = total;
                values.add(entry.getKey());
            }
        }

        static <T> Mix<T> of(List<T> values, ToDoubleFunction<T> weight) {
            Map<T, Double> weights = new LinkedHashMap<>();
            values.forEach(value -> weights.put(value, weight.applyAsDouble(value)));
            return new Mix<>(weights);
        }

        T pick(SplittableRandom random) {
            double draw = random.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length - 1; i++) {
                if (draw < cumulative[i]) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        }
    }
}
