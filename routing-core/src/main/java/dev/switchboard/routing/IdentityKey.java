package dev.switchboard.routing;

import java.util.Locale;
import java.util.Optional;

/**
 * A conversation attribute that identifies a customer on any channel. When a router links identities by a key
 * ({@code Router.Builder.linkIdentitiesBy}), a conversation carrying that attribute links its customer to every
 * other customer that carried the same normalised value, so that a customer who writes by email and by WhatsApp
 * has one owner and one place in the queues.
 */
public enum IdentityKey {
    /** The attribute {@code email}, compared trimmed and lower-cased. */
    EMAIL("email"),
    /** The attribute {@code phone}, compared by its digits (and a leading {@code +}), so spacing does not matter. */
    PHONE("phone");

    private final String attribute;

    IdentityKey(String attribute) {
        this.attribute = attribute;
    }

    /** The name of the conversation attribute this key reads. */
    public String attribute() {
        return attribute;
    }

    /** The identity a conversation's attribute stands for, such as {@code email:maria@example.com}, if it has one. */
    Optional<String> identityOf(Conversation conversation) {
        String value = conversation.attributes().get(attribute);
        if (value == null) {
            return Optional.empty();
        }
        String normalised = this == EMAIL ? value.trim().toLowerCase(Locale.ROOT) : digits(value.trim());
        return normalised.isEmpty() || normalised.equals("+") ? Optional.empty()
                : Optional.of(attribute + ":" + normalised);
    }

    private static String digits(String phone) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (Character.isDigit(c) || (c == '+' && digits.length() == 0)) {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
