/** Events the router emits so the host app can notify new owners and keep its records, and the listener that gets them. */
package dev.switchboard.routing.event;
