/**
 * JMH benchmarks of the router, each figure read against a reference measured in the same run.
 *
 * <p>The main benchmark, {@link dev.switchboard.routing.examples.bench.RouteReleaseBenchmark}, times route+release
 * cycles, routing a conversation and releasing it, on three engines that do the same work on the same seeded roster
 * and conversations:
 * <ul>
 *   <li>{@code switchboard}: a {@link dev.switchboard.routing.Router} with the strategies of
 *       {@code routing-strategies} ({@link dev.switchboard.routing.examples.bench.SwitchboardEngine});</li>
 *   <li>{@code recorded}: the same router with its routing log on;</li>
 *   <li>{@code baseline}: the obvious implementation, {@link dev.switchboard.routing.examples.bench.NaiveRouter}:
 *       one global lock, a stream over every owner filtering by presence, skills and capacity, sorted, first
 *       taken, a load map updated.</li>
 * </ul>
 * Its cells can be prepared first ({@link dev.switchboard.routing.examples.bench.EngineSetup}): conversations no
 * agent can take left waiting, agents that joined and left.
 *
 * <p>The references: {@link dev.switchboard.routing.examples.bench.FloorBenchmark}, the least work any correct
 * route+release must do (a concurrent map's put and remove, a capacity-checked compare-and-set, a cursor
 * increment), and gRPC-java's weighted pick beside our {@code WeightedCapacity} decision
 * ({@link dev.switchboard.routing.examples.bench.WeightedPickBenchmark}). Building a conversation is measured by
 * {@link dev.switchboard.routing.examples.bench.ConversationBuilderBenchmark}. A router on Redis is measured against one
 * loopback {@code PING} by {@link dev.switchboard.routing.examples.bench.RedisBenchmark}, which starts its own
 * redis-server.
 *
 * <p>The roster ({@link dev.switchboard.routing.examples.bench.RosterGenerator}) has a realistic mix of skills with
 * proficiencies, languages, regions, presence (mostly online, some busy, away or offline), capacities of 2 to 8 and
 * weights, and a background load of open conversations placed before measuring. The conversations
 * ({@link dev.switchboard.routing.examples.bench.ConversationGenerator}) are built once per benchmark thread and
 * cycled through, so the measured loop allocates only what the engines allocate; each thread has its own ids.
 *
 * <p>{@link dev.switchboard.routing.examples.bench.BenchmarkSuite} runs a chosen set of cells
 * ({@link dev.switchboard.routing.examples.bench.SuitePlan}), samples the load other processes put on the machine
 * during each ({@link dev.switchboard.routing.examples.bench.MachineLoadProfiler}), and writes the results file
 * ({@link dev.switchboard.routing.examples.bench.ResultsReport}) with issue 15's targets computed from the run
 * ({@link dev.switchboard.routing.examples.bench.IssueTargets}); the README's "Performance" section has the
 * commands. {@code mvn -B verify} compiles all of this and runs none of it.
 */
package dev.switchboard.routing.examples.bench;
