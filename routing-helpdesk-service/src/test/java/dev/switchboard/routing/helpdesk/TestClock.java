package dev.switchboard.routing.helpdesk;

import dev.switchboard.routing.ManualClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The service's clock in tests: a manual one at nine, in place of the starter's system clock. */
@TestConfiguration(proxyBeanMethods = false)
class TestClock {

    @Bean
    ManualClock clock() {
        return new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    }
}
