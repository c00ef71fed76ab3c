/**
 * Runnable programs that show Switchboard on realistic data: the quick start, a front-desk morning, and (in
 * {@code simulator}) a simulated helpdesk day that compares routing chains.
 */
package dev.switchboard.routing.examples;
