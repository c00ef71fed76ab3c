package dev.switchboard.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.Classifier;
import dev.switchboard.routing.config.RoutingConfig;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The airline's after-sales team: by language first, then refund, change or order enquiry. */
class AirlineAfterSalesConfigTest {

    private static final Instant NOW = Instant.parse("2026-03-02T07:30:00Z");

    private final RoutingConfig config = ExampleConfigs.load("airline-after-sales");
    private final Classifier classifier = config.classifier().orElseThrow();
    private final Router router = config.routerBuilder().clock(new ManualClock(NOW)).build();

    private Decision message(String id, String language, String text) {
        Conversation.Builder conversation = Conversation.builder(id).customer("passenger-" + id).channel("email")
                .language(language).createdAt(NOW);
        return router.route(classifier.classify(text, Map.of()).applyTo(conversation).build());
    }

    private static String ownerOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        return ((Decision.Assigned) decision).ownerId();
    }

    private static String ruleOf(Decision decision) {
        return decision.trace().rule().orElseThrow().name();
    }

    @Test
    void aSpanishRefund_goesToTheSpanishRefundsDesk() {
        Decision decision = message("m1", "es", "Quiero un reembolso, el vuelo fue cancelado");

        assertThat(ownerOf(decision)).isEqualTo("ana");
        assertThat(decision.trace().explain()).startsWith("1. rule es-refund matched: language = es, type = refund");
    }

    @Test
    void englishChangesAndOrderEnquiries_goToTheirOwnDesks() {
        Decision change = message("m1", "en", "I need to change my flight and rebook for Monday");
        Decision order = message("m2", "en", "Please send the invoice and the receipt for my trip");

        assertThat(ownerOf(change)).isEqualTo("jack");
        assertThat(ruleOf(change)).isEqualTo("en-change");
        assertThat(ownerOf(order)).as("least loaded of jack and emma").isEqualTo("emma");
        assertThat(ruleOf(order)).isEqualTo("en-order");
    }

    @Test
    void spanishChanges_goToTheLeastLoadedOfTheirDesk_tiesByRosterOrder() {
        Decision first = message("m1", "es", "Necesito cambiar la fecha, cambio de vuelo por favor");
        Decision second = message("m2", "es", "Quiero cambiar mi vuelo");

        assertThat(ownerOf(first)).isEqualTo("ana");
        assertThat(ownerOf(second)).isEqualTo("luis");
        assertThat(second.trace().explain()).contains("least-loaded assigned luis");
    }

    @Test
    void germanAfterSales_goesToTheGermanDesk_whateverTheType() {
        assertThat(ownerOf(message("m1", "de", "Ich möchte eine Rückerstattung"))).isEqualTo("lena");
        assertThat(ownerOf(message("m2", "de", "Bitte die Rechnung schicken"))).isEqualTo("lena");
    }

    @Test
    void aLanguageNoDeskSpeaks_goesToReview() {
        Decision decision = message("m1", "fr", "Je voudrais un refund");

        assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class,
                queued -> assertThat(queued.queue()).isEqualTo("after-sales-review"));
        assertThat(ruleOf(decision)).isEqualTo("after-sales-review");
    }

    @Test
    void aMessageTheClassifierCannotPlace_goesToReview() {
        Decision decision = message("m1", "en", "Hello, is anyone there?");

        assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class,
                queued -> assertThat(queued.queue()).isEqualTo("after-sales-review"));
        assertThat(ruleOf(decision)).isEqualTo("low-confidence");
    }
}
