package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A conversation that carries several identities links them in {@link IdentityKey} order (email, then phone), not in
 * the order a set happens to iterate: when the customer remembers no owner and both identities' customers do, the
 * first one linked gives it its memory, so another order would give the conversation another owner.
 */
class LinkIdentitiesByOrderTest {

    private final ManualClock clock = new ManualClock(START);

    @Test
    void aConversationWithEmailAndPhone_linksTheEmailFirst_andTakesTheMemoryOfTheEmailsCustomer() {
        Router router = Router.builder().clock(clock).chain(TestStrategies.previousOwner(), firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(15))
                .linkIdentitiesBy(IdentityKey.PHONE, IdentityKey.EMAIL)
                .owner(agent("ana", 1)).owner(agent("ben", 1)).owner(agent("cy", 5)).build();
        router.link("maria", "maria-at-work"); // maria is seen first, and remembers no owner
        router.route(from("c1", "mailer").attribute("email", "maria@example.com").build());
        router.route(from("c2", "caller").attribute("phone", "+351 912 345 678").build());
        router.release("c1");
        router.release("c2");

        Decision decision = router.route(from("c3", "maria").attribute("email", "maria@example.com")
                .attribute("phone", "+351 912 345 678").build());

        assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class, assigned ->
                assertThat(assigned.ownerId()).as("the owner the email's customer remembers").isEqualTo("ana"));
    }

    private Conversation.Builder from(String id, String customer) {
        return Conversation.builder(id).customer(customer).channel("web_form").createdAt(clock.instant());
    }
}
