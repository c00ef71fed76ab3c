package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.testkit.RedisProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's day with every chain's router on a real redis-server, which this test starts. */
class SimulatorOnRedisTest {

    private static final RedisProcess REDIS = new RedisProcess(false);

    @TempDir
    Path out;

    @BeforeAll
    static void startRedis() {
        REDIS.start();
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }


    @Test
    void aDayOnRedis_hasTheFiguresOfTheDayInMemory_andTheSameReport() throws IOException {
        String[] day = {"--seed", "7", "--agents", "8", "--conversations", "150", "--out", out.toString()};
        SimulatorRun inMemory = SimulatorRun.of(day);
        byte[] inMemoryHtml = Files.readAllBytes(out.resolve(HtmlReport.FILE_NAME));

        String[] onRedis = Stream.concat(Arrays.stream(day),
                Stream.of("--redis", REDIS.uri())).toArray(String[]::new);
        SimulatorRun redis = SimulatorRun.of(onRedis);

        assertThat(inMemory.status()).isZero();
        assertThat(redis.status()).as(redis.err()).isZero();
        assertThat(redis.out()).isEqualTo(inMemory.out());
        assertThat(Files.readAllBytes(out.resolve(HtmlReport.FILE_NAME))).isEqualTo(inMemoryHtml);
    }

    @Test
    void twoRunsOnOneServer_doNotMix_eachStartsFromAFreshTenant() {
        String[] day = {"--seed", "3", "--agents", "4", "--conversations", "40", "--out", out.toString(),
            "--redis", REDIS.uri()};

        SimulatorRun first = SimulatorRun.of(day);
        SimulatorRun second = SimulatorRun.of(day);

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
    }
}
