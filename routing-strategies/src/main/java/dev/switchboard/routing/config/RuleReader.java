package dev.switchboard.routing.config;

import dev.switchboard.routing.Condition;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.Overflow;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Targets;
import dev.switchboard.routing.WeeklySchedule;
import dev.switchboard.routing.config.JsonFields.Item;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the ordered {@code rules}, with the free {@code attributes} their conditions may test: each rule's
 * conditions, checked against the field's kind; its destination (a declared queue, team or owner) and strategy
 * chain; its business hours; and what it {@code requires} of every step (the conversation's language, region or
 * skills); its targets ({@link TargetsReader}), offers and overflow policies ({@link OverflowReader}). The last
 * rule must send what no rule matched to review, and, with a {@code classification.minConfidence}, a rule named
 * {@value #LOW_CONFIDENCE_RULE} is put first.
 */
final class RuleReader {

    /** The rule {@code classification.minConfidence} puts first, sending uncertain conversations to review. */
    static final String LOW_CONFIDENCE_RULE = "low-confidence";

    private static final List<String> OPERATORS = List.of("eq", "in", "gt", "gte", "lt", "lte");

    /** What a condition field holds, which decides the operators it takes. */
    private enum Kind {
        TEXT,
        BOOLEAN,
        NUMBER
    }

    private final Problems problems;
    private final Declarations declared;
    private final ClassificationReader classification;
    private final OverflowReader overflow;
    private final TargetsReader targets;
    private final Map<String, Kind> attributes = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();

    RuleReader(Problems problems, Declarations declared, ClassificationReader classification,
            OverflowReader overflow) {
        this.problems = problems;
        this.declared = declared;
        this.classification = classification;
        this.overflow = overflow;
        this.targets = new TargetsReader(problems, declared);
        attributes.put(Classification.CONFIDENCE, Kind.NUMBER);
    }

    /** Reads the {@code attributes} section: the free attributes conditions may test, each text or a number. */
    void attributes(JsonFields section) {
        for (Map.Entry<String, Item> entry : section.entries()) {
            String name = entry.getKey();
            Item item = entry.getValue();
            if (Condition.CONVERSATION_FIELDS.contains(name) || attributes.containsKey(name)) {
                problems.add(item.path(), "is a field every conversation has" + (name.equals(Classification.CONFIDENCE)
                        ? " once classified (a number)" : "") + "; declare only free attributes");
                continue;
            }
            JsonFields.text(item, problems).ifPresent(kind -> {
                switch (kind) {
                    case "text" -> attributes.put(name, Kind.TEXT);
                    case "number" -> attributes.put(name, Kind.NUMBER);
                    default -> problems.add(item.path(), "must be \"text\" or \"number\", was '" + kind + "'");
                }
            });
        }
    }

    /** Reads one rule; the {@code last} rule of the document must be its review rule. */
    void rule(Item item, boolean last) {
        JsonFields.of(item, problems).ifPresent(rule -> {
            int before = problems.count();
            Optional<String> id = rule.text("id", true);
            id.ifPresent(value -> {
                if (value.equals(LOW_CONFIDENCE_RULE)) {
                    problems.add(rule.path("id"), "'" + LOW_CONFIDENCE_RULE + "' is the name of the rule that"
                            + " classification.minConfidence adds; choose another");
                } else {
                    declared.rule(value, rule.path("id"));
                }
            });
            Optional<JsonFields> when = rule.object("when", false);
            List<Condition> conditions = when.map(this::conditions).orElse(List.of());
            boolean catchesAll = !rule.has("when") || when.map(fields -> fields.entries().isEmpty()).orElse(false);
            String note = rule.text("note", false).orElse("");
            Optional<JsonFields> then = rule.object("then", true);
            Rule.Builder builder = Rule.builder(id.orElse("?")).when(conditions.toArray(Condition[]::new)).note(note);
            Optional<WeeklySchedule> hours = rule.text("hours", false)
                    .flatMap(name -> declared.scheduleNamed(name, rule.path("hours")));
            Optional<Rule.AfterHours> afterHours = rule.choice("afterHours", Rule.AfterHours.class);
            if (afterHours.isPresent() && !rule.has("hours")) {
                problems.add(rule.path("afterHours"), "applies only to a rule with 'hours'");
            } else if (last && afterHours.filter(Rule.AfterHours.NEXT_RULE::equals).isPresent()) {
                problems.add(rule.path("afterHours"), "the last rule has no next rule; it can only hold");
            }
            hours.ifPresent(schedule -> builder.hours(schedule, afterHours.orElse(Rule.AfterHours.HOLD)));
            for (Item need : rule.array("requires", false)) {
                JsonFields.text(need, problems).ifPresent(text -> requirement(text).ifPresentOrElse(builder::requires,
                        () -> problems.add(need.path(), "must be \"language\", \"region\" or \"skills\", was '"
                                + text + "'")));
            }
            boolean picksAnOwner = then.map(destination -> destination(destination, builder)).orElse(false);
            rule.rejectUnknown("field of a rule");
            if (last && (!catchesAll || picksAnOwner)) {
                problems.add(rule.path(), "the last rule sends every conversation no other rule matched to review: it"
                        + " takes no 'when', and its 'then' names only a 'queue'");
            } else if (!last && catchesAll) {
                problems.add(rule.path(), "has no conditions, so it matches every conversation and the rules after"
                        + " it never apply");
            }
            if (problems.count() == before) {
                problems.attempt(rule.path("then.chain"), builder::build).ifPresent(rules::add);
            }
        });
    }

    private static Optional<Rule.Requirement> requirement(String text) {
        for (Rule.Requirement requirement : Rule.Requirement.values()) {
            if (requirement.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(requirement);
            }
        }
        return Optional.empty();
    }

    /** Reads where a rule sends conversations into the builder; returns whether it names owners or a chain. */
    private boolean destination(JsonFields then, Rule.Builder builder) {
        Optional<String> queue = then.text("queue", true);
        queue.ifPresent(name -> {
            declared.knownQueue(name, then.path("queue"));
            builder.queue(name);
        });
        Optional<String> team = then.text("team", false);
        Optional<String> owner = then.text("owner", false);
        if (team.isPresent() && owner.isPresent()) {
            problems.add(then.path(), "names a team and an owner; a rule sends to one of them");
        }
        team.ifPresent(id -> builder.owners(declared.membersOf(id, then.path("team"))));
        owner.ifPresent(id -> {
            declared.knownOwner(id, then.path("owner"));
            builder.owners(id);
        });
        Targets tiers = targets.read(then);
        if (then.has("targets") && (team.isPresent() || owner.isPresent())) {
            problems.add(then.path("targets"), "name the rule's owners; leave out its 'team' and 'owner'");
        }
        builder.targets(tiers);
        boolean picks = team.isPresent() || owner.isPresent() || !tiers.isEmpty();
        List<Item> steps = then.array("chain", false);
        for (Item step : steps) {
            JsonFields.of(step, problems).flatMap(entry -> StrategyReader.read(entry, declared, problems))
                    .ifPresent(builder::chain);
        }
        if (picks && steps.isEmpty()) {
            problems.add(then.path("chain"), "is needed to choose among the rule's " + (team.isPresent() ? "team"
                    : owner.isPresent() ? "owner" : "targets") + ": for example [{\"type\": \"round-robin\"}]");
        }
        then.object("offer", false).ifPresent(offer -> offer(offer, steps.isEmpty(), builder));
        builder.overflow(overflow.read(then.array("overflow", false), queue).toArray(Overflow[]::new));
        then.rejectUnknown("field of a rule's 'then'");
        return picks || then.has("chain");
    }

    /**
     * Reads how a rule offers instead of assigning: {@code timeout}, {@code ring} (a number of owners, or
     * {@code "all"}), and {@code reviewAfter} declines and expiries with the {@code reviewQueue} they send to.
     */
    private void offer(JsonFields offer, boolean noChain, Rule.Builder builder) {
        int before = problems.count();
        if (noChain) {
            problems.add(offer.path(), "offers what the rule's chain chooses, and the rule has no 'chain'");
        }
        Optional<Duration> timeout = offer.duration("timeout", true, false);
        OfferPolicy.Builder policy = OfferPolicy.builder(timeout.orElse(Duration.ofSeconds(1)));
        offer.item("ring", false).ifPresent(ring -> {
            if (ring.node().isTextual() && ring.node().textValue().equals("all")) {
                policy.ringAll();
            } else if (ring.node().isTextual()) {
                problems.add(ring.path(), "must be a number of owners or \"all\", was '" + ring.node().textValue()
                        + "'");
            } else {
                JsonFields.integer(ring, problems)
                        .ifPresent(owners -> problems.attempt(ring.path(), () -> policy.ring(owners)));
            }
        });
        Optional<Integer> reviewAfter = offer.integer("reviewAfter");
        Optional<String> reviewQueue = offer.text("reviewQueue", false);
        reviewQueue.ifPresent(queue -> declared.knownQueue(queue, offer.path("reviewQueue")));
        if (reviewAfter.isPresent() != reviewQueue.isPresent()) {
            problems.add(offer.path(), "'reviewAfter' and 'reviewQueue' go together: after that many declines and"
                    + " expiries the conversation waits in that queue for review");
        } else if (reviewAfter.isPresent()) {
            problems.attempt(offer.path("reviewAfter"), () -> policy.reviewAfter(reviewAfter.get(), reviewQueue.get()));
        }
        offer.rejectUnknown("field of a rule's 'offer'");
        if (problems.count() == before) {
            builder.offer(policy.build());
        }
    }

    private List<Condition> conditions(JsonFields when) {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, Item> entry : when.entries()) {
            String field = entry.getKey();
            Item value = entry.getValue();
            Kind kind = kindOf(field);
            if (kind == null) {
                problems.add(value.path(), "unknown field; conditions take " + new TreeSet<>(
                        Condition.CONVERSATION_FIELDS) + " and the declared attributes " + attributes.keySet());
            } else if (value.node().isObject()) {
                JsonFields.of(value, problems).ifPresent(operators -> operators.entries().forEach(operator ->
                        condition(field, kind, operator.getKey(), operator.getValue()).ifPresent(conditions::add)));
            } else {
                condition(field, kind, value.node().isArray() ? "in" : "eq", value).ifPresent(conditions::add);
            }
        }
        return conditions;
    }

    private Optional<Condition> condition(String field, Kind kind, String operator, Item value) {
        if (!OPERATORS.contains(operator)) {
            problems.add(value.path(), "unknown operator; expected one of " + OPERATORS);
            return Optional.empty();
        }
        boolean numeric = !operator.equals("eq") && !operator.equals("in");
        if (numeric != (kind == Kind.NUMBER) || (kind == Kind.BOOLEAN && operator.equals("in"))) {
            problems.add(value.path(), "'" + operator + "' does not apply to " + field + ", which is " + switch (kind) {
                case TEXT -> "text: use eq or in";
                case BOOLEAN -> "true or false: use eq";
                case NUMBER -> "a number: use gt, gte, lt or lte";
            });
            return Optional.empty();
        }
        if (numeric) {
            Condition.Comparison comparison = Condition.Comparison.valueOf(operator.toUpperCase(Locale.ROOT));
            return JsonFields.number(value, problems).flatMap(number -> problems.attempt(value.path(),
                    () -> new Condition.Compare(field, comparison, number)));
        }
        if (kind == Kind.BOOLEAN) {
            if (!value.node().isBoolean()) {
                problems.add(value.path(), "must be true or false, was " + JsonFields.describe(value.node()));
                return Optional.empty();
            }
            return Optional.of(new Condition.Is(field, value.node().asText()));
        }
        if (operator.equals("eq")) {
            return JsonFields.text(value, problems).filter(text -> knownType(field, text, value.path()))
                    .flatMap(text -> problems.attempt(value.path(), () -> new Condition.Is(field, text)));
        }
        int before = problems.count();
        List<String> values = new ArrayList<>();
        for (Item element : JsonFields.elements(value, problems)) {
            JsonFields.text(element, problems).filter(text -> knownType(field, text, element.path()))
                    .ifPresent(values::add);
        }
        return problems.count() == before
                ? problems.attempt(value.path(), () -> new Condition.In(field, values)) : Optional.empty();
    }

    private Kind kindOf(String field) {
        if (field.equals("vip")) {
            return Kind.BOOLEAN;
        }
        return Condition.CONVERSATION_FIELDS.contains(field) ? Kind.TEXT : attributes.get(field);
    }

    /** A type in a condition must be one the classification describes, when it describes any. */
    private boolean knownType(String field, String value, String path) {
        String type = value.trim().toLowerCase(Locale.ROOT);
        Set<String> types = classification.types();
        if (!field.equals("type") || types.isEmpty() || types.contains(type)
                || type.equals(KeywordClassifier.UNKNOWN)) {
            return true;
        }
        problems.add(path, "unknown type '" + value + "'; the classification's types are " + types + " (and "
                + KeywordClassifier.UNKNOWN + ")");
        return false;
    }


    /** The rules read, after the rule that sends conversations classified below the minimum confidence to review. */
    List<Rule> rules() {
        Optional<BigDecimal> minConfidence = classification.minConfidence();
        if (minConfidence.isEmpty() || rules.isEmpty()) {
            return List.copyOf(rules);
        }
        List<Rule> all = new ArrayList<>();
        all.add(Rule.builder(LOW_CONFIDENCE_RULE)
                .when(new Condition.Compare(Classification.CONFIDENCE, Condition.Comparison.LT, minConfidence.get()))
                .queue(rules.get(rules.size() - 1).queue())
                .build());
        all.addAll(rules);
        return all;
    }
}
