package dev.switchboard.routing.replay;

import java.time.Instant;

/**
 * Formats an instant into a caller's buffer exactly as {@link Instant#toString()} does (ISO-8601 in UTC, the
 * fraction in groups of three digits, as many as needed), without allocating: for the instants of years 1970 to 9999,
 * which hold every instant a log may hold.
 */
final class IsoInstant {

    /** The longest text {@link #format} writes: {@code 9999-12-31T23:59:59.999999999Z}. */
    static final int MAX_LENGTH = 30;

    private static final long SECONDS_PER_DAY = 86_400;
    /** The first second of the year 10000, which {@link Instant#toString()} writes with a sign. */
    private static final long YEAR_10000 = 253_402_300_800L;

    private IsoInstant() {}

    /**
     * Writes the instant into {@code into} (at least {@link #MAX_LENGTH} long) and returns how many characters it
     * wrote, or -1 for an instant before 1970 or from the year 10000 on, which it leaves to {@link Instant#toString()}.
     */
    static int format(Instant at, char[] into) {
        long seconds = at.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return -1;
        }
        // the civil date of a count of days since 1970-01-01 (H. Hinnant's days_from_civil, inverted), for days >= 0
        long shifted = seconds / SECONDS_PER_DAY + 719_468; // days since 0000-03-01
        long era = shifted / 146_097;
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153; // 0 is March
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        digits(into, 0, year, 4);
        into[4] = '-';
        digits(into, 5, month, 2);
        into[7] = '-';
        digits(into, 8, day, 2);
        into[10] = 'T';
        digits(into, 11, secondOfDay / 3_600, 2);
        into[13] = ':';
        digits(into, 14, secondOfDay / 60 % 60, 2);
        into[16] = ':';
        digits(into, 17, secondOfDay % 60, 2);
        int length = 19;
        int nano = at.getNano();
        if (nano > 0) {
            into[length++] = '.';
            if (nano % 1_000_000 == 0) {
                length = digits(into, length, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                length = digits(into, length, nano / 1_000, 6);
            } else {
                length = digits(into, length, nano, 9);
            }
        }
        into[length++] = 'Z';
        return length;
    }

    /** Writes {@code value} in {@code count} digits, zero-padded, from {@code at}; returns the index after them. */
    private static int digits(char[] into, int at, int value, int count) {
        int rest = value;
        for (int i = at + count - 1; i >= at; i--) {
            into[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return at + count;
    }
}
