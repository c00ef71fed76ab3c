package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The test run's SLF4J binding: keeps what the router logs (WARN and above) in memory instead of printing it, so that
 * tests that provoke a failure assert on its log line and a green build prints nothing. Tests run one at a time, so a
 * test {@link #clear clears} the log before it acts and reads it after.
 */
public final class CapturedLogs implements SLF4JServiceProvider {

    /** One logged line: its level, logger, formatted message and the throwable logged with it (or null). */
    record Line(Level level, String logger, String message, Throwable thrown) {}

    /** Enough for any single test; a stress test's many failures keep only the first ones. */
    private static final int KEPT = 10_000;
    private static final List<Line> LINES = new ArrayList<>();

    private final ILoggerFactory loggers = CapturingLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Forgets everything logged so far. */
    static void clear() {
        synchronized (LINES) {
            LINES.clear();
        }
    }

    /** What was logged since the last {@link #clear}, oldest first. */
    static List<Line> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable thrown) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            synchronized (LINES) {
                if (LINES.size() < KEPT) {
                    LINES.add(new Line(level, name, message, thrown));
                }
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
