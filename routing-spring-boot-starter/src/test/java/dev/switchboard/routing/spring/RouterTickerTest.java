package dev.switchboard.routing.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RouterTickerTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final AtomicBoolean failing = new AtomicBoolean();
    /** The router's clock, which throws while {@link #failing} is set: a tick then fails before it changes anything. */
    private final InstantSource failingClock = () -> {
        if (failing.get()) {
            throw new IllegalStateException("the clock failed");
        }
        return clock.instant();
    };
    /** Passes every conversation on to the fallback queue. */
    private final Strategy passing = new Strategy() {
        @Override
        public String name() {
            return "passing";
        }

        @Override
        public Verdict decide(Conversation conversation, RoutingView view) {
            return new Verdict.Pass(PassReason.NONE_AVAILABLE, "nobody takes it in this test");
        }
    };
    private final Router router = Router.builder().clock(failingClock).owner(Owner.agent("ana").build())
            .chain(passing).fallbackQueue("waiting", Duration.ofMinutes(10)).build();
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final RouterTicker ticker = new RouterTicker(router, scheduler, Duration.ofSeconds(3));

    @Test
    void startSchedulesTicksAtTheIntervalThatTickTheRouter() {
        ticker.start();
        router.route(Conversation.builder("c-1").customer("maria").channel("chat").createdAt(clock.instant()).build());
        clock.advance(Duration.ofMinutes(11));

        scheduler.task.run();

        assertThat(scheduler.scheduled).isEqualTo(Duration.ofSeconds(3));
        assertThat(router.stats().slaBreached()).isEqualTo(1);
        assertThat(ticker.isRunning()).isTrue();
    }

    @Test
    void stopCancelsTheTicksToCome() {
        ticker.start();
        ticker.stop();

        assertThat(scheduler.future.isCancelled()).isTrue();
        assertThat(ticker.isRunning()).isFalse();
    }

    @Test
    void startingTwiceSchedulesOnce() {
        ticker.start();
        RecordingScheduler.Cancellable first = scheduler.future;
        ticker.start();

        assertThat((Object) scheduler.future).isSameAs(first);
    }

    @Test
    void aFailingTickIsLoggedAndTheNextOneRuns() {
        ticker.start();
        router.route(Conversation.builder("c-1").customer("maria").channel("chat").createdAt(clock.instant()).build());
        Logger logger = (Logger) LoggerFactory.getLogger(RouterTicker.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        try {
            failing.set(true);
            scheduler.task.run();
            failing.set(false);
            clock.advance(Duration.ofMinutes(11));
            scheduler.task.run();
        } finally {
            logger.detachAppender(appender);
            logger.setAdditive(true);
        }

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage())
                    .isEqualTo("Switchboard's router tick failed; the next one runs in PT3S");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the clock failed");
        });
        assertThat(router.stats().slaBreached()).isEqualTo(1);
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RouterTicker(router, scheduler, Duration.ZERO))
                .withMessage("interval must be positive, was PT0S");
    }
}
