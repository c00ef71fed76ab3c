package dev.switchboard.routing.redis;

import io.lettuce.core.codec.RedisCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Strings to and from Redis as UTF-8, but for lone UTF-16 surrogates, which UTF-8 cannot encode: each is written as
 * the three bytes its code unit would take (as WTF-8 does) and read back as that code unit. Lettuce's own string codec
 * writes {@code ?} for one, so two ids that differ only in a lone surrogate ({@code "c\ud800"}, {@code "c\ud801"})
 * would be one key in Redis, and one conversation. A valid string is written exactly as UTF-8, so what the store wrote
 * before reads the same; a byte that is not part of UTF-8 (nor of such a surrogate) reads as U+FFFD.
 */
final class LosslessStringCodec implements RedisCodec<String, String> {

    static final LosslessStringCodec INSTANCE = new LosslessStringCodec();

    private static final char REPLACEMENT = '\uFFFD';

    private LosslessStringCodec() {}

    @Override
    public String decodeKey(ByteBuffer bytes) {
        return decode(bytes);
    }

    @Override
    public String decodeValue(ByteBuffer bytes) {
        return decode(bytes);
    }

    @Override
    public ByteBuffer encodeKey(String key) {
        return encode(key);
    }

    @Override
    public ByteBuffer encodeValue(String value) {
        return encode(value);
    }

    static ByteBuffer encode(String text) {
        if (text == null) {
            return ByteBuffer.wrap(new byte[0]);
        }
        byte[] bytes = new byte[3 * text.length()]; // the most a UTF-16 code unit takes
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[at++] = (byte) c;
            } else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | c >> 6);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int point = Character.toCodePoint(c, text.charAt(++i));
                bytes[at++] = (byte) (0xF0 | point >> 18);
                bytes[at++] = (byte) (0x80 | point >> 12 & 0x3F);
                bytes[at++] = (byte) (0x80 | point >> 6 & 0x3F);
                bytes[at++] = (byte) (0x80 | point & 0x3F);
            } else { // the rest of the BMP, lone surrogates included
                bytes[at++] = (byte) (0xE0 | c >> 12);
                bytes[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return ByteBuffer.wrap(bytes, 0, at);
    }

    static String decode(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        boolean ascii = true;
        for (byte b : bytes) {
            ascii &= b >= 0;
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        StringBuilder text = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3
                    : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            int point = length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
            boolean whole = length > 0 && i + length <= bytes.length;
            for (int k = 1; whole && k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                whole = (next & 0xC0) == 0x80;
                point = point << 6 | next & 0x3F;
            }
            boolean shortest = length == 1 || length == 2 && point >= 0x80 || length == 3 && point >= 0x800
                    || length == 4 && point >= 0x10000 && point <= Character.MAX_CODE_POINT;
            if (!whole || !shortest) {
                text.append(REPLACEMENT);
                i++;
                continue;
            }
            text.appendCodePoint(point);
            i += length;
        }
        return text.toString();
    }
}
