package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link IsoInstant} writes what {@link Instant#toString()} writes, without allocating a string. */
class IsoInstantProperties {

    private final char[] into = new char[IsoInstant.MAX_LENGTH];

    @Property(tries = 2_000)
    void writesWhatInstantToStringWrites(@ForAll("instants") Instant at) {
        int length = IsoInstant.format(at, into);

        assertThat(new String(into, 0, length)).isEqualTo(at.toString());
    }

    @Example
    void writesTheCalendarsEdges() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1972-02-29T23:59:59.001Z", "2000-02-29T12:00:00Z",
                "2100-03-01T00:00:00.000001Z", "2261-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z"}) {
            Instant at = Instant.parse(text);

            assertThat(new String(into, 0, IsoInstant.format(at, into))).isEqualTo(text);
        }
    }

    @Example
    void leavesInstantsBefore1970OrFromTheYear10000OnToInstantToString() {
        assertThat(IsoInstant.format(Instant.EPOCH.minusNanos(1), into)).isEqualTo(-1);
        assertThat(IsoInstant.format(Instant.parse("+10000-01-01T00:00:00Z"), into)).isEqualTo(-1);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(0, Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
                Arbitraries.integers().between(1, 999).map(millis -> millis * 1_000_000),
                Arbitraries.integers().between(1, 999_999).map(micros -> micros * 1_000),
                Arbitraries.integers().between(1, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }
}
