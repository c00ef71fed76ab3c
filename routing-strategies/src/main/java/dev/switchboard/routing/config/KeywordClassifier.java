package dev.switchboard.routing.config;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier a configuration's {@code classification.types} describe: each type has keywords (words or phrases,
 * matched whole and case-insensitively) and regular-expression patterns, looked for in the text and in the metadata
 * values (such as an email subject), field by field in name order. The type with the most distinct keywords and
 * patterns found wins, the first declared on a tie. Its confidence is its count divided by the count of every type's
 * finds plus one, so one keyword alone gives 0.5, two give 0.67, and one each for two types gives 0.33: agreement
 * raises it, competition lowers it.
 * A message with no finds is of type {@code general}, with confidence 0.
 *
 * <p>Keywords and patterns come from a document, so they run on RE2/J, whose matching takes time linear in the text
 * whatever the pattern: a pattern such as {@code (.*a){20}$} cannot hang classification, as it can on a
 * backtracking engine.
 */
final class KeywordClassifier implements Classifier {

    /** The type a message with no finds gets, which is also a conversation's default type. */
    static final String UNKNOWN = "general";

    /**
     * A type and what points to it.
     *
     * @param keywords each keyword with its matcher: the keyword, not inside a longer word
     * @param patterns the patterns, compiled case-insensitively ({@link #pattern})
     */
    record Type(String type, Map<String, Pattern> keywords, List<Pattern> patterns) {

        static Type of(String type, List<String> keywords, List<Pattern> patterns) {
            Map<String, Pattern> matchers = new LinkedHashMap<>();
            for (String keyword : keywords) {
                matchers.put(keyword, Pattern.compile("(?:^|[^\\p{L}\\p{N}])" + Pattern.quote(keyword)
                        + "(?:[^\\p{L}\\p{N}]|$)", Pattern.CASE_INSENSITIVE));
            }
            return new Type(type, matchers, List.copyOf(patterns));
        }

        /**
         * A pattern as a type's patterns are compiled: case-insensitive, on RE2/J.
         *
         * @throws com.google.re2j.PatternSyntaxException when RE2/J cannot run it, such as a backreference or a
         *     lookaround, which need a backtracking engine
         */
        static Pattern pattern(String regex) {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        }

        /** What of this type is found in the text, for people. */
        List<String> evidenceIn(CharSequence text) {
            List<String> evidence = new ArrayList<>();
            keywords.forEach((keyword, matcher) -> {
                if (matcher.matcher(text).find()) {
                    evidence.add("keyword '" + keyword + "'");
                }
            });
            for (Pattern pattern : patterns) {
                Matcher found = pattern.matcher(text);
                if (found.find()) {
                    evidence.add("pattern '" + pattern.pattern() + "' ('" + found.group() + "')");
                }
            }
            return evidence;
        }
    }

    /** The metadata is looked in after the text, field by field in name order, whatever order its map iterates in. */
    private static final Comparator<Map.Entry<String, String>> METADATA_ORDER = Map.Entry.comparingByKey(
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final List<Type> types;

    KeywordClassifier(List<Type> types) {
        this.types = List.copyOf(types);
    }

    @Override
    public Classification classify(String text, Map<String, String> metadata) {
        if (text == null || metadata == null) {
            throw new IllegalArgumentException((text == null ? "text" : "metadata") + " must not be null");
        }
        StringBuilder haystack = new StringBuilder(text);
        metadata.entrySet().stream().sorted(METADATA_ORDER) // a pattern reports the first text it matches
                .forEach(field -> haystack.append('\n').append(field.getValue()));
        int total = 0;
        String best = UNKNOWN;
        List<String> bestEvidence = List.of();
        for (Type type : types) {
            List<String> evidence = type.evidenceIn(haystack);
            total += evidence.size();
            if (evidence.size() > bestEvidence.size()) {
                best = type.type();
                bestEvidence = evidence;
            }
        }
        return new Classification(best, total == 0 ? 0 : (double) bestEvidence.size() / (total + 1), bestEvidence);
    }
}
