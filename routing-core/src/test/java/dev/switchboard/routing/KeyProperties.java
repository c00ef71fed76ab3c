package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Names matched case-insensitively (channel, type, language, region, skills) are stored trimmed and lower-cased,
 * whether a name is a key already (returned as it is, without the lower-casing pass) or not.
 */
class KeyProperties {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Property(tries = 2_000)
    void aConversationStoresEveryNameTrimmedAndLowerCased(@ForAll("names") String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);

        Conversation conversation = Conversation.builder("c-1").customer("cu-1").channel(name).type(name)
                .language(name).region(name).requires(name, 1).createdAt(AT).build();

        assertThat(conversation.channel()).isEqualTo(key);
        assertThat(conversation.type()).isEqualTo(key);
        assertThat(conversation.language()).isEqualTo(key);
        assertThat(conversation.region()).isEqualTo(key);
        assertThat(conversation.requiredSkills()).singleElement()
                .satisfies(skill -> assertThat(skill.skill()).isEqualTo(key));
        assertThat(new SkillRequirement(name, 0, true).skill()).isEqualTo(key);
    }

    @Example
    void aKeyAlreadyIsStoredAsTheSameString() {
        String channel = "web-chat_2";

        assertThat(Conversation.builder("c-1").customer("cu-1").channel(channel).createdAt(AT).build().channel())
                .isSameAs(channel);
    }

    /** Names with a visible character: keys already, and names with upper case, spaces around, or beyond ASCII. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> visible = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> any = Arbitraries.strings().withCharRange('!', '~').withChars('É', 'ß', 'İ', 'Σ', 'ñ')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> padding = Arbitraries.of("", " ", "\t", "  ");
        return Arbitraries.oneOf(visible, any.flatMap(core -> padding.flatMap(before -> padding.map(after ->
                before + core + after))));
    }
}
