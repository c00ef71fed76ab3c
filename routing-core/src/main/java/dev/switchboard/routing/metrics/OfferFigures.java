package dev.switchboard.routing.metrics;

/**
 * What became of offers (see {@code OfferPolicy}), one count per owner an offer was made to.
 *
 * @param offered offers made (a conversation rung to three owners counts three)
 * @param accepted offers accepted
 * @param declined offers declined
 * @param expired offers that expired unanswered
 * @param withdrawn offers taken back without an answer (another owner accepted first, the owner went offline or
 *     left, or the conversation was released)
 */
public record OfferFigures(long offered, long accepted, long declined, long expired, long withdrawn) {

    /** No offers. */
    public static final OfferFigures NONE = new OfferFigures(0, 0, 0, 0, 0);
}
