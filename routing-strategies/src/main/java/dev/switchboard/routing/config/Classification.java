package dev.switchboard.routing.config;

import dev.switchboard.routing.Conversation;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link Classifier} made of a message.
 *
 * @param type the conversation type, such as {@code scheduling} (stored lower-case)
 * @param confidence how sure the classifier is, from 0 to 1
 * @param evidence what it found that points to the type, for people (may be empty)
 */
public record Classification(String type, double confidence, List<String> evidence) {

    /**
     * The attribute that carries the confidence on a classified conversation; rules may compare it, and a
     * configuration's {@code minConfidence} sends conversations below it to review.
     */
    public static final String CONFIDENCE = "confidence";

    public Classification {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type must not be " + (type == null ? "null" : "blank"));
        }
        type = type.trim().toLowerCase(Locale.ROOT);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        if (evidence == null) {
            throw new IllegalArgumentException("evidence must not be null");
        }
        evidence = List.copyOf(evidence);
    }

    /** Sets the conversation's type, and its {@value #CONFIDENCE} attribute, from this classification. */
    public Conversation.Builder applyTo(Conversation.Builder conversation) {
        if (conversation == null) {
            throw new IllegalArgumentException("conversation must not be null");
        }
        return conversation.type(type).attribute(CONFIDENCE, Double.toString(confidence));
    }
}
