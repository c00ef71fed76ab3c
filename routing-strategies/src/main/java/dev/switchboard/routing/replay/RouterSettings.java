package dev.switchboard.routing.replay;

import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.RoutingConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Router.Builder} options a host sets on top of a configuration's {@link RoutingConfig#routerBuilder()
 * routerBuilder()}, in Java rather than in the document: the clock-independent ones that change decisions. A
 * {@link JsonLinesRecorder} writes them in the log's header beside the document, so that a {@link Replay} rebuilds the
 * very router the log was recorded from. Unset options are left as the configuration sets them. Immutable.
 *
 * <pre>{@code
 * RouterSettings settings = RouterSettings.builder().priorityAging(Duration.ofMinutes(10)).build();
 * JsonLinesRecorder recorder = JsonLinesRecorder.toFile(Path.of("day.jsonl"), config, settings);
 * Router router = settings.routerBuilder(config).clock(clock).recorder(recorder).build();
 * }</pre>
 */
public final class RouterSettings {

    /** No option beyond the configuration's. */
    public static final RouterSettings NONE = builder().build();

    /**
     * How many customers the router remembers, and for how long ({@link Router.Builder#customerMemory}).
     *
     * @param maxCustomers at most this many customers
     * @param ttl each forgotten this long after its last assignment
     */
    public record CustomerMemory(long maxCustomers, Duration ttl) {
        public CustomerMemory {
            Router.builder().customerMemory(maxCustomers, ttl);
        }
    }

    /**
     * Where conversations go after too many missed response deadlines ({@link Router.Builder#responseReview}).
     *
     * @param maxBounces how many times a conversation is routed again first
     * @param queue the review queue
     */
    public record ResponseReview(int maxBounces, String queue) {
        public ResponseReview {
            Router.builder().responseReview(maxBounces, queue);
        }
    }

    private final Optional<Duration> priorityAging;
    private final Optional<Duration> offlineGrace;
    private final Optional<CustomerMemory> customerMemory;
    private final Map<Priority, Duration> responseDeadlines;
    private final Optional<ResponseReview> responseReview;
    private final Optional<Boolean> oneConversationPerCustomer;
    private final Set<IdentityKey> linkIdentitiesBy;
    private final Optional<Duration> wrapUp;
    private final Optional<Boolean> serveByLastActivity;

    private RouterSettings(Builder builder) {
        priorityAging = builder.priorityAging;
        offlineGrace = builder.offlineGrace;
        customerMemory = builder.customerMemory;
        responseDeadlines = Collections.unmodifiableMap(new EnumMap<>(builder.responseDeadlines)); // in priority order
        responseReview = builder.responseReview;
        oneConversationPerCustomer = builder.oneConversationPerCustomer;
        linkIdentitiesBy = Collections.unmodifiableSet(EnumSet.copyOf(builder.linkIdentitiesBy)); // in key order
        wrapUp = builder.wrapUp;
        serveByLastActivity = builder.serveByLastActivity;
    }

    /** A builder with no option set. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@link Router.Builder#priorityAging}, if set. */
    public Optional<Duration> priorityAging() {
        return priorityAging;
    }

    /** The grace of {@link Router.Builder#offlinePolicy}, if set. */
    public Optional<Duration> offlineGrace() {
        return offlineGrace;
    }

    /** {@link Router.Builder#customerMemory}, if set. */
    public Optional<CustomerMemory> customerMemory() {
        return customerMemory;
    }

    /** {@link Router.Builder#responseDeadline}, added to the configuration's, in priority order. */
    public Map<Priority, Duration> responseDeadlines() {
        return responseDeadlines;
    }

    /** {@link Router.Builder#responseReview}, if set. */
    public Optional<ResponseReview> responseReview() {
        return responseReview;
    }

    /** {@link Router.Builder#oneConversationPerCustomer}, if set. */
    public Optional<Boolean> oneConversationPerCustomer() {
        return oneConversationPerCustomer;
    }

    /** {@link Router.Builder#linkIdentitiesBy}, added to the configuration's, in key order. */
    public Set<IdentityKey> linkIdentitiesBy() {
        return linkIdentitiesBy;
    }

    /** {@link Router.Builder#wrapUp}, if set. */
    public Optional<Duration> wrapUp() {
        return wrapUp;
    }

    /** {@link Router.Builder#serveByLastActivity}, if set. */
    public Optional<Boolean> serveByLastActivity() {
        return serveByLastActivity;
    }

    /** Sets these options on {@code builder} and returns it. */
    public Router.Builder applyTo(Router.Builder builder) {
        priorityAging.ifPresent(builder::priorityAging);
        offlineGrace.ifPresent(grace -> builder.offlinePolicy(new OfflinePolicy(grace)));
        customerMemory.ifPresent(memory -> builder.customerMemory(memory.maxCustomers(), memory.ttl()));
        responseDeadlines.forEach(builder::responseDeadline);
        responseReview.ifPresent(review -> builder.responseReview(review.maxBounces(), review.queue()));
        oneConversationPerCustomer.ifPresent(builder::oneConversationPerCustomer);
        builder.linkIdentitiesBy(linkIdentitiesBy.toArray(IdentityKey[]::new));
        wrapUp.ifPresent(builder::wrapUp);
        serveByLastActivity.ifPresent(builder::serveByLastActivity);
        return builder;
    }

    /** The configuration's router builder, every owner online, with these options. */
    public Router.Builder routerBuilder(RoutingConfig config) {
        return applyTo(config.routerBuilder());
    }

    /** The configuration's router builder, each owner {@code presences} names at that presence, with these options. */
    public Router.Builder routerBuilder(RoutingConfig config, Map<String, Presence> presences) {
        return applyTo(config.routerBuilder(presences));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RouterSettings settings && priorityAging.equals(settings.priorityAging)
                && offlineGrace.equals(settings.offlineGrace) && customerMemory.equals(settings.customerMemory)
                && responseDeadlines.equals(settings.responseDeadlines)
                && responseReview.equals(settings.responseReview)
                && oneConversationPerCustomer.equals(settings.oneConversationPerCustomer)
                && linkIdentitiesBy.equals(settings.linkIdentitiesBy) && wrapUp.equals(settings.wrapUp)
                && serveByLastActivity.equals(settings.serveByLastActivity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(priorityAging, offlineGrace, customerMemory, responseDeadlines, responseReview,
                oneConversationPerCustomer, linkIdentitiesBy, wrapUp, serveByLastActivity);
    }

    @Override
    public String toString() {
        return "RouterSettings[priorityAging=" + priorityAging + ", offlineGrace=" + offlineGrace
                + ", customerMemory=" + customerMemory + ", responseDeadlines=" + responseDeadlines
                + ", responseReview=" + responseReview + ", oneConversationPerCustomer=" + oneConversationPerCustomer
                + ", linkIdentitiesBy=" + linkIdentitiesBy + ", wrapUp=" + wrapUp + ", serveByLastActivity="
                + serveByLastActivity + "]";
    }

    /**
     * Builds {@link RouterSettings}. Each option is checked when set, by the {@link Router.Builder} option it stands
     * for, and can be set again (the last value counts); {@link #build()} leaves the builder untouched.
     */
    public static final class Builder {
        private Optional<Duration> priorityAging = Optional.empty();
        private Optional<Duration> offlineGrace = Optional.empty();
        private Optional<CustomerMemory> customerMemory = Optional.empty();
        private final Map<Priority, Duration> responseDeadlines = new EnumMap<>(Priority.class);
        private Optional<ResponseReview> responseReview = Optional.empty();
        private Optional<Boolean> oneConversationPerCustomer = Optional.empty();
        private final Set<IdentityKey> linkIdentitiesBy = EnumSet.noneOf(IdentityKey.class);
        private Optional<Duration> wrapUp = Optional.empty();
        private Optional<Boolean> serveByLastActivity = Optional.empty();

        private Builder() {}

        /** {@link Router.Builder#priorityAging}. */
        public Builder priorityAging(Duration step) {
            Router.builder().priorityAging(step);
            priorityAging = Optional.of(step);
            return this;
        }

        /** {@link Router.Builder#offlinePolicy} with this grace; zero re-routes at once. */
        public Builder offlineGrace(Duration grace) {
            offlineGrace = Optional.of(new OfflinePolicy(grace).grace());
            return this;
        }

        /** {@link Router.Builder#customerMemory}. */
        public Builder customerMemory(long maxCustomers, Duration ttl) {
            customerMemory = Optional.of(new CustomerMemory(maxCustomers, ttl));
            return this;
        }

        /** {@link Router.Builder#responseDeadline}. */
        public Builder responseDeadline(Priority priority, Duration deadline) {
            Router.builder().responseDeadline(priority, deadline);
            responseDeadlines.put(priority, deadline);
            return this;
        }

        /** {@link Router.Builder#responseReview}. */
        public Builder responseReview(int maxBounces, String queue) {
            responseReview = Optional.of(new ResponseReview(maxBounces, queue));
            return this;
        }

        /** {@link Router.Builder#oneConversationPerCustomer}. */
        public Builder oneConversationPerCustomer(boolean value) {
            oneConversationPerCustomer = Optional.of(value);
            return this;
        }

        /** {@link Router.Builder#linkIdentitiesBy}. */
        public Builder linkIdentitiesBy(IdentityKey... keys) {
            Router.builder().linkIdentitiesBy(keys);
            linkIdentitiesBy.addAll(Arrays.asList(keys));
            return this;
        }

        /** {@link Router.Builder#wrapUp}. */
        public Builder wrapUp(Duration time) {
            Router.builder().wrapUp(time);
            wrapUp = Optional.of(time);
            return this;
        }

        /** {@link Router.Builder#serveByLastActivity}. */
        public Builder serveByLastActivity(boolean value) {
            serveByLastActivity = Optional.of(value);
            return this;
        }

        /** The settings; the builder stays usable and unchanged. */
        public RouterSettings build() {
            return new RouterSettings(this);
        }
    }
}
