package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Priority;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building one {@link Conversation} with its builder, as a host does for every conversation it routes: the fields
 * of a typical benchmark conversation (customer, channel, type, language, region, priority, creation time, one
 * required skill). Its throughput gives the time per build; {@code -prof gc} the bytes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ConversationBuilderBenchmark {

    private final String id = "c-42";
    private final String customer = "customer-42";

    /** One conversation, built. */
    @Benchmark
    public Conversation build() {
        return Conversation.builder(id)
                .customer(customer)
                .channel("chat")
                .type("pricing")
                .language("en")
                .region("emea")
                .priority(Priority.HIGH)
                .createdAt(ConversationGenerator.CREATED_AT)
                .requires("billing", 2)
                .build();
    }
}
