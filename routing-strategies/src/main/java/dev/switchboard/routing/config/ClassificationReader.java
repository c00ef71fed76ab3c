package dev.switchboard.routing.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.switchboard.routing.config.JsonFields.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code classification} section: the minimum confidence below which conversations go to review, and the
 * types with the keywords and patterns of the {@link KeywordClassifier}.
 */
final class ClassificationReader {

    private final Problems problems;
    private final Set<String> types = new LinkedHashSet<>();
    private Optional<BigDecimal> minConfidence = Optional.empty();
    private Optional<Classifier> classifier = Optional.empty();

    ClassificationReader(Problems problems) {
        this.problems = problems;
    }

    /** The types the classification describes, lower-case; empty when it describes none. */
    Set<String> types() {
        return types;
    }

    Optional<BigDecimal> minConfidence() {
        return minConfidence;
    }

    Optional<Classifier> classifier() {
        return classifier;
    }

    void classification(JsonFields classification) {
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
            String regex = pattern.node().textValue();
            try {
                patterns.add(KeywordClassifier.Type.pattern(regex));
            } catch (PatternSyntaxException unusable) {
                problems.add(pattern.path(), "pattern '" + regex + "' of type '" + name.orElse("?") + "' is not a"
                        + " regular expression RE2/J can run (no backreferences or lookaround, so that matching takes"
                        + " linear time): " + unusable.getDescription());
            }
        }
        if (!type.has("keywords") && !type.has("patterns")) {
            problems.add(type.path(), "needs keywords or patterns that point to the type");
        }
        type.rejectUnknown("field of a classification type");
        return name.isPresent() && problems.count() == before
                ? Optional.of(KeywordClassifier.Type.of(name.get(), keywords, patterns)) : Optional.empty();
    }
}
