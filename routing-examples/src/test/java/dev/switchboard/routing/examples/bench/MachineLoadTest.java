package dev.switchboard.routing.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MachineLoadTest {

    private static final String CPU = "cpu  1000 50 300 5000 40 10 20 30 7 0";
    /** A command name with a space and a bracket, as the kernel writes it: the fields follow the last ')'. */
    private static final String PROCESS = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 120 30 5 6 20"
            + " 0 19 0 123 456 789";

    @Test
    void readsTheMachinesWork_withoutIdleIowaitAndSteal_andTheProcessesUserAndSystemTime() {
        MachineLoad.Sample sample = MachineLoad.parse(CPU, List.of(PROCESS, PROCESS));

        assertThat(sample.busy()).isEqualTo(1000 + 50 + 300 + 10 + 20);
        assertThat(sample.total()).isEqualTo(1000 + 50 + 300 + 5000 + 40 + 10 + 20 + 30);
        assertThat(sample.own()).as("utime + stime of each, children not counted").isEqualTo(2 * (120 + 30));
    }

    @Test
    void otherProcessesShare_isTheBusyTimeNotOurs_overAllTheTime() {
        MachineLoad.Sample start = new MachineLoad.Sample(1_000, 10_000, 400);
        MachineLoad.Sample end = new MachineLoad.Sample(1_000 + 150, 10_000 + 200, 400 + 120);

        assertThat(start.otherPercentUntil(end)).hasValueCloseTo(15.0, Offset.offset(1e-9));
    }

    @Test
    void whenOnlyTheBenchmarkWorked_otherProcessesShareIsZero_neverNegative() {
        MachineLoad.Sample start = new MachineLoad.Sample(0, 0, 0);
        MachineLoad.Sample end = new MachineLoad.Sample(100, 200, 130); // own ticks sampled a little later

        assertThat(start.otherPercentUntil(end)).hasValue(0.0);
        assertThat(start.otherPercentUntil(start)).as("no time passed").isEmpty();
    }

    @Test
    void linesNotInTheKernelsFormat_areRefused() {
        assertThatThrownBy(() -> MachineLoad.parse("intr 1 2 3 4 5", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuLine");
        assertThatThrownBy(() -> MachineLoad.parse(CPU, List.of("4242 (java) S 1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processStats");
        assertThatThrownBy(() -> new MachineLoad.Sample(10, 5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("busy 10, total 5");
    }

    @Test
    void onLinux_theProfilerReportsTheShareOfEachIteration_asAMeanAndAMaximum() {
        assumeThat(Files.exists(Path.of("/proc/stat"))).as("Linux").isTrue();
        assertThat(MachineLoad.read(MachineLoad.benchmarkProcesses())).isPresent();
        MachineLoadProfiler profiler = new MachineLoadProfiler();
        profiler.beforeIteration(null, null);
        untilTheClockTicks();

        Map<String, Double> results = new LinkedHashMap<>();
        profiler.afterIteration(null, null, null).forEach(result -> results.put(result.getLabel(), result.getScore()));

        assertThat(results).containsOnlyKeys(MachineLoadProfiler.OTHER, MachineLoadProfiler.OTHER_MAX);
        assertThat(results.values()).allSatisfy(share -> assertThat(share).isBetween(0.0, 100.0));
    }

    /** Spins until the machine's CPU time has moved on by a tick (10 ms at most, on Linux); bounded at 10 s. */
    private static void untilTheClockTicks() {
        long start = MachineLoad.read(MachineLoad.benchmarkProcesses()).orElseThrow().total();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (MachineLoad.read(MachineLoad.benchmarkProcesses()).orElseThrow().total() == start) {
            assertThat(System.nanoTime()).as("the CPU clock ticks").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
