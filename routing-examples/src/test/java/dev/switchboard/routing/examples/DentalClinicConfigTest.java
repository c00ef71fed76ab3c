package dev.switchboard.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.Classifier;
import dev.switchboard.routing.config.RoutingConfig;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The dental clinic: routine questions stay at the front desk, bookings go to scheduling, complaints to the practice
 * manager, specialist questions to the specialists with what to prepare, and what the classifier is unsure of to
 * manual review. A patient who writes on two channels has one conversation.
 */
class DentalClinicConfigTest {

    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");

    private final RoutingConfig config = ExampleConfigs.load("dental-clinic");
    private final Classifier classifier = config.classifier().orElseThrow();
    private final Router router = config.routerBuilder().clock(new ManualClock(MORNING)).build();

    /** Classifies the message, puts the result on the conversation, and routes it. */
    private Decision message(Conversation.Builder conversation, String text) {
        return router.route(classifier.classify(text, Map.of()).applyTo(conversation).build());
    }

    private static Conversation.Builder from(String id, String patient, String channel) {
        return Conversation.builder(id).customer(patient).channel(channel).createdAt(MORNING);
    }

    private static String ownerOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        return ((Decision.Assigned) decision).ownerId();
    }

    @Nested
    class ByTheNeed {
        @Test
        void aBookingGoesToScheduling() {
            Decision decision = message(from("c1", "ana", "whatsapp"), "Can I reschedule my appointment to Friday?");

            assertThat(ownerOf(decision)).isEqualTo("marta");
            assertThat(decision.trace().explain()).isEqualTo("""
                    1. rule bookings matched: type = scheduling
                    2. sticky passed (not applicable): customer ana has no remembered previous owner (first \
                    conversation, or not seen for a long time)
                    3. round-robin assigned marta: next in rotation among available owners""");
        }

        @Test
        void routineAndPricingQuestionsStayAtTheFrontDesk() {
            Decision parking = message(from("c1", "bruno", "email"), "Is there parking nearby? What is the address?");
            Decision price = message(from("c2", "carla", "web_form"), "How much does a cleaning cost with insurance?");

            assertThat(ownerOf(parking)).isEqualTo("lucia");
            assertThat(ownerOf(price)).isEqualTo("tom");
            assertThat(parking.trace().rule()).hasValueSatisfying(rule -> assertThat(rule.reason())
                    .isEqualTo("type routine in [routine, pricing, post-service]"));
        }

        @Test
        void aComplaintGoesToThePracticeManager_withWhatToDo() {
            Decision decision = message(from("c1", "femi", "email"), "I am unhappy, the receptionist was rude to me");

            assertThat(ownerOf(decision)).isEqualTo("helena");
            assertThat(decision.trace().explain()).startsWith("1. rule complaints matched: type = complaint (note:"
                    + " Read the whole thread, then call the patient back within the hour)");
        }

        @Test
        void aSpecialistQuestionGoesToTheBestMatch_withItsContextAttached() {
            Conversation.Builder conversation = from("c1", "gil", "email").requires("implants", 2)
                    .attribute("lastVisit", "2026-02-14").attribute("xray", "panoramic, 2026-02-14");

            Decision decision = message(conversation, "I would like a second opinion about an implant");

            assertThat(ownerOf(decision)).isEqualTo("dr-costa");
            assertThat(decision.trace().explain()).contains("(note: Attach the latest x-rays and the treatment plan"
                    + " before replying)");
            assertThat(router.placement("c1")).hasValueSatisfying(placement -> assertThat(placement.conversation()
                    .attributes()).containsEntry("xray", "panoramic, 2026-02-14").containsKey("confidence"));
        }

        @Test
        void whatTheClassifierIsUnsureOf_waitsInManualReview() {
            Decision decision = message(from("c1", "hugo", "instagram"), "Hello, quick question");

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("manual-review");
                assertThat(queued.slaDeadline()).isEqualTo(MORNING.plusSeconds(30 * 60));
            });
            assertThat(decision.trace().explain())
                    .startsWith("1. rule low-confidence matched: confidence 0.0 < 0.5");
        }
    }

    @Nested
    class OnePatientAcrossChannels {
        @Test
        void aWhatsAppMessageFromThePhoneOnTheWebForm_joinsTheOpenConversation() {
            Decision form = message(from("form-17", "web-form:2291", "web_form")
                    .attribute("email", "maria@example.com").attribute("phone", "+351 912 345 678"),
                    "Can I book a cleaning on Tuesday?");

            Decision whatsapp = message(from("wa-88", "whatsapp:351912345678", "whatsapp")
                    .attribute("phone", "+351912345678"), "Also, how much is the whitening?");

            assertThat(ownerOf(form)).isEqualTo("marta");
            assertThat(whatsapp).isInstanceOfSatisfying(Decision.Joined.class, joined -> {
                assertThat(joined.joinedConversationId()).isEqualTo("form-17");
                assertThat(joined.placement()).isInstanceOfSatisfying(Placement.Owned.class,
                        owned -> assertThat(owned.ownerId()).isEqualTo("marta"));
            });
            assertThat(router.customerOf("whatsapp:351912345678")).isEqualTo("web-form:2291");
            assertThat(router.ownerStatus("marta").conversationIds()).containsExactly("form-17");
        }

        @Test
        void aReturningPatientGoesBackToWhoHelpedThem_onAnotherChannel() {
            router.release(message(from("mail-1", "maria", "email").attribute("email", "maria@example.com"),
                    "Can I book an appointment?").conversationId());
            message(from("other", "nuno", "email"), "Is the Saturday slot available?");

            Decision again = message(from("web-2", "web-form:77", "web_form").attribute("email", "Maria@Example.com"),
                    "I need to cancel my booking");

            assertThat(ownerOf(again)).isEqualTo("marta");
            assertThat(((Decision.Assigned) again).strategy()).isEqualTo("sticky");
        }
    }
}
