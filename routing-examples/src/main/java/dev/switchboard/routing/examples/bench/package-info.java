/**
 * JMH benchmarks of the router against a naive baseline, measured in the same run.
 *
 * <p>Each benchmark operation is one route+release cycle of one conversation: {@code route(conversation)}, then
 * {@code release(conversation.id())}. Two engines do the same work on the same seeded roster and conversations:
 * <ul>
 *   <li>{@code switchboard}: a {@link dev.switchboard.routing.Router} with the strategies of
 *       {@code routing-strategies} ({@link dev.switchboard.routing.examples.bench.SwitchboardEngine});</li>
 *   <li>{@code baseline}: the obvious implementation, {@link dev.switchboard.routing.examples.bench.NaiveRouter}:
 *       one global lock, a stream over every owner filtering by presence, skills and capacity, sorted, first
 *       taken, a load map updated.</li>
 * </ul>
 * so that every figure can be read as a ratio of two numbers from one run on one machine.
 *
 * <p>The roster ({@link dev.switchboard.routing.examples.bench.RosterGenerator}) has a realistic mix of skills with
 * proficiencies, languages, regions, presence (mostly online, some busy, away or offline), capacities of 2 to 8 and
 * weights, and a background load of open conversations placed before measuring. The conversations
 * ({@link dev.switchboard.routing.examples.bench.ConversationGenerator}) are built once per benchmark thread and
 * cycled through, so the measured loop allocates only what the engines allocate; each thread has its own ids.
 *
 * <p>{@link dev.switchboard.routing.examples.bench.RouteReleaseBenchmark} is the JMH benchmark and
 * {@link dev.switchboard.routing.examples.bench.BenchmarkSuite} runs a chosen set of its cells (a short mode of a
 * few minutes, and a full one) and writes the results files; the README's "Performance" section has the command.
 * {@code mvn -B verify} compiles all of this and runs none of it.
 */
package dev.switchboard.routing.examples.bench;
