package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Owner;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.config.ConfigException;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.examples.simulator.Scenario.AgentSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules chain: routing by a rules document, a routing configuration in the format of
 * {@code docs/configuration.md}. The shipped default, {@value #DEFAULT}, is written for the shipped scenario.
 *
 * <p>The simulator builds the chain's router from the document as a host would ({@link Chain.Document}), with the
 * options every chain shares ({@link Simulation#SETTINGS}: as in the other chains, each conversation is routed on
 * its own). So the document's owners must be the scenario's agents, the same ids with the same skills, languages,
 * capacities and weights: they are what the teams and the rules are written for, and a document that disagrees
 * with the scenario is refused, naming each owner field at fault.
 *
 * <p>With {@code --agents} fewer than the scenario lists, the agents left out never come online; with more, the
 * chain routes by the document's plan with each copy of an agent ({@code ana-2}) in the teams of the agent it
 * copies, over the scenario's roster.
 */
final class RulesFile {

    /** The rules used when none are given, on the class path. */
    static final String DEFAULT = "/simulator/helpdesk-rules.json";

    /** The rules chain's name in tables and charts. */
    static final String CHAIN_NAME = "rules";

    /**
     * The shipped rules with offers: the same teams and rules, where the front line is offered its conversations,
     * which agents may decline or miss, on the class path.
     */
    static final String OFFERS = "/simulator/helpdesk-offers.json";

    /** The offers chain's name in tables and charts. */
    static final String OFFERS_CHAIN_NAME = "offers";

    private RulesFile() {}

    /** The shipped rules document. */
    static RoutingConfig readDefault() {
        return readShipped(DEFAULT);
    }

    /** A rules document on the class path, such as {@link #DEFAULT} or {@link #OFFERS}. */
    static RoutingConfig readShipped(String resource) {
        try (InputStream in = RulesFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the shipped rules " + resource + " are missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks a rules document. */
    static RoutingConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new RulesException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses and checks a rules document; {@code source} names it in error messages. */
    static RoutingConfig parse(String json, String source) {
        try {
            return RoutingConfig.load(json);
        } catch (ConfigException e) {
            throw new RulesException(source + ": " + e.getMessage());
        }
    }

    /**
     * The chain that routes by the document's rules, over the first {@code agents} agents of the scenario (see
     * {@link Scenario#withAgents}).
     *
     * @param config the rules document
     * @param source the document's name, for messages and the chain's description
     * @param scenario the scenario as read, with every agent it lists
     * @param agents how many agents the day has
     * @throws RulesException when the document's owners are not the scenario's agents
     */
    static Chain chain(RoutingConfig config, String source, Scenario scenario, int agents) {
        return chain(CHAIN_NAME, config, source, scenario, agents);
    }

    /** As {@link #chain(RoutingConfig, String, Scenario, int)}, with the chain's name in tables and charts. */
    static Chain chain(String name, RoutingConfig config, String source, Scenario scenario, int agents) {
        List<String> problems = ownerProblems(config, scenario);
        if (!problems.isEmpty()) {
            throw new RulesException(source + ": its owners must be the agents of the scenario '" + scenario.name()
                    + "', with the same skills, languages, capacities and weights; " + problems.size()
                    + (problems.size() == 1 ? " problem:" : " problems:")
                    + problems.stream().map(problem -> "\n  " + problem).collect(Collectors.joining()));
        }
        RoutingPlan plan = withCopies(config.plan(), scenario, agents);
        Chain.Routing routing = plan == config.plan() ? new Chain.Document(config) : new Chain.Rules(plan);
        return new Chain(name, describe(plan, source), routing);
    }

    /** The rules in words: {@code the rules of helpdesk-rules.json: vip, urgent, ..., else manual-review}. */
    private static String describe(RoutingPlan plan, String source) {
        List<String> names = plan.rules().stream().map(Rule::name).toList();
        String fileName = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        return "the rules of " + fileName + ": " + String.join(", ", names.subList(0, names.size() - 1))
                + (names.size() > 1 ? ", else " : "") + names.get(names.size() - 1);
    }

    /** Where the document's owners differ from the scenario's agents, each at its JSON path. */
    static List<String> ownerProblems(RoutingConfig config, Scenario scenario) {
        Map<String, Owner> agents = new LinkedHashMap<>();
        for (AgentSpec agent : scenario.agents()) {
            agents.put(agent.id(), DayGenerator.owner(agent));
        }
        List<String> problems = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        List<Owner> owners = config.owners();
        for (int i = 0; i < owners.size(); i++) {
            Owner owner = owners.get(i);
            String path = "owners[" + i + "]";
            declared.add(owner.id());
            Owner agent = agents.get(owner.id());
            if (agent == null) {
                problems.add(path + ".id: '" + owner.id() + "' is not an agent of the scenario; agents: "
                        + agents.keySet());
                continue;
            }
            differ(problems, path + ".kind", owner.id(), agent.kind(), owner.kind());
            differ(problems, path + ".skills", owner.id(), new TreeMap<>(agent.skills()),
                    new TreeMap<>(owner.skills()));
            differ(problems, path + ".languages", owner.id(), new TreeSet<>(agent.languages()),
                    new TreeSet<>(owner.languages()));
            differ(problems, path + ".regions", owner.id(), new TreeSet<>(agent.regions()),
                    new TreeSet<>(owner.regions()));
            differ(problems, path + ".capacity", owner.id(), agent.capacity().total(), owner.capacity().total());
            differ(problems, path + ".channelCapacity", owner.id(), new TreeMap<>(agent.capacity().perChannel()),
                    new TreeMap<>(owner.capacity().perChannel()));
            differ(problems, path + ".weight", owner.id(), agent.weight(), owner.weight());
        }
        for (String agent : agents.keySet()) {
            if (!declared.contains(agent)) {
                problems.add("owners: has no owner '" + agent + "', an agent of the scenario");
            }
        }
        return problems;
    }

    private static void differ(List<String> problems, String path, String id, Object scenario, Object document) {
        if (!scenario.equals(document)) {
            problems.add(path + ": must be " + scenario + ", as for agent '" + id + "' in the scenario, was "
                    + document);
        }
    }

    /**
     * The plan with each copy of an agent that {@code withAgents(agents)} adds in the rules that name the agent it
     * copies. Agent {@code i} of the day copies agent {@code i % n} of the scenario's {@code n}.
     */
    static RoutingPlan withCopies(RoutingPlan plan, Scenario scenario, int agents) {
        List<AgentSpec> listed = scenario.agents();
        if (agents <= listed.size()) {
            return plan;
        }
        List<AgentSpec> roster = scenario.withAgents(agents).agents();
        Map<String, List<String>> copies = new LinkedHashMap<>();
        for (int i = listed.size(); i < roster.size(); i++) {
            String copied = listed.get(i % listed.size()).id();
            copies.computeIfAbsent(copied, id -> new ArrayList<>()).add(roster.get(i).id());
        }
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : plan.rules()) {
            Set<String> owners = new LinkedHashSet<>(rule.owners());
            rule.owners().forEach(owner -> owners.addAll(copies.getOrDefault(owner, List.of())));
            rules.add(new Rule(rule.name(), rule.when(), owners, rule.chain(), rule.queue(), rule.note(), rule.hours(),
                    rule.afterHours(), rule.requires(), rule.offer(), rule.overflow(), rule.targets()));
        }
        return new RoutingPlan(plan.queues(), rules);
    }
}
