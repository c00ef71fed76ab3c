package dev.switchboard.routing.config;

import dev.switchboard.routing.Overflow;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.config.JsonFields.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a whole document section by section, each section by the reader of its concern (the roster, the
 * classification, the router's settings, the rules, the overflow policies of rules and queues), checking each value
 * and every reference between sections (a rule's team, owner and queue, a team's members, a pool queue, a condition's
 * field and type, the rules and queues an overflow policy names), and collects every problem with its path. Values
 * are made by the library's own constructors and builders, so their checks, and messages, are the library's.
 */
final class DocumentReader {

    /**
     * What a sound document makes.
     *
     * @param roster each owner, in document order, with the presence it starts in
     * @param settings the calls the document makes on a {@link Router.Builder}, in document order
     */
    record Parts(Map<Owner, Presence> roster, RoutingPlan plan, Optional<Classifier> classifier,
            List<Consumer<Router.Builder>> settings) {
        Parts {
            roster = Collections.unmodifiableMap(new LinkedHashMap<>(roster));
            settings = List.copyOf(settings);
        }
    }

    private final Problems problems;
    private final Declarations declared;
    private final RosterReader roster;
    private final ClassificationReader classification;
    private final RouterSettingsReader settings;
    private final RuleReader rules;
    private final OverflowReader overflow;
    private final List<QueueSpec> queues = new ArrayList<>();

    private DocumentReader(JsonDocument document) {
        problems = new Problems(document);
        declared = new Declarations(problems);
        roster = new RosterReader(problems, declared);
        classification = new ClassificationReader(problems);
        settings = new RouterSettingsReader(problems, declared);
        overflow = new OverflowReader(problems, declared);
        rules = new RuleReader(problems, declared, classification, overflow);
    }

    /** The parts of a document, or a {@link ConfigException} with every problem in it. */
    static Parts read(JsonDocument document) {
        return new DocumentReader(document).document(new Item(document.root(), "$"));
    }

    private Parts document(Item root) {
        Optional<JsonFields> document = JsonFields.of(root, problems);
        problems.throwIfAny();
        JsonFields fields = document.orElseThrow();
        fields.object("attributes", false).ifPresent(rules::attributes);
        fields.array("schedules", false).forEach(roster::schedule);
        fields.array("owners", true).forEach(roster::owner);
        fields.array("teams", false).forEach(roster::team);
        fields.array("queues", true).forEach(this::queue);
        fields.object("identity", false).ifPresent(settings::identity);
        fields.object("classification", false).ifPresent(classification::classification);
        fields.object("responses", false).ifPresent(settings::responses);
        fields.object("router", false).ifPresent(settings::router);
        List<Item> ruleItems = fields.array("rules", true);
        if (ruleItems.isEmpty() && fields.has("rules")) {
            problems.add(fields.path("rules"), "must not be empty: the last rule sends what no rule matched to review");
        }
        for (int i = 0; i < ruleItems.size(); i++) {
            rules.rule(ruleItems.get(i), i == ruleItems.size() - 1);
        }
        overflow.checkReferences();
        fields.rejectUnknown("section");
        problems.throwIfAny();
        Optional<RoutingPlan> plan = problems.attempt(fields.path("rules"),
                () -> new RoutingPlan(queues, rules.rules()));
        problems.throwIfAny();
        return new Parts(roster.roster(), plan.orElseThrow(), classification.classifier(), settings.settings());
    }

    private void queue(Item item) {
        JsonFields.of(item, problems).ifPresent(queue -> {
            Optional<String> id = queue.text("id", true);
            id.ifPresent(value -> declared.queue(value, queue.path("id")));
            Optional<Duration> sla = queue.duration("sla", true, false);
            List<Overflow> policies = overflow.read(queue.array("overflow", false), id);
            queue.rejectUnknown("field of a queue");
            if (id.isPresent() && sla.isPresent()) {
                problems.attempt(queue.path(), () -> new QueueSpec(id.get(), sla.get(), policies))
                        .ifPresent(queues::add);
            }
        });
    }
}
