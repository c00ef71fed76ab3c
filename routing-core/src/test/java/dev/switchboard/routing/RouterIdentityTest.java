package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One owner per customer across channels: linking identities, and joining and merging open conversations. */
class RouterIdentityTest {

    private final ManualClock clock = new ManualClock(START);
    private final List<RoutingEvent> events = new CopyOnWriteArrayList<>();

    private Router.Builder routerWith(Owner... owners) {
        Router.Builder builder = Router.builder().clock(clock).chain(TestStrategies.previousOwner(), firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(15)).oneConversationPerCustomer(true)
                .listener(events::add);
        for (Owner owner : owners) {
            builder.owner(owner);
        }
        return builder;
    }

    private Conversation from(String id, String customer, String channel) {
        return Conversation.builder(id).customer(customer).channel(channel).createdAt(clock.instant()).build();
    }

    private static Handoff handoff() {
        return new Handoff("Maria wants to move her cleaning", "", "Offer Friday");
    }

    @SuppressWarnings("unchecked")
    private <T extends RoutingEvent> List<T> eventsOf(Class<T> type) {
        return (List<T>) events.stream().filter(type::isInstance).toList();
    }

    @Nested
    class Joining {
        @Test
        void aSecondConversationFromTheSameCustomer_joinsTheOpenOne_insteadOfBeingRouted() {
            Router router = routerWith(agent("ana", 2), agent("ben", 2)).build();
            router.route(from("c1", "maria", "email"));

            Decision decision = router.route(from("c2", "maria", "whatsapp"));

            assertThat(decision).isInstanceOfSatisfying(Decision.Joined.class, joined -> {
                assertThat(joined.joinedConversationId()).isEqualTo("c1");
                assertThat(joined.placement()).isEqualTo(new Placement.Owned(from("c1", "maria", "email"), "ana"));
            });
            assertThat(decision.trace().explain()).isEqualTo(
                    "1. same-customer assigned ana: customer maria already has conversation c1 open with ana; this one"
                            + " joins it");
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
            assertThat(router.placement("c2")).isEqualTo(router.placement("c1"));
            assertThat(eventsOf(RoutingEvent.Joined.class)).singleElement().satisfies(event -> {
                assertThat(event.joinedConversationId()).isEqualTo("c1");
                assertThat(event.from()).isEmpty();
            });
            assertThat(router.stats().routed()).isEqualTo(1);
            assertThat(router.stats().joined()).isEqualTo(1);
        }

        @Test
        void aConversationJoinsOneThatWaits_keepingOnePlaceInTheQueue() {
            Router router = routerWith(agent("ana", 0)).build();
            router.route(from("c1", "maria", "email"));

            Decision decision = router.route(from("c2", "maria", "instagram"));

            assertThat(decision).isInstanceOfSatisfying(Decision.Joined.class,
                    joined -> assertThat(joined.placement()).isInstanceOf(Placement.Waiting.class));
            assertThat(decision.trace().explain()).isEqualTo("1. same-customer queued in waiting: customer maria"
                    + " already has conversation c1 waiting in waiting; this one joins it");
            assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("c1");
        }

        @Test
        void routingAJoinedIdAgain_answersThatItJoined() {
            Router router = routerWith(agent("ana", 2)).build();
            router.route(from("c1", "maria", "email"));
            router.route(from("c2", "maria", "whatsapp"));

            assertThat(router.route(from("c2", "maria", "whatsapp"))).isInstanceOfSatisfying(Decision.Joined.class,
                    joined -> assertThat(joined.joinedConversationId()).isEqualTo("c1"));
            assertThat(router.stats().joined()).isEqualTo(1);
        }

        @Test
        void releasingEitherId_releasesTheOneConversation_andTheNextMessageIsRoutedAfresh() {
            Router router = routerWith(agent("ana", 2)).build();
            router.route(from("c1", "maria", "email"));
            router.route(from("c2", "maria", "whatsapp"));

            router.release("c2");

            assertThat(router.placement("c1")).isEmpty();
            assertThat(router.placement("c2")).isEmpty();
            assertThat(router.ownerStatus("ana").load()).isZero();
            assertThat(eventsOf(RoutingEvent.Released.class)).singleElement()
                    .satisfies(released -> assertThat(released.conversation().id()).isEqualTo("c1"));
            assertThat(router.route(from("c2", "maria", "whatsapp"))).isInstanceOf(Decision.Assigned.class);
        }

        @Test
        void transferringOrClaimingByAJoinedId_actsOnTheJoinedConversation() {
            Router router = routerWith(agent("ana", 1)).owner(agent("ben", 1), Presence.BUSY).build();
            router.route(from("c1", "maria", "email"));
            router.route(from("c2", "maria", "whatsapp"));
            router.route(from("c3", "joao", "email"));
            router.route(from("c4", "joao", "phone"));

            Decision claimed = router.claim("ben", "c4");
            router.release("c4");
            Decision.Assigned transferred = router.transfer("c2", "ben", handoff());

            assertThat(claimed).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.conversationId()).isEqualTo("c3"));
            assertThat(transferred.conversationId()).isEqualTo("c1");
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
            assertThat(router.ownerStatus("ana").load()).isZero();
        }
    }

    @Nested
    class LinkingIdentities {
        @Test
        void linkedIdentitiesAreOneCustomer_namedByTheFirstSeen() {
            Router router = routerWith(agent("ana", 2)).build();

            router.link("maria@example.com", "whatsapp:+351912345678");
            router.link("instagram:maria.s", "whatsapp:+351912345678");

            assertThat(router.customerOf("instagram:maria.s")).isEqualTo("maria@example.com");
            assertThat(router.customerOf("whatsapp:+351912345678")).isEqualTo("maria@example.com");
            assertThat(router.customerOf("someone-else")).isEqualTo("someone-else");
        }

        @Test
        void aMessageFromALinkedIdentity_joinsTheCustomersOpenConversation() {
            Router router = routerWith(agent("ana", 2)).build();
            router.link("maria@example.com", "whatsapp:+351912345678");
            router.route(from("c1", "maria@example.com", "email"));

            assertThat(router.route(from("c2", "whatsapp:+351912345678", "whatsapp")))
                    .isInstanceOf(Decision.Joined.class);
        }

        @Test
        void theCustomersPreviousOwner_isRememberedAcrossItsIdentities() {
            Router router = routerWith(agent("ana", 1), agent("ben", 1)).build();
            router.route(from("first", "joao", "email"));
            router.release(router.route(from("c1", "maria@example.com", "email")).conversationId());
            router.release("first");

            router.link("whatsapp:+351912345678", "maria@example.com");
            Decision decision = router.route(from("c2", "whatsapp:+351912345678", "whatsapp"));

            assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class, assigned -> {
                assertThat(assigned.ownerId()).isEqualTo("ben");
                assertThat(assigned.strategy()).isEqualTo("previous-owner");
            });
        }

        @Test
        void linkingTwoCustomersWithOpenConversations_mergesThem_keepingTheOwnedOne() {
            Router router = routerWith(agent("ana", 1)).build();
            clock.advance(Duration.ofMinutes(1));
            router.route(from("by-email", "maria@example.com", "email"));
            router.route(from("by-whatsapp", "whatsapp:+351912345678", "whatsapp"));

            router.link("whatsapp:+351912345678", "maria@example.com");

            assertThat(router.waiting()).isEmpty();
            assertThat(router.placement("by-whatsapp")).isEqualTo(router.placement("by-email"));
            assertThat(eventsOf(RoutingEvent.Joined.class)).singleElement().satisfies(joined -> {
                assertThat(joined.conversation().id()).isEqualTo("by-whatsapp");
                assertThat(joined.joinedConversationId()).isEqualTo("by-email");
                assertThat(joined.from()).isEqualTo("waiting");
            });
        }

        @Test
        void mergingTwoOwnedConversations_keepsTheOlder_andFreesTheOtherOwner() {
            Router router = routerWith(agent("ana", 1), agent("ben", 1)).build();
            router.route(from("older", "maria@example.com", "email"));
            clock.advance(Duration.ofMinutes(1));
            router.route(from("newer", "whatsapp:+351912345678", "whatsapp"));
            router.route(from("waiting", "joao", "email"));

            router.link("maria@example.com", "whatsapp:+351912345678");

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("older");
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("waiting");
            assertThat(router.stats().joined()).isEqualTo(1);
        }

        @Test
        void refusesBlankIdentities() {
            Router router = routerWith(agent("ana", 1)).build();

            assertThatThrownBy(() -> router.link("maria", " ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("otherIdentity must not be blank");
            assertThatThrownBy(() -> router.customerOf(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("identity must not be null");
        }
    }

    @Nested
    class WithoutOneConversationPerCustomer {
        private final Router router = routerWith(agent("ana", 1), agent("ben", 1)).oneConversationPerCustomer(false)
                .build();

        @Test
        void eachConversationIsRoutedOnItsOwn() {
            router.route(from("c1", "maria", "email"));

            assertThat(router.route(from("c2", "maria", "whatsapp"))).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ben"));
            assertThat(router.stats().joined()).isZero();
        }

        @Test
        void linkingMergesNothing_butTheCustomerSharesOneMemory() {
            router.release(router.route(from("c1", "maria@example.com", "email")).conversationId());
            router.route(from("c2", "whatsapp:+351912345678", "whatsapp"));
            router.link("maria@example.com", "whatsapp:+351912345678");
            router.route(from("c3", "joao", "email"));
            router.release("c2");

            Decision decision = router.route(from("c4", "maria@example.com", "email"));

            assertThat(eventsOf(RoutingEvent.Joined.class)).isEmpty();
            assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class, assigned -> {
                assertThat(assigned.ownerId()).isEqualTo("ana");
                assertThat(assigned.strategy()).isEqualTo("previous-owner");
            });
        }
    }

    @Nested
    class LinkingByEmailAndPhone {
        private Conversation withAttribute(String id, String customer, String attribute, String value) {
            return Conversation.builder(id).customer(customer).channel("web_form").attribute(attribute, value)
                    .createdAt(clock.instant()).build();
        }

        @Test
        void conversationsWithTheSameEmail_areOneCustomer_whateverTheCase() {
            Router router = routerWith(agent("ana", 3)).linkIdentitiesBy(IdentityKey.EMAIL).build();
            router.route(withAttribute("form-1", "web-form-77", "email", "Maria@Example.com"));

            Decision decision = router.route(withAttribute("mail-1", "maria-mailbox", "email", " maria@example.com"));

            assertThat(decision).isInstanceOf(Decision.Joined.class);
            assertThat(router.customerOf("maria-mailbox")).isEqualTo("web-form-77");
        }

        @Test
        void conversationsWithTheSamePhone_areOneCustomer_whateverTheSpacing() {
            Router router = routerWith(agent("ana", 3)).linkIdentitiesBy(IdentityKey.PHONE, IdentityKey.EMAIL).build();
            router.route(withAttribute("call-1", "caller-1", "phone", "+351 912 345 678"));

            assertThat(router.route(withAttribute("wa-1", "whatsapp-1", "phone", "+351-912-345-678")))
                    .isInstanceOf(Decision.Joined.class);
            assertThat(router.route(withAttribute("wa-2", "someone", "phone", "912 345 678")))
                    .as("without the country code it is another number").isInstanceOf(Decision.Assigned.class);
        }

        @Test
        void withoutTheOption_attributesLinkNothing() {
            Router router = routerWith(agent("ana", 3)).build();
            router.route(withAttribute("form-1", "web-form-77", "email", "maria@example.com"));

            assertThat(router.route(withAttribute("mail-1", "maria-mailbox", "email", "maria@example.com")))
                    .isInstanceOf(Decision.Assigned.class);
        }
    }
}
