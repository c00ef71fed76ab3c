/**
 * Routing configuration in JSON: {@link dev.switchboard.routing.config.RoutingConfig} reads a document (roster, teams,
 * queues, identity linking, classification and ordered rules), checks all of it, and builds a router or a plan to
 * replace one; {@link dev.switchboard.routing.config.Classifier} turns a message into a conversation type with a
 * confidence, by the document's keywords and patterns or by the host's own model.
 */
package dev.switchboard.routing.config;
