package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every Java string reads back as it was written; a valid one is written as UTF-8 is, and UTF-8 reads as it does. */
class LosslessStringCodecProperties {

    @Property(tries = 3_000)
    void everyStringReadsBackAsItWas(@ForAll("texts") String text) {
        assertThat(LosslessStringCodec.decode(LosslessStringCodec.encode(text))).isEqualTo(text);
    }

    @Property(tries = 2_000)
    void aValidStringIsWrittenAsUtf8_andUtf8ReadsAsJavaReadsIt(@ForAll("texts") String text) {
        String valid = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8); // lone ones → ?
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);

        assertThat(bytes(LosslessStringCodec.encode(valid))).isEqualTo(utf8);
        assertThat(LosslessStringCodec.decode(ByteBuffer.wrap(utf8))).isEqualTo(valid);
    }

    @Example
    void twoIdsThatDifferInALoneSurrogate_areDifferentBytes() {
        assertThat(bytes(LosslessStringCodec.encode("c\ud800"))).isNotEqualTo(bytes(LosslessStringCodec
                .encode("c\ud801")));
    }

    @Property(tries = 1_000)
    void anyBytesRead_withoutFailing(@ForAll byte[] bytes) {
        String read = LosslessStringCodec.decode(ByteBuffer.wrap(bytes));

        assertThat(read.length()).isLessThanOrEqualTo(bytes.length);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Any characters, with lone and paired surrogates, and two- and three-byte characters often. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> special = Arbitraries.of('\ud800', '\udbff', '\udc00', '\udfff', 'é', '中', '\u07ff',
                '\u0800', '\uffff', '\u0000', 'a');
        Arbitrary<String> mixed = special.list().ofMaxSize(16).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
        return Arbitraries.oneOf(mixed, Arbitraries.strings().all(), Arbitraries.just("\ud83d\udc4d ok"));
    }
}
