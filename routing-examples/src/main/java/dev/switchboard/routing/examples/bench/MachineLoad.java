package dev.switchboard.routing.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How busy the machine was with work other than the benchmark's: CPU time of the whole machine (the {@code cpu} line
 * of {@code /proc/stat}) and of the benchmark's own processes ({@code utime + stime} of each one's
 * {@code /proc/PID/stat}), sampled twice; the other processes' share is the machine's busy time between the
 * samples, less the benchmark's own, over all the CPU time there was. Idle, I/O wait and steal are not work done on
 * the machine. Everything is in clock ticks, so no unit conversion is needed.
 */
final class MachineLoad {

    /** Above this share of the CPUs, in percent, other processes make a cell's figures untrustworthy. */
    static final double WARN_ABOVE_PERCENT = 10;

    private MachineLoad() {}

    /**
     * CPU ticks at one moment.
     *
     * @param busy the machine's ticks of work, on all CPUs
     * @param total all the machine's ticks, on all CPUs
     * @param own the ticks of the benchmark's processes
     */
    record Sample(long busy, long total, long own) {

        Sample {
            if (busy < 0 || total < busy || own < 0) {
                throw new IllegalArgumentException("CPU ticks must satisfy 0 <= busy <= total and own >= 0, were busy "
                        + busy + ", total " + total + ", own " + own);
            }
        }

        /**
         * The share of all CPU time from this sample to {@code later} that went to other processes, in percent; empty
         * when no time passed.
         */
        OptionalDouble otherPercentUntil(Sample later) {
            long total = later.total - this.total;
            if (total <= 0) {
                return OptionalDouble.empty();
            }
            long other = Math.max(0, (later.busy - busy) - (later.own - own));
            return OptionalDouble.of(Math.min(100, 100.0 * other / total));
        }
    }

    /**
     * Reads a sample: the machine's ticks and those of the processes {@code pids} (this JVM, and the JMH host that
     * forked it); empty where there is no {@code /proc} or a file cannot be read.
     */
    static Optional<Sample> read(List<Long> pids) {
        try {
            List<String> stats = new ArrayList<>(pids.size());
            for (long pid : pids) {
                stats.add(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            }
            return Optional.of(parse(Files.readAllLines(Path.of("/proc/stat")).get(0), stats));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or a process already gone: the load is unknown
        }
    }

    /** The pids whose CPU time is the benchmark's own: this process, and its parent if it has one. */
    static List<Long> benchmarkProcesses() {
        List<Long> pids = new ArrayList<>(2);
        ProcessHandle self = ProcessHandle.current();
        pids.add(self.pid());
        self.parent().ifPresent(parent -> pids.add(parent.pid()));
        return List.copyOf(pids);
    }

    /**
     * A sample from the {@code cpu} line of {@code /proc/stat} and the contents of each own process's
     * {@code /proc/PID/stat}.
     *
     * @throws IllegalArgumentException when a line is not in the kernel's format
     */
    static Sample parse(String cpuLine, List<String> processStats) {
        String[] cpu = cpuLine.trim().split("\\s+");
        if (cpu.length < 5 || !cpu[0].equals("cpu")) {
            throw new IllegalArgumentException("cpuLine must be the cpu line of /proc/stat, was '" + cpuLine + "'");
        }
        long busy = 0;
        long total = 0;
        // user nice system idle iowait irq softirq steal; guest time is already counted in user and nice
        for (int field = 1; field <= 8 && field < cpu.length; field++) {
            long ticks = Long.parseLong(cpu[field]);
            total += ticks;
            if (field != 4 && field != 5 && field != 8) {
                busy += ticks;
            }
        }
        long own = 0;
        for (String stat : processStats) {
            int end = stat.lastIndexOf(')'); // the command name, in brackets, may itself hold spaces and brackets
            String[] fields = end < 0 ? new String[0] : stat.substring(end + 1).trim().split("\\s+");
            if (fields.length < 13) {
                throw new IllegalArgumentException("processStats must hold /proc/PID/stat lines, was '" + stat + "'");
            }
            own += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15: utime, stime
        }
        return new Sample(busy, total, own);
    }
}
