package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.examples.simulator.ChainReport.AgentFigures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The report's charts, drawn as inline SVG from a run's figures; chain {@code i} is drawn in {@link #color(int)}. */
final class Charts {
    private Charts() {}

    private static final int WIDTH = 960;
    private static final List<String> PALETTE = List.of("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee",
            "#aa3377");
    private static final String ARRIVALS_COLOR = "#8da0b6";

    /** Minutes per point of the queue-length chart (the most waiting in each such stretch). */
    static final int QUEUE_MINUTES_PER_POINT = 5;

    /** Minutes per bar of the arrivals chart. */
    static final int ARRIVAL_MINUTES_PER_BAR = 15;

    /**
     * The ranges of the time-to-assign chart, in seconds; conversations assigned at once are left out, since they
     * would dwarf the rest.
     */
    record Bucket(String label, long from, long until) {}

    static final List<Bucket> TIME_TO_ASSIGN = List.of(
            new Bucket("1-29 s", 1, 30), new Bucket("30-59 s", 30, 60), new Bucket("1-2 min", 60, 120),
            new Bucket("2-5 min", 120, 300), new Bucket("5-10 min", 300, 600), new Bucket("10-15 min", 600, 900),
            new Bucket("15-20 min", 900, 1200), new Bucket("20-30 min", 1200, 1800),
            new Bucket("30 min +", 1800, Long.MAX_VALUE));

    /**
     * A service level drawn on the time-to-assign chart.
     *
     * @param sla its value
     * @param whose the queues that have it, in words: {@code the day's}, {@code queue priority}, ...
     */
    record SlaLine(Duration sla, String whose) {

        /** The line's name in the legend and its tooltip: {@code SLA 10 min: the day's}. */
        String label() {
            return "SLA " + Format.minutes(sla) + ": " + whose;
        }
    }

    /**
     * The SLA lines of the time-to-assign chart, shortest first: one per SLA of the chains' queues, saying whose it
     * is: {@code the day's} for the queue of every chain of strategies, else the queues by name.
     */
    static List<SlaLine> slaLines(SimulationReport report) {
        Map<Duration, Set<String>> planQueues = new TreeMap<>();
        Set<Duration> daySla = new HashSet<>();
        for (ChainReport chain : report.chains()) {
            boolean steps = chain.chain().plan().isEmpty();
            chain.queues().forEach(queue -> {
                Set<String> named = planQueues.computeIfAbsent(queue.sla(), sla -> new LinkedHashSet<>());
                if (steps) {
                    daySla.add(queue.sla());
                } else {
                    named.add(queue.name());
                }
            });
        }
        List<SlaLine> lines = new ArrayList<>();
        planQueues.forEach((sla, named) -> {
            String listed = (named.size() == 1 ? "queue " : "queues ") + String.join(", ", named);
            lines.add(new SlaLine(sla, !daySla.contains(sla) ? listed
                    : named.isEmpty() ? "the day's" : "the day's, and " + listed));
        });
        return lines;
    }

    static String color(int chain) {
        return PALETTE.get(chain % PALETTE.size());
    }

    /** Conversations arriving in each quarter hour: the day's shape. */
    static String arrivals(Day day) {
        long minutes = Duration.between(day.start(), day.end()).toMinutes();
        int[] counts = new int[(int) (minutes / ARRIVAL_MINUTES_PER_BAR) + 1];
        for (Day.Arrival arrival : day.arrivals()) {
            counts[(int) (Duration.between(day.start(), arrival.conversation().createdAt()).toMinutes()
                    / ARRIVAL_MINUTES_PER_BAR)]++;
        }
        Frame frame = Frame.upTo(220, max(counts));
        Svg svg = frame.start("conversations");
        TimeAxis axis = new TimeAxis(frame, day.start(), day.end());
        double barWidth = axis.width(Duration.ofMinutes(ARRIVAL_MINUTES_PER_BAR)) - 1;
        for (int i = 0; i < counts.length; i++) {
            Instant from = day.start().plus(Duration.ofMinutes((long) i * ARRIVAL_MINUTES_PER_BAR));
            if (from.isBefore(day.end())) {
                svg.rect(axis.x(from) + 0.5, frame.y(counts[i]), barWidth, frame.y(0) - frame.y(counts[i]),
                        ARRIVALS_COLOR, Format.clock(from) + ": " + counts[i] + " conversations arrived");
            }
        }
        axis.draw(svg);
        return svg.render("Conversations arriving per quarter hour");
    }

    /** How many conversations waited, over the day, one line per chain. */
    static String queueLength(SimulationReport report) {
        Day day = report.day();
        List<int[]> series = new ArrayList<>();
        for (ChainReport chain : report.chains()) {
            List<Integer> byMinute = chain.queueByMinute();
            int[] points = new int[(byMinute.size() + QUEUE_MINUTES_PER_POINT - 1) / QUEUE_MINUTES_PER_POINT];
            for (int minute = 0; minute < byMinute.size(); minute++) {
                int point = minute / QUEUE_MINUTES_PER_POINT;
                points[point] = Math.max(points[point], byMinute.get(minute));
            }
            series.add(points);
        }
        Frame frame = Frame.upTo(300, series.stream().mapToInt(Charts::max).max().orElse(0));
        Svg svg = frame.start("waiting");
        TimeAxis axis = new TimeAxis(frame, day.start(), day.end());
        axis.draw(svg);
        for (int c = 0; c < series.size(); c++) {
            int[] points = series.get(c);
            List<double[]> line = new ArrayList<>();
            int peak = 0;
            for (int i = 0; i < points.length; i++) {
                Instant at = day.start().plus(Duration.ofMinutes((long) i * QUEUE_MINUTES_PER_POINT));
                line.add(new double[] {axis.x(at.isAfter(day.end()) ? day.end() : at), frame.y(points[i])});
                peak = Math.max(peak, points[i]);
            }
            svg.polyline(line, color(c), report.chains().get(c).chain().name() + ": at most " + peak
                    + " waiting at once");
        }
        return svg.render("Conversations waiting over the day, per chain");
    }

    /** How long conversations that were not assigned at once took, per chain, with a line at each SLA. */
    static String timeToAssign(SimulationReport report) {
        List<ChainReport> chains = report.chains();
        int[][] counts = new int[chains.size()][TIME_TO_ASSIGN.size()];
        int most = 0;
        for (int c = 0; c < chains.size(); c++) {
            for (int b = 0; b < TIME_TO_ASSIGN.size(); b++) {
                Bucket bucket = TIME_TO_ASSIGN.get(b);
                counts[c][b] = (int) chains.get(c).timeToAssign().countBetween(Duration.ofSeconds(bucket.from()),
                        Duration.ofSeconds(bucket.until()));
                most = Math.max(most, counts[c][b]);
            }
        }
        Frame frame = Frame.upTo(300, most);
        Svg svg = frame.start("conversations");
        double slot = frame.plotWidth() / TIME_TO_ASSIGN.size();
        double barWidth = (slot - 12) / chains.size();
        for (int b = 0; b < TIME_TO_ASSIGN.size(); b++) {
            double slotStart = frame.left() + b * slot;
            for (int c = 0; c < chains.size(); c++) {
                svg.rect(slotStart + 6 + c * barWidth, frame.y(counts[c][b]), barWidth - 1,
                        frame.y(0) - frame.y(counts[c][b]), color(c), chains.get(c).chain().name() + ", "
                                + TIME_TO_ASSIGN.get(b).label() + ": " + counts[c][b] + " conversations");
            }
            svg.text(slotStart + slot / 2, frame.y(0) + 18, TIME_TO_ASSIGN.get(b).label(), "middle", "tick");
        }
        for (SlaLine line : slaLines(report)) {
            double x = frame.left() + slot * slotsBefore(line.sla());
            svg.line(x, frame.y(frame.yMax()) - 4, x, frame.y(0), "sla", line.label());
            svg.text(x, frame.y(frame.yMax()) - 8, "SLA " + Format.minutes(line.sla()), "middle", "sla");
        }
        svg.line(frame.left(), frame.y(0), frame.left() + frame.plotWidth(), frame.y(0), "axis");
        return svg.render("Time to an agent, per chain, for conversations not assigned at once, with the SLAs");
    }

    /** How many conversations each agent worked on, one bar per chain. */
    static String loadPerAgent(SimulationReport report) {
        List<ChainReport> chains = report.chains();
        int agents = report.day().owners().size();
        int most = chains.stream().flatMap(chain -> chain.agents().stream()).mapToInt(AgentFigures::received)
                .max().orElse(0);
        double barHeight = 7;
        double rowHeight = chains.size() * barHeight + 10;
        int left = 90;
        int top = 24;
        int height = (int) Math.ceil(top + agents * rowHeight + 12);
        Svg svg = new Svg(WIDTH, height);
        double plotWidth = WIDTH - left - 30;
        double step = niceStep(most);
        double xMax = roundUp(most, step);
        for (double value = 0; value <= xMax + 1e-9; value += step) {
            double x = left + plotWidth * value / xMax;
            svg.line(x, top - 6, x, height - 8, "grid");
            svg.text(x, top - 10, Format.decimal(value, 0), "middle", "tick");
        }
        for (int a = 0; a < agents; a++) {
            double rowTop = top + a * rowHeight;
            String id = chains.isEmpty() ? "" : chains.get(0).agents().get(a).id();
            svg.text(left - 8, rowTop + rowHeight / 2 + 2, id, "end", "label");
            for (int c = 0; c < chains.size(); c++) {
                AgentFigures figures = chains.get(c).agents().get(a);
                svg.rect(left, rowTop + 4 + c * barHeight, plotWidth * figures.received() / xMax, barHeight - 1,
                        color(c), id + ", " + chains.get(c).chain().name() + ": " + figures.received()
                                + " conversations, utilisation " + Format.wholePercent(figures.utilisation()));
            }
        }
        svg.line(left, top - 6, left, height - 8, "axis");
        return svg.render("Conversations each agent worked on, per chain");
    }

    /**
     * Where a duration falls on the time-to-assign chart, in slots from its left edge: a bucket's share for the part
     * of it below the duration (the open last bucket counts from its start).
     */
    static double slotsBefore(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        for (int b = 0; b < TIME_TO_ASSIGN.size(); b++) {
            Bucket bucket = TIME_TO_ASSIGN.get(b);
            if (seconds < bucket.until()) {
                double within = bucket.until() == Long.MAX_VALUE ? 0
                        : (seconds - bucket.from()) / (bucket.until() - bucket.from());
                return b + Math.max(0, within);
            }
        }
        return TIME_TO_ASSIGN.size();
    }

    // ------------------------------------------------------------------------------------------- layout

    /** A plot area with a value axis on the left, from zero to a round maximum, with grid lines. */
    private record Frame(int height, double yMax, double step) {
        static final int LEFT = 56;
        static final int RIGHT = 16;
        static final int TOP = 26;
        static final int BOTTOM = 30;

        /** A frame whose axis reaches at least {@code largest}. */
        static Frame upTo(int height, int largest) {
            double step = niceStep(largest);
            return new Frame(height, roundUp(largest, step), step);
        }

        double left() {
            return LEFT;
        }

        double plotWidth() {
            return WIDTH - LEFT - RIGHT;
        }

        double y(double value) {
            return TOP + (height - TOP - BOTTOM) * (1 - value / yMax);
        }

        /** A new image with the grid and the value axis, titled with the unit of the values. */
        Svg start(String unit) {
            Svg svg = new Svg(WIDTH, height);
            for (double value = 0; value <= yMax + 1e-9; value += step) {
                svg.line(LEFT, y(value), WIDTH - RIGHT, y(value), "grid");
                svg.text(LEFT - 8, y(value) + 4, Format.decimal(value, 0), "end", "tick");
            }
            svg.text(8, 12, unit, "start", "unit");
            return svg;
        }
    }

    /** A horizontal time axis across a frame, labelled on the hour. */
    private record TimeAxis(Frame frame, Instant start, Instant end) {

        double x(Instant at) {
            double share = (double) Duration.between(start, at).toSeconds() / Duration.between(start, end).toSeconds();
            return frame.left() + frame.plotWidth() * share;
        }

        double width(Duration span) {
            return frame.plotWidth() * span.toSeconds() / Duration.between(start, end).toSeconds();
        }

        void draw(Svg svg) {
            double baseline = frame.y(0);
            svg.line(frame.left(), baseline, frame.left() + frame.plotWidth(), baseline, "axis");
            Instant hour = start.truncatedTo(ChronoUnit.HOURS);
            if (hour.isBefore(start)) {
                hour = hour.plus(Duration.ofHours(1));
            }
            for (; !hour.isAfter(end); hour = hour.plus(Duration.ofHours(1))) {
                svg.line(x(hour), baseline, x(hour), baseline + 5, "axis");
                svg.text(x(hour), baseline + 18, Format.clock(hour), "middle", "tick");
            }
        }
    }

    /** A round step (1, 2 or 5 times a power of ten, at least 1) that divides {@code largest} into about 5. */
    static double niceStep(double largest) {
        double raw = Math.max(largest, 1) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        double nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
        return Math.max(1, nice * magnitude);
    }

    /** The smallest positive multiple of {@code step} that is at least {@code largest}. */
    private static double roundUp(double largest, double step) {
        return Math.max(step, Math.ceil(largest / step) * step);
    }

    private static int max(int[] values) {
        int max = 0;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
