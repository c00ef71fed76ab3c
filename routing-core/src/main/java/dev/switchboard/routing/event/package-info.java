/**
 * Events the router emits so the host app can notify new owners and keep its records, and the listener that gets them;
 * a recorder also gets the calls the router received ({@link dev.switchboard.routing.event.RoutingEvent.Input}).
 */
package dev.switchboard.routing.event;
