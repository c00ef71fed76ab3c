package dev.switchboard.routing.config;

import dev.switchboard.routing.Condition;
import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerKind;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.WeeklySchedule;
import dev.switchboard.routing.config.JsonFields.Item;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a whole document section by section, checking each value and every reference between sections (a rule's
 * team, owner and queue, a team's members, a pool queue, a condition's field and type), and collects every problem
 * with its path. Values are made by the library's own constructors and builders, so their checks, and messages,
 * are the library's.
 */
final class DocumentReader {

    /** What a sound document makes. */
    record Parts(List<Owner> owners, RoutingPlan plan, Optional<Classifier> classifier, Set<IdentityKey> linkBy,
            boolean oneConversationPerCustomer, Map<Priority, Duration> responseDeadlines, int maxBounces,
            Optional<String> reviewQueue, RouterSettings router) {}

    /** How many times a conversation is routed again after missed response deadlines, unless the document says. */
    private static final int DEFAULT_MAX_BOUNCES = 2;

    /** The rule {@code classification.minConfidence} puts first, sending uncertain conversations to review. */
    private static final String LOW_CONFIDENCE_RULE = "low-confidence";

    private static final List<String> OPERATORS = List.of("eq", "in", "gt", "gte", "lt", "lte");

    /** What a condition field holds, which decides the operators it takes. */
    private enum Kind {
        TEXT,
        BOOLEAN,
        NUMBER
    }

    private final Problems problems = new Problems();
    private final Map<String, Kind> attributes = new LinkedHashMap<>();
    private final List<Owner> owners = new ArrayList<>();
    private final Map<String, String> ownerPaths = new LinkedHashMap<>();
    private final Map<String, WeeklySchedule> schedules = new LinkedHashMap<>();
    private final Map<String, String> schedulePaths = new LinkedHashMap<>();
    private final Map<Priority, Duration> responseDeadlines = new EnumMap<>(Priority.class);
    private int maxBounces = DEFAULT_MAX_BOUNCES;
    private Optional<String> reviewQueue = Optional.empty();
    private final Map<String, List<String>> teams = new LinkedHashMap<>();
    private final Map<String, String> teamPaths = new LinkedHashMap<>();
    private final List<QueueSpec> queues = new ArrayList<>();
    private final Map<String, String> queuePaths = new LinkedHashMap<>();
    private final Set<IdentityKey> linkBy = EnumSet.noneOf(IdentityKey.class);
    private final Set<String> types = new LinkedHashSet<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> rulePaths = new LinkedHashMap<>();
    private Optional<BigDecimal> minConfidence = Optional.empty();
    private Optional<Classifier> classifier = Optional.empty();
    private boolean oneConversationPerCustomer = true;
    private RouterSettings router = RouterSettings.DEFAULTS;

    private DocumentReader() {
        attributes.put(Classification.CONFIDENCE, Kind.NUMBER);
    }

    /** The parts of a document, or a {@link ConfigException} with every problem in it. */
    static Parts read(Item root) {
        return new DocumentReader().document(root);
    }

    private Parts document(Item root) {
        Optional<JsonFields> document = JsonFields.of(root, problems);
        problems.throwIfAny();
        JsonFields fields = document.orElseThrow();
        fields.object("attributes", false).ifPresent(this::attributes);
        fields.array("schedules", false).forEach(this::schedule);
        fields.array("owners", true).forEach(this::owner);
        fields.array("teams", false).forEach(this::team);
        fields.array("queues", true).forEach(this::queue);
        fields.object("identity", false).ifPresent(this::identity);
        fields.object("classification", false).ifPresent(this::classification);
        fields.object("responses", false).ifPresent(this::responses);
        fields.object("router", false).ifPresent(section -> router = RouterSettings.read(section));
        List<Item> ruleItems = fields.array("rules", true);
        if (ruleItems.isEmpty() && fields.has("rules")) {
            problems.add(fields.path("rules"), "must not be empty: the last rule sends what no rule matched to review");
        }
        for (int i = 0; i < ruleItems.size(); i++) {
            rule(ruleItems.get(i), i == ruleItems.size() - 1);
        }
        fields.rejectUnknown("section");
        problems.throwIfAny();
        Optional<RoutingPlan> plan = problems.attempt(fields.path("rules"),
                () -> new RoutingPlan(queues, withLowConfidenceRule(rules)));
        problems.throwIfAny();
        return new Parts(List.copyOf(owners), plan.orElseThrow(), classifier, linkBy, oneConversationPerCustomer,
                responseDeadlines, maxBounces, reviewQueue, router);
    }

    // ------------------------------------------------------------------------------------------- sections

    private void attributes(JsonFields declared) {
        for (Map.Entry<String, Item> entry : declared.entries()) {
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

    private void owner(Item item) {
        JsonFields.of(item, problems).ifPresent(owner -> {
            int before = problems.count();
            Optional<String> id = owner.text("id", true);
            id.ifPresent(value -> unique(ownerPaths, value, owner.path("id"), "owner"));
            OwnerKind kind = owner.choice("kind", OwnerKind.class).orElse(OwnerKind.AGENT);
            Owner.Builder builder = Owner.builder(id.orElse("?"), kind);
            for (Item language : owner.texts("languages")) {
                problems.attempt(language.path(), () -> builder.languages(language.node().textValue()));
            }
            for (Item region : owner.texts("regions")) {
                problems.attempt(region.path(), () -> builder.regions(region.node().textValue()));
            }
            owner.object("skills", false).ifPresent(skills -> skills.entries().forEach(skill ->
                    JsonFields.integer(skill.getValue(), problems).ifPresent(level -> problems.attempt(
                            skill.getValue().path(), () -> builder.skill(skill.getKey(), level)))));
            owner.integer("capacity").ifPresent(total -> problems.attempt(owner.path("capacity"),
                    () -> builder.capacity(total)));
            owner.object("channelCapacity", false).ifPresent(channels -> channels.entries().forEach(channel ->
                    JsonFields.integer(channel.getValue(), problems).ifPresent(limit -> problems.attempt(
                            channel.getValue().path(), () -> builder.channelCapacity(channel.getKey(), limit)))));
            owner.integer("weight").ifPresent(weight -> problems.attempt(owner.path("weight"),
                    () -> builder.weight(weight)));
            owner.bool("autoAssign").ifPresent(builder::autoAssign);
            owner.object("assignmentCap", false).ifPresent(cap -> {
                Optional<Integer> limit = cap.item("limit", true).flatMap(value -> JsonFields.integer(value, problems));
                Optional<Duration> window = cap.duration("window", true, false);
                cap.rejectUnknown("field of an assignment cap");
                if (limit.isPresent() && window.isPresent()) {
                    problems.attempt(cap.path("limit"), () -> builder.assignmentCap(limit.get(), window.get()));
                }
            });
            owner.text("hours", false).flatMap(name -> scheduleNamed(name, owner.path("hours")))
                    .ifPresent(builder::hours);
            owner.object("dailyCap", false).ifPresent(cap -> {
                Optional<Integer> limit = cap.item("limit", true).flatMap(value -> JsonFields.integer(value, problems));
                Optional<ZoneId> zone = cap.text("zone", true).flatMap(text -> problems.attempt(cap.path("zone"),
                        () -> StrategyReader.zone(text)));
                cap.rejectUnknown("field of a daily cap");
                if (limit.isPresent() && zone.isPresent()) {
                    problems.attempt(cap.path("limit"), () -> builder.dailyCap(limit.get(), zone.get()));
                }
            });
            owner.duration("wrapUp", false, true).ifPresent(builder::wrapUp);
            owner.rejectUnknown("field of an owner");
            if (problems.count() == before) {
                owners.add(builder.build());
            }
        });
    }

    private void schedule(Item item) {
        JsonFields.of(item, problems).ifPresent(schedule -> {
            Optional<String> id = schedule.text("id", true);
            id.ifPresent(value -> unique(schedulePaths, value, schedule.path("id"), "schedule"));
            ScheduleReader.read(schedule, problems)
                    .ifPresent(read -> id.ifPresent(value -> schedules.putIfAbsent(value, read)));
        });
    }

    /** The schedule an owner or a rule names; empty, with a problem, for an unknown one. */
    private Optional<WeeklySchedule> scheduleNamed(String id, String path) {
        if (!schedulePaths.containsKey(id)) {
            problems.add(path, "unknown schedule '" + id + "'; schedules: " + schedulePaths.keySet());
        }
        return Optional.ofNullable(schedules.get(id));
    }

    private void responses(JsonFields responses) {
        responses.object("deadlines", true).ifPresent(deadlines -> {
            for (Map.Entry<String, Item> entry : deadlines.entries()) {
                Optional<Priority> priority = Optional.empty();
                for (Priority candidate : Priority.values()) {
                    if (candidate.name().toLowerCase(Locale.ROOT).equals(entry.getKey())) {
                        priority = Optional.of(candidate);
                    }
                }
                if (priority.isEmpty()) {
                    problems.add(entry.getValue().path(), "unknown priority; expected low, normal, high or urgent");
                } else {
                    Priority key = priority.get();
                    deadlines.duration(entry.getKey(), true, false).ifPresent(deadline ->
                            responseDeadlines.put(key, deadline));
                }
            }
        });
        responses.integer("maxBounces").ifPresent(value -> {
            if (value < 0) {
                problems.add(responses.path("maxBounces"), "must not be negative, was " + value);
            }
            maxBounces = value;
        });
        reviewQueue = responses.text("reviewQueue", true);
        reviewQueue.filter(queue -> !queuePaths.containsKey(queue)).ifPresent(queue -> problems.add(
                responses.path("reviewQueue"), "unknown queue '" + queue + "'; declared queues: "
                        + queuePaths.keySet()));
        responses.rejectUnknown("field of responses");
    }

    private void team(Item item) {
        JsonFields.of(item, problems).ifPresent(team -> {
            Optional<String> id = team.text("id", true);
            id.ifPresent(value -> unique(teamPaths, value, team.path("id"), "team"));
            List<String> members = new ArrayList<>();
            team.item("members", true).ifPresent(listed -> {
                List<Item> elements = JsonFields.elements(listed, problems);
                if (listed.node().isArray() && elements.isEmpty()) {
                    problems.add(listed.path(), "must name at least one owner");
                }
                for (Item member : elements) {
                    JsonFields.text(member, problems).ifPresent(ownerId -> {
                        if (!ownerPaths.containsKey(ownerId)) {
                            problems.add(member.path(), "unknown owner '" + ownerId + "'; owners: "
                                    + ownerPaths.keySet());
                        } else if (members.contains(ownerId)) {
                            problems.add(member.path(), "owner '" + ownerId + "' is listed twice");
                        } else {
                            members.add(ownerId);
                        }
                    });
                }
            });
            team.rejectUnknown("field of a team");
            id.ifPresent(value -> teams.putIfAbsent(value, members));
        });
    }

    private void queue(Item item) {
        JsonFields.of(item, problems).ifPresent(queue -> {
            Optional<String> id = queue.text("id", true);
            id.ifPresent(value -> unique(queuePaths, value, queue.path("id"), "queue"));
            Optional<Duration> sla = queue.duration("sla", true, false);
            queue.rejectUnknown("field of a queue");
            if (id.isPresent() && sla.isPresent()) {
                problems.attempt(queue.path(), () -> new QueueSpec(id.get(), sla.get())).ifPresent(queues::add);
            }
        });
    }

    private void identity(JsonFields identity) {
        for (Item key : identity.texts("linkBy")) {
            Optional<IdentityKey> match = Optional.empty();
            for (IdentityKey candidate : IdentityKey.values()) {
                if (candidate.attribute().equals(key.node().textValue())) {
                    match = Optional.of(candidate);
                }
            }
            match.ifPresentOrElse(linkBy::add, () -> problems.add(key.path(), "must be \"email\" or \"phone\", was '"
                    + key.node().textValue() + "'"));
        }
        identity.bool("oneConversationPerCustomer").ifPresent(value -> oneConversationPerCustomer = value);
        identity.rejectUnknown("field of identity");
    }

    private void classification(JsonFields classification) {
        int before = problems.count();
        minConfidence = classification.number("minConfidence", false).filter(value -> {
            boolean inRange = value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
            if (!inRange) {
                problems.add(classification.path("minConfidence"), "must be between 0 and 1, was " + value);
            }
            return inRange;
        });
        List<KeywordClassifier.Type> keywordTypes = new ArrayList<>();
        for (Item item : classification.array("types", false)) {
            JsonFields.of(item, problems).ifPresent(type -> typeOf(type).ifPresent(keywordTypes::add));
        }
        classification.rejectUnknown("field of classification");
        if (problems.count() == before && !keywordTypes.isEmpty()) {
            classifier = Optional.of(new KeywordClassifier(keywordTypes));
        }
    }

    private Optional<KeywordClassifier.Type> typeOf(JsonFields type) {
        int before = problems.count();
        Optional<String> name = type.text("type", true).map(text -> text.trim().toLowerCase(Locale.ROOT));
        name.filter(value -> !types.add(value)).ifPresent(value -> problems.add(type.path("type"),
                "type '" + value + "' is described twice"));
        List<String> keywords = new ArrayList<>();
        for (Item keyword : type.texts("keywords")) {
            keywords.add(keyword.node().textValue().trim().toLowerCase(Locale.ROOT));
        }
        List<Pattern> patterns = new ArrayList<>();
        for (Item pattern : type.texts("patterns")) {
            try {
                patterns.add(Pattern.compile(pattern.node().textValue(),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException invalid) {
                problems.add(pattern.path(), "must be a regular expression: " + invalid.getDescription()
                        + " near index " + invalid.getIndex());
            }
        }
        if (!type.has("keywords") && !type.has("patterns")) {
            problems.add(type.path(), "needs keywords or patterns that point to the type");
        }
        type.rejectUnknown("field of a classification type");
        return name.isPresent() && problems.count() == before
                ? Optional.of(KeywordClassifier.Type.of(name.get(), keywords, patterns)) : Optional.empty();
    }

    // ------------------------------------------------------------------------------------------- rules

    private void rule(Item item, boolean last) {
        JsonFields.of(item, problems).ifPresent(rule -> {
            int before = problems.count();
            Optional<String> id = rule.text("id", true);
            id.ifPresent(value -> {
                if (value.equals(LOW_CONFIDENCE_RULE)) {
                    problems.add(rule.path("id"), "'" + LOW_CONFIDENCE_RULE + "' is the name of the rule that"
                            + " classification.minConfidence adds; choose another");
                } else {
                    unique(rulePaths, value, rule.path("id"), "rule");
                }
            });
            Optional<JsonFields> when = rule.object("when", false);
            List<Condition> conditions = when.map(this::conditions).orElse(List.of());
            boolean catchesAll = !rule.has("when") || when.map(fields -> fields.entries().isEmpty()).orElse(false);
            String note = rule.text("note", false).orElse("");
            Optional<JsonFields> then = rule.object("then", true);
            Rule.Builder builder = Rule.builder(id.orElse("?")).when(conditions.toArray(Condition[]::new)).note(note);
            Optional<WeeklySchedule> hours = rule.text("hours", false)
                    .flatMap(name -> scheduleNamed(name, rule.path("hours")));
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
        then.text("queue", true).ifPresent(queue -> {
            if (!queuePaths.containsKey(queue)) {
                problems.add(then.path("queue"), "unknown queue '" + queue + "'; declared queues: "
                        + queuePaths.keySet());
            }
            builder.queue(queue);
        });
        Optional<String> team = then.text("team", false);
        Optional<String> owner = then.text("owner", false);
        if (team.isPresent() && owner.isPresent()) {
            problems.add(then.path(), "names a team and an owner; a rule sends to one of them");
        }
        team.ifPresent(id -> {
            if (!teamPaths.containsKey(id)) {
                problems.add(then.path("team"), "unknown team '" + id + "'; teams: " + teamPaths.keySet());
            }
            builder.owners(teams.getOrDefault(id, List.of()));
        });
        owner.ifPresent(id -> {
            if (!ownerPaths.containsKey(id)) {
                problems.add(then.path("owner"), "unknown owner '" + id + "'; owners: " + ownerPaths.keySet());
            }
            builder.owners(id);
        });
        List<Item> steps = then.array("chain", false);
        for (Item step : steps) {
            JsonFields.of(step, problems).flatMap(entry -> StrategyReader.read(entry, queuePaths.keySet(),
                    ownerPaths.keySet(), problems))
                    .ifPresent(builder::chain);
        }
        if ((team.isPresent() || owner.isPresent()) && steps.isEmpty()) {
            problems.add(then.path("chain"), "is needed to choose among the rule's " + (team.isPresent() ? "team"
                    : "owner") + ": for example [{\"type\": \"round-robin\"}]");
        }
        then.rejectUnknown("field of a rule's 'then'");
        return team.isPresent() || owner.isPresent() || then.has("chain");
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
        if (!field.equals("type") || types.isEmpty() || types.contains(type)
                || type.equals(KeywordClassifier.UNKNOWN)) {
            return true;
        }
        problems.add(path, "unknown type '" + value + "'; the classification's types are " + types + " (and "
                + KeywordClassifier.UNKNOWN + ")");
        return false;
    }

    /** The rules, after the rule that sends conversations classified below the minimum confidence to review. */
    private List<Rule> withLowConfidenceRule(List<Rule> documentRules) {
        if (minConfidence.isEmpty()) {
            return documentRules;
        }
        List<Rule> all = new ArrayList<>();
        all.add(Rule.builder(LOW_CONFIDENCE_RULE)
                .when(new Condition.Compare(Classification.CONFIDENCE, Condition.Comparison.LT, minConfidence.get()))
                .queue(documentRules.get(documentRules.size() - 1).queue())
                .build());
        all.addAll(documentRules);
        return all;
    }

    private void unique(Map<String, String> paths, String id, String path, String what) {
        String first = paths.putIfAbsent(id, path);
        if (first != null) {
            problems.add(path, "duplicate " + what + " id '" + id + "' (first at " + first + ")");
        }
    }
}
