package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.SkillRequirement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The JSON a conversation is kept as in Redis is lossless: parsed back, it is the conversation encoded, whatever its
 * ids, attributes, skills and preferred owners hold. The codec's tables of conversations by their JSON rely on it,
 * and answer right however their slots are overwritten.
 */
class ConversationCodecProperties {

    @Property(tries = 300)
    void aConversationParsedFromItsJson_isTheConversationEncoded(@ForAll("conversations") Conversation conversation) {
        assertThat(ConversationCodec.parse(ConversationCodec.encode(conversation))).isEqualTo(conversation);
    }

    /** The JSON as Redis keeps it, which conversations a router wrote before a deploy are read back from. */
    private static final String DATA = "{\"id\":\"c-9\",\"customer\":\"maria\",\"channel\":\"chat\","
            + "\"type\":\"billing\",\"priority\":\"HIGH\",\"vip\":true,\"language\":\"pt\",\"region\":\"\","
            + "\"createdAt\":\"2026-03-02T08:00:00Z\",\"lastActivityAt\":\"2026-03-02T08:05:00Z\","
            + "\"preferredOwners\":[\"ana\"],\"skills\":[{\"skill\":\"billing\",\"min\":2,\"optional\":false}],"
            + "\"attributes\":{\"email\":\"maria@example.com\"}}";

    @Example
    void aConversationIsWrittenInTheLayoutRedisKeeps() {
        Conversation conversation = Conversation.builder("c-9").customer("maria").channel("chat").type("billing")
                .priority(Priority.HIGH).vip(true).language("pt").requires("billing", 2)
                .attribute("email", "maria@example.com").preferredOwners("ana")
                .createdAt(Instant.parse("2026-03-02T08:00:00Z")).lastActivityAt(Instant.parse("2026-03-02T08:05:00Z"))
                .build();

        assertThat(ConversationCodec.encode(conversation)).isEqualTo(DATA);
        assertThat(ConversationCodec.encode(conversation)).isSameAs(ConversationCodec.encode(conversation));
    }

    @Example
    void jsonWrittenElsewhere_decodesAsItParses() {
        String data = new String(DATA.toCharArray()); // not the instance a conversation was encoded to here
        Conversation decoded = ConversationCodec.decode(data);

        assertThat(decoded).isEqualTo(ConversationCodec.parse(data));
        assertThat(decoded.requiredSkills()).containsExactly(SkillRequirement.required("billing", 2));
        assertThat(decoded.attributes()).containsExactlyEntriesOf(Map.of("email", "maria@example.com"));
        assertThat(ConversationCodec.decode(data)).isSameAs(decoded);
    }

    @Property(tries = 3)
    void whateverTheTablesHold_aConversationEncodesAndDecodesToItself(
            @ForAll("moreThanTheTablesHold") List<Conversation> conversations) {
        // more conversations than slots: entries overwrite each other, and every answer is still the conversation's
        for (Conversation conversation : conversations) {
            String data = ConversationCodec.encode(conversation);
            assertThat(ConversationCodec.decode(data)).isEqualTo(conversation);
            assertThat(ConversationCodec.decode(new String(data.toCharArray()))).isEqualTo(conversation);
        }
        for (Conversation conversation : conversations) {
            assertThat(ConversationCodec.parse(ConversationCodec.encode(conversation))).isEqualTo(conversation);
        }
    }

    @Example
    void longJson_isNotKept_butDecodesAlike() {
        Conversation conversation = Conversation.builder("c-long").customer("maria").channel("chat")
                .attribute("transcript", "x".repeat(5_000)).createdAt(Instant.parse("2026-03-02T08:00:00Z")).build();

        String data = ConversationCodec.encode(conversation);

        assertThat(ConversationCodec.encode(conversation)).isEqualTo(data).isNotSameAs(data);
        assertThat(ConversationCodec.decode(data)).isEqualTo(conversation).isNotSameAs(conversation);
    }

    /** A conversation's single-valued fields; a language (null for none) is its region too. */
    record Head(String id, String customer, String channel, String type, Priority priority, boolean vip,
            String language, Instant created) {}

    @Provide
    Arbitrary<List<Conversation>> moreThanTheTablesHold() {
        return conversations().list().ofMinSize(2_000).ofMaxSize(3_000);
    }

    @Provide
    Arbitrary<Conversation> conversations() {
        Arbitrary<String> ids = Arbitraries.strings().ofMinLength(1).ofMaxLength(12)
                .withChars("aZ-_.:@é中\"\\ /").withCharRange('a', 'f').filter(id -> !id.isBlank());
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
        Arbitrary<Instant> instants = Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli)
                .map(instant -> instant.plusNanos(123));
        Arbitrary<List<SkillRequirement>> skills = Combinators.combine(keys, Arbitraries.integers().between(0, 10),
                Arbitraries.of(true, false)).as(SkillRequirement::new).list().ofMaxSize(3)
                .uniqueElements(SkillRequirement::skill);
        Arbitrary<Map<String, String>> attributes = Arbitraries.maps(ids, ids.injectNull(0)).ofMaxSize(3);
        Arbitrary<Head> heads = Combinators.combine(ids, ids, keys, keys, Arbitraries.of(Priority.class),
                Arbitraries.of(true, false), keys.injectNull(0.5), instants).as(Head::new);
        return Combinators.combine(heads, skills, attributes, ids.list().ofMaxSize(2).uniqueElements())
                .as((head, requirements, attributed, preferred) -> {
                    Conversation.Builder builder = Conversation.builder(head.id()).customer(head.customer())
                            .channel(head.channel()).type(head.type()).priority(head.priority()).vip(head.vip())
                            .createdAt(head.created()).lastActivityAt(head.created().plusSeconds(90))
                            .preferredOwners(preferred.toArray(String[]::new));
                    if (head.language() != null) {
                        builder.language(head.language()).region(head.language());
                    }
                    requirements.forEach(builder::require);
                    attributed.forEach(builder::attribute);
                    return builder.build();
                });
    }
}
