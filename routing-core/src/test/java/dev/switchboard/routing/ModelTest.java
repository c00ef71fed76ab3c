package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Nested
    class Conversations {
        @Test
        void normalisesMatchedNames_andKeepsDefaults() {
            Conversation conversation = Conversation.builder("c1").customer("Maria").channel(" WhatsApp ")
                    .language("PT-br").requires("Billing", 3).createdAt(START).build();

            assertThat(conversation.channel()).isEqualTo("whatsapp");
            assertThat(conversation.language()).isEqualTo("pt-br");
            assertThat(conversation.region()).isEmpty();
            assertThat(conversation.type()).isEqualTo("general");
            assertThat(conversation.priority()).isEqualTo(Priority.NORMAL);
            assertThat(conversation.requiredSkills()).containsExactly(SkillRequirement.required("billing", 3));
            assertThat(conversation.customerId()).isEqualTo("Maria");
        }

        @Test
        void refusesBlankIds_andMissingRequiredFields_namingThem() {
            assertThatThrownBy(() -> Conversation.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conversation id must not be blank");
            assertThatThrownBy(() -> Conversation.builder("c1").customer(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("customerId of conversation 'c1' must not be null");
            assertThatThrownBy(() -> Conversation.builder("c1").customer("m").createdAt(START).build())
                    .isInstanceOf(IllegalStateException.class).hasMessage("channel of conversation 'c1' is not set");
        }

        @Test
        void refusesTheSameSkillTwice() {
            assertThatThrownBy(() -> new Conversation("c1", "m", "chat", "general", Priority.NORMAL, false, "", "",
                    List.of(SkillRequirement.required("billing", 1), SkillRequirement.preferred("BILLING", 2)),
                    Map.of(), START))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skill 'billing' twice");
        }

        @Test
        void isImmutable() {
            Map<String, String> attributes = new HashMap<>(Map.of("offer", "consulting"));
            Conversation conversation = new Conversation("c1", "m", "chat", "general", Priority.NORMAL, false, "", "",
                    List.of(), attributes, START);
            attributes.put("offer", "support");

            assertThat(conversation.attributes()).containsEntry("offer", "consulting");
        }
    }

    @Nested
    class Owners {
        @Test
        void buildsWithSkillsLanguagesRegionsAndChannelLimits() {
            Owner owner = Owner.agent("ana").skill("Billing", 4).languages("EN", "es").regions("EU")
                    .capacity(5).channelCapacity("Phone", 1).weight(200).build();

            assertThat(owner.kind()).isEqualTo(OwnerKind.AGENT);
            assertThat(owner.proficiency("billing")).isEqualTo(4);
            assertThat(owner.proficiency("tech")).isEqualTo(-1);
            assertThat(owner.languages()).containsExactlyInAnyOrder("en", "es");
            assertThat(owner.regions()).containsExactly("eu");
            assertThat(owner.capacity().limitOn("phone")).isEqualTo(1);
            assertThat(owner.capacity().limitOn("chat")).isEqualTo(5);
        }

        @Test
        void refusesNegativeCapacityWeightAndProficiency_namingTheOwner() {
            assertThatThrownBy(() -> Owner.agent("ana").capacity(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("capacity of owner 'ana' must not be negative, was -1");
            assertThatThrownBy(() -> Owner.agent("ana").channelCapacity("phone", -2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel 'phone'");
            assertThatThrownBy(() -> Owner.agent("ana").weight(-5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weight of owner 'ana' must not be negative, was -5");
            assertThatThrownBy(() -> Owner.team("billing").skill("vat", -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("proficiency of skill 'vat' of owner 'billing'");
            assertThatThrownBy(() -> Owner.agent("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("owner id must not be blank");
        }
    }

    @Nested
    class Capacities {
        @Test
        void aChannelLimitNeverExceedsTheTotal() {
            assertThat(Capacity.of(2).withChannel("chat", 5).limitOn("chat")).isEqualTo(2);
        }

        @Test
        void freeRoomIsTheSmallerOfTotalAndChannelRoom_neverNegative() {
            Capacity capacity = Capacity.of(5).withChannel("phone", 1);

            assertThat(capacity.freeOn("chat", 3, 2)).isEqualTo(2);
            assertThat(capacity.freeOn("phone", 3, 0)).isEqualTo(1);
            assertThat(capacity.freeOn("phone", 3, 1)).isZero();
            assertThat(capacity.freeOn("chat", 7, 0)).isZero();
        }

        @Test
        void refusesNegativeLimits() {
            assertThatThrownBy(() -> Capacity.of(-3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("capacity.total must not be negative, was -3");
            assertThatThrownBy(() -> new Capacity(1, Map.of("sms", -1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("capacity.perChannel[sms] must not be negative, was -1");
        }
    }

    @Nested
    class SmallValues {
        @Test
        void aHandoffNeedsASummaryAndANextAction() {
            assertThatThrownBy(() -> new Handoff(" ", "", "call back")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("handoff.summary must not be blank");
            assertThatThrownBy(() -> new Handoff("refund", "", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("handoff.nextAction must not be blank");
        }

        @Test
        void offlinePoliciesRefuseNegativeGrace() {
            assertThat(OfflinePolicy.reassignNow().grace()).isZero();
            assertThatThrownBy(() -> new OfflinePolicy(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grace must not be negative");
        }

        @Test
        void aManualClockMovesOnlyForward() {
            ManualClock clock = new ManualClock(START);

            assertThat(clock.advance(Duration.ofMinutes(3))).isEqualTo(START.plusSeconds(180));
            assertThatThrownBy(() -> clock.set(START)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is before the clock's time");
            assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aCandidateRefusesImpossibleState_namingTheOwner() {
            Owner ana = Owner.agent("ana").build();

            assertThatThrownBy(() -> new Candidate(ana, 0, Presence.ONLINE, -1, 1, START))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("load of owner 'ana' must not be negative, was -1");
            assertThatThrownBy(() -> new Candidate(ana, 0, null, 0, 1, START))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("presence of owner 'ana' must not be null");
            assertThatThrownBy(() -> new Candidate(null, 0, Presence.ONLINE, 0, 1, START))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("owner must not be null");
        }

        @Test
        void aViewCountsItsMatchingOwners_andThoseAvailableUnderTheBusyPolicy_whateverTheirRoom() {
            RoutingSnapshot view = RoutingSnapshot.of(START, List.of(
                    new Candidate(Owner.agent("ana").skill("billing", 3).build(), 0, Presence.ONLINE, 2, 0, START),
                    new Candidate(Owner.agent("ben").skill("billing", 1).build(), 1, Presence.BUSY, 0, 2, START),
                    new Candidate(Owner.agent("cy").skill("billing", 2).build(), 2, Presence.OFFLINE, 0, 2, START),
                    new Candidate(Owner.agent("dee").build(), 3, Presence.ONLINE, 0, 2, START)));
            Requirements billing = new Requirements(List.of(SkillRequirement.required("billing", 1)), "", "");

            assertThat(view.matched(billing, BusyPolicy.EXCLUDE)).isEqualTo(new RoutingView.Matched(3, 1));
            assertThat(view.matched(billing, BusyPolicy.INCLUDE)).isEqualTo(new RoutingView.Matched(3, 2));
            assertThat(view.matched(Requirements.NONE, BusyPolicy.EXCLUDE)).isEqualTo(new RoutingView.Matched(4, 2));
            assertThat(RoutingView.Matched.of(view.candidates(), BusyPolicy.INCLUDE))
                    .isEqualTo(new RoutingView.Matched(4, 3));
            assertThatThrownBy(() -> view.matched(billing, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("busyPolicy must not be null");
            assertThatThrownBy(() -> new RoutingView.Matched(2, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("available must be from 0 to owners, and owners not negative, were 3 and 2");
        }

        @Test
        void aSnapshotRefusesTheSameOwnerTwice() {
            Candidate ana = new Candidate(Owner.agent("ana").build(), 0, Presence.ONLINE, 0, 1, START);

            assertThatThrownBy(() -> RoutingSnapshot.of(START, List.of(ana, ana)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner 'ana' twice");
        }

        @Test
        void aTraceExplainsEachStepInOrder() {
            Trace trace = new Trace(List.of(
                    new Trace.Step("sticky", Verdict.pass(PassReason.NOT_APPLICABLE, "first conversation")),
                    new Trace.Step("skills", Verdict.hold("waiting for a Spanish speaker")),
                    new Trace.Step("review", Verdict.enqueue("manual-review", "uncertain"))));

            assertThat(trace.explain()).isEqualTo("""
                    1. sticky passed (not applicable): first conversation
                    2. skills held the conversation: waiting for a Spanish speaker
                    3. review queued in manual-review: uncertain""");
        }
    }
}
