package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Random routes, accepts, declines, releases, presence changes and ticks on a router that offers to one, two or every
 * owner at once: after every step each open conversation is in exactly one place (an offered one reserved for exactly
 * the owners it is offered to), no owner is over capacity, no offer stands past its expiry after a tick, and no owner
 * is offered a conversation it declined or let expire.
 */
class OfferProperties {

    private static final List<String> OWNERS = List.of("o0", "o1", "o2");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    sealed interface Op {}

    record Route(String id) implements Op {}

    record Accept(String owner, String id) implements Op {}

    record Decline(String owner, String id) implements Op {}

    record Release(String id) implements Op {}

    record SetPresence(String owner, Presence presence) implements Op {}

    record Tick(int minutes) implements Op {}

    @Property(tries = 300)
    void offersAreInOnePlace_withinCapacity_expireOnTime_andNeverReturnToWhoRefused(
            @ForAll("operations") List<Op> operations, @ForAll @IntRange(min = 1, max = 3) int ring) {
        ManualClock clock = new ManualClock(START);
        List<RoutingEvent> events = new ArrayList<>();
        OfferPolicy.Builder offering = OfferPolicy.builder(TIMEOUT).reviewAfter(3, "review");
        OfferPolicy policy = (ring == OWNERS.size() ? offering.ringAll() : offering.ring(ring)).build();
        Router.Builder builder = Router.builder().clock(clock).listener(events::add).plan(new RoutingPlan(
                List.of(new QueueSpec("waiting", Duration.ofMinutes(10)),
                        new QueueSpec("review", Duration.ofHours(1))),
                List.of(Rule.builder("everyone").chain(TestStrategies.rotation()).offer(policy).queue("waiting")
                        .build())));
        for (int i = 0; i < OWNERS.size(); i++) {
            builder.owner(Owner.agent(OWNERS.get(i)).capacity(1 + i).build());
        }
        Router router = builder.build();
        Set<String> open = new HashSet<>();
        Map<String, Set<String>> refusedBy = new HashMap<>();

        for (Op operation : operations) {
            List<OwnerStatus> before = router.roster();
            apply(operation, router, clock, open);
            int seen = 0;
            for (RoutingEvent event : events) {
                if (event instanceof RoutingEvent.OfferDeclined declined) {
                    refusedBy.computeIfAbsent(declined.conversation().id(), id -> new HashSet<>())
                            .add(declined.ownerId());
                } else if (event instanceof RoutingEvent.OfferExpired expired) {
                    refusedBy.computeIfAbsent(expired.conversation().id(), id -> new HashSet<>())
                            .add(expired.ownerId());
                } else if (event instanceof RoutingEvent.Offered offered) {
                    assertThat(refusedBy.getOrDefault(offered.conversation().id(), Set.of()))
                            .as("owners who refused %s", offered.conversation().id())
                            .doesNotContain(offered.ownerId());
                } else if (event instanceof RoutingEvent.Released released) {
                    refusedBy.remove(released.conversation().id());
                }
                seen++;
            }
            events.subList(0, seen).clear();
            Invariants.capacityIsNeverExceeded(before, router.roster());
            Invariants.everyOpenConversationIsInExactlyOnePlace(router.roster(), router.waiting(), open,
                    router::placement);
            if (operation instanceof Tick) {
                for (String id : open) {
                    if (router.placement(id).orElseThrow() instanceof Placement.Offered offer) {
                        assertThat(offer.expiresAt()).as("expiry of the offer of %s", id).isAfter(clock.instant());
                    }
                }
            }
        }
    }

    private static void apply(Op operation, Router router, ManualClock clock, Set<String> open) {
        try {
            if (operation instanceof Route route) {
                router.route(TestStrategies.conversation(route.id()).createdAt(clock.instant()).build());
                open.add(route.id());
            } else if (operation instanceof Accept accept) {
                router.accept(accept.owner(), accept.id());
            } else if (operation instanceof Decline decline) {
                router.decline(decline.owner(), decline.id(), "busy");
            } else if (operation instanceof Release release) {
                router.release(release.id());
                open.remove(release.id());
            } else if (operation instanceof SetPresence presence) {
                router.setPresence(presence.owner(), presence.presence());
            } else if (operation instanceof Tick tick) {
                clock.advance(Duration.ofMinutes(tick.minutes()));
                router.tick();
            }
        } catch (IllegalArgumentException | IllegalStateException refused) {
            // not open, or not offered to this owner: refused without a change, which the invariants check
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> ids = Arbitraries.integers().between(0, 5).map(i -> "c" + i);
        Arbitrary<String> owners = Arbitraries.of(OWNERS);
        Arbitrary<Op> route = ids.map(Route::new);
        Arbitrary<Op> accept = Combinators.combine(owners, ids).as(Accept::new);
        Arbitrary<Op> decline = Combinators.combine(owners, ids).as(Decline::new);
        Arbitrary<Op> release = ids.map(Release::new);
        Arbitrary<Op> presence = Combinators.combine(owners, Arbitraries.of(Presence.class)).as(SetPresence::new);
        Arbitrary<Op> tick = Arbitraries.integers().between(1, 3).map(Tick::new);
        return Arbitraries.frequencyOf(Tuple.of(4, route), Tuple.of(4, accept), Tuple.of(3, decline),
                        Tuple.of(2, release), Tuple.of(2, presence), Tuple.of(2, tick))
                .list().ofMinSize(1).ofMaxSize(60);
    }
}
