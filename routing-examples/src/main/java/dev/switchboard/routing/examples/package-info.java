/** Runnable programs that show Switchboard on realistic data: the quick start and a front-desk morning. */
package dev.switchboard.routing.examples;
