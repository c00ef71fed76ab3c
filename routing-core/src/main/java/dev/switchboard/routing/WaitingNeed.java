package dev.switchboard.routing;

/**
 * What a waiting conversation asks of the owner who takes it, as far as it decides who could: its channel (the owner
 * needs room there) and what it states it requires (see {@link Requirements#of}). Conversations with the same need
 * are equally out of reach of an owner who lacks it, so a store may group its queues by need and a drain for one owner
 * skip a whole group (see {@link dev.switchboard.routing.state.LiveState#waitingAfter(java.util.Optional,
 * java.util.Collection, java.util.function.Predicate)}).
 *
 * @param channel the conversation's channel
 * @param requirements the skills, language and region the conversation states
 */
public record WaitingNeed(String channel, Requirements requirements) {

    public WaitingNeed {
        Checks.id(channel, "channel");
        Checks.notNull(requirements, "requirements");
    }

    /** The need of a conversation. */
    public static WaitingNeed of(Conversation conversation) {
        Checks.notNull(conversation, "conversation");
        return new WaitingNeed(conversation.channel(), Requirements.of(conversation));
    }
}
