package dev.switchboard.routing.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The classifier looks in the metadata field by field in name order: a pattern's evidence quotes the first text it
 * matches, so a map iterated in its own order (a {@code Map.of}'s changes from one JVM to the next) would quote
 * another field's.
 */
class KeywordClassifierMetadataOrderTest {

    @Test
    void aPatternFoundInSeveralMetadataFields_quotesTheFirstFieldByName() {
        KeywordClassifier classifier = new KeywordClassifier(List.of(KeywordClassifier.Type.of("orders", List.of(),
                List.of(KeywordClassifier.Type.pattern("order #\\d+")))));

        Classification classification = classifier.classify("Where is my parcel?", Map.of("subject", "order #6",
                "form", "order #5", "reference", "order #4", "account", "order #1", "channel", "order #2",
                "page", "order #3"));

        assertThat(classification.evidence()).containsExactly("pattern 'order #\\d+' ('order #1')");
    }
}
