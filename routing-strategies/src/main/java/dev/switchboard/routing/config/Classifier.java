package dev.switchboard.routing.config;

import java.util.Map;

/**
 * Turns a message into a conversation type with a confidence, before the conversation is routed: for example
 * {@code scheduling}, {@code pricing}, {@code post-service}, {@code complaint} or {@code specialist-review}. A
 * configuration's {@code classification} section gives a keyword and pattern classifier
 * ({@link RoutingConfig#classifier()}); a host can plug in its own, such as a call to an AI model, by implementing
 * this interface. Either way, {@link Classification#applyTo} puts the result on the conversation, and a conversation
 * classified below the configuration's {@code minConfidence} goes to review.
 *
 * <pre>{@code
 * Classification classification = classifier.classify(message.text(), Map.of("subject", message.subject()));
 * Conversation conversation = classification.applyTo(Conversation.builder(message.id())
 *         .customer(message.from()).channel("email").createdAt(message.receivedAt())).build();
 * Decision decision = router.route(conversation);
 * }</pre>
 */
@FunctionalInterface
public interface Classifier {

    /**
     * Classifies one message.
     *
     * @param text what the customer wrote
     * @param metadata what else is known about it, such as an email subject or the web form's fields (may be empty)
     */
    Classification classify(String text, Map<String, String> metadata);
}
