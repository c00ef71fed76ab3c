package dev.switchboard.routing.replay;

/**
 * Map keys as routing logs and state snapshots write them. A JSON parser refuses a lone UTF-16 surrogate in a field
 * name (Jackson keeps names as UTF-8), though it reads one back in a string value; owner ids, attribute keys and the
 * other keys of a line may hold one. Such a key, and any key that starts with NUL (so that reading is unambiguous), is
 * written as NUL followed by its UTF-16 code units, four hex digits each; every other key is written as it is, so
 * logs and snapshots without such keys are unchanged.
 */
final class MapKeys {

    private static final char MARK = '\0';

    private MapKeys() {}

    /** The key as it is written. */
    static String encode(String key) {
        if (key.isEmpty() || key.charAt(0) != MARK && !hasLoneSurrogate(key)) {
            return key;
        }
        char[] encoded = new char[1 + 4 * key.length()];
        encoded[0] = MARK;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            for (int digit = 0; digit < 4; digit++) {
                encoded[1 + 4 * i + digit] = Character.forDigit((c >> (12 - 4 * digit)) & 0xF, 16);
            }
        }
        return new String(encoded);
    }

    /** The key a written one stands for; a key that starts with NUL must hold whole code units in hex. */
    static String decode(String written) {
        if (written.isEmpty() || written.charAt(0) != MARK) {
            return written;
        }
        if ((written.length() - 1) % 4 != 0) {
            throw new LineFields.BadLine("key " + quoted(written) + " starts with NUL but is not NUL and code units"
                    + " in four hex digits each");
        }
        char[] key = new char[(written.length() - 1) / 4];
        for (int i = 0; i < key.length; i++) {
            int unit = 0;
            for (int digit = 1; digit <= 4; digit++) {
                int value = Character.digit(written.charAt(4 * i + digit), 16);
                if (value < 0) {
                    throw new LineFields.BadLine("key " + quoted(written) + " starts with NUL but "
                            + quoted(String.valueOf(written.charAt(4 * i + digit))) + " is not a hex digit");
                }
                unit = unit << 4 | value;
            }
            key[i] = (char) unit;
        }
        return new String(key);
    }

    private static boolean hasLoneSurrogate(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++; // a pair: one character, which names may hold
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String text) {
        return "'" + text.replace("\0", "\\0") + "'";
    }
}
