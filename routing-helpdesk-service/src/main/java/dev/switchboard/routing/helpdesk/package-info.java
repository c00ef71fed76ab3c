/**
 * A sample helpdesk service on the Switchboard Spring Boot starter: a webhook that routes each new conversation and
 * answers with the decision, endpoints to release, transfer and claim conversations, and one to set an agent's
 * presence. Bad input is answered with {@code application/problem+json} naming the field.
 */
package dev.switchboard.routing.helpdesk;
