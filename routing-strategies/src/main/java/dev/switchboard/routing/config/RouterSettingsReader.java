package dev.switchboard.routing.config;

import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.JsonFields.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads what a document sets on the {@link Router.Builder}: the {@code identity} section (linking keys, one
 * conversation per customer), {@code responses} (deadlines, bounces, review queue) and {@code router} (priority
 * aging, the offline grace period, customer memory, every owner's default wrap-up time, and whether waiting
 * conversations are served by creation or by last activity). Each setting is one builder call, which is tried on a
 * scratch builder as it is read, so the builder's own checks refuse bad values at load, with its messages. A setting
 * the document leaves out is never called, so the router has the builder's default, exactly as one built in Java.
 */
final class RouterSettingsReader {

    /** How waiting conversations of one priority are ordered ({@code serveBy}). */
    private enum ServeBy {
        CREATION,
        LAST_ACTIVITY
    }

    private final Problems problems;
    private final Declarations declared;
    private final Router.Builder scratch = Router.builder();
    private final List<Consumer<Router.Builder>> settings = new ArrayList<>();

    RouterSettingsReader(Problems problems, Declarations declared) {
        this.problems = problems;
        this.declared = declared;
    }

    /** The builder calls the document makes, in document order. */
    List<Consumer<Router.Builder>> settings() {
        return List.copyOf(settings);
    }

    void identity(JsonFields identity) {
        Set<IdentityKey> linkBy = EnumSet.noneOf(IdentityKey.class);
        for (Item key : identity.texts("linkBy")) {
            Optional<IdentityKey> match = Optional.empty();
            for (IdentityKey candidate : IdentityKey.values()) {
                if (candidate.attribute().equals(key.node().textValue())) {
                    match = Optional.of(candidate);
                }
            }
            match.ifPresentOrElse(linkBy::add, () -> problems.add(key.path(), "must be \"email\" or \"phone\", was '"
                    + key.node().textValue() + "'"));
        }
        if (!linkBy.isEmpty()) {
            IdentityKey[] keys = linkBy.toArray(IdentityKey[]::new);
            set(identity.path("linkBy"), builder -> builder.linkIdentitiesBy(keys));
        }
        identity.bool("oneConversationPerCustomer").ifPresent(value -> set(identity.path("oneConversationPerCustomer"),
                builder -> builder.oneConversationPerCustomer(value)));
        identity.rejectUnknown("field of identity");
    }

    void responses(JsonFields responses) {
        responses.object("deadlines", true).ifPresent(deadlines -> {
            for (Map.Entry<String, Item> entry : deadlines.entries()) {
                Optional<Priority> priority = Optional.empty();
                for (Priority candidate : Priority.values()) {
                    if (candidate.name().toLowerCase(Locale.ROOT).equals(entry.getKey())) {
                        priority = Optional.of(candidate);
                    }
                }
                if (priority.isEmpty()) {
                    problems.add(entry.getValue().path(), "unknown priority; expected low, normal, high or urgent");
                } else {
                    Priority key = priority.get();
                    deadlines.duration(entry.getKey(), true, false).ifPresent(deadline -> set(
                            entry.getValue().path(), builder -> builder.responseDeadline(key, deadline)));
                }
            }
        });
        Optional<Integer> maxBounces = responses.item("maxBounces", true)
                .flatMap(item -> JsonFields.integer(item, problems));
        Optional<String> reviewQueue = responses.text("reviewQueue", true)
                .filter(queue -> declared.knownQueue(queue, responses.path("reviewQueue")));
        if (maxBounces.isPresent() && reviewQueue.isPresent()) {
            set(responses.path("maxBounces"), builder -> builder.responseReview(maxBounces.get(), reviewQueue.get()));
        }
        responses.rejectUnknown("field of responses");
    }

    void router(JsonFields router) {
        router.duration("priorityAging", false, false).ifPresent(step -> set(router.path("priorityAging"),
                builder -> builder.priorityAging(step)));
        router.duration("offlineGrace", false, true).ifPresent(grace -> set(router.path("offlineGrace"),
                builder -> builder.offlinePolicy(new OfflinePolicy(grace))));
        router.object("customerMemory", false).ifPresent(memory -> {
            Optional<Long> maxCustomers = memory.whole("maxCustomers", true);
            Optional<Duration> ttl = memory.duration("ttl", true, false);
            memory.rejectUnknown("field of customerMemory");
            if (maxCustomers.isPresent() && ttl.isPresent()) {
                set(memory.path(), builder -> builder.customerMemory(maxCustomers.get(), ttl.get()));
            }
        });
        router.duration("wrapUp", false, true).ifPresent(time -> set(router.path("wrapUp"),
                builder -> builder.wrapUp(time)));
        router.choice("serveBy", ServeBy.class).ifPresent(order -> set(router.path("serveBy"),
                builder -> builder.serveByLastActivity(order == ServeBy.LAST_ACTIVITY)));
        router.rejectUnknown("field of router");
    }

    /** Keeps a builder call, once the scratch builder has taken it; a refused value is a problem at its path. */
    private void set(String path, Consumer<Router.Builder> setting) {
        problems.attempt(path, () -> {
            setting.accept(scratch);
            return settings.add(setting);
        });
    }
}
