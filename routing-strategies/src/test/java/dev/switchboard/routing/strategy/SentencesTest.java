package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void aSentenceKept_isSaidAgainUnderItsKey_andUnderNoOther() {
        Sentences sentences = new Sentences();
        String kept = sentences.keep(42, "best skill match (score 42)");

        assertThat(sentences.get(42)).isSameAs(kept);
        assertThat(sentences.get(43)).isNull();
        assertThat(sentences.get(-42)).isNull();
    }

    /** Whatever keys share slots, a key answers its own latest sentence or nothing. */
    @Property(tries = 200)
    void neverAnswersAnotherKeysSentence(@ForAll @Size(max = 2_000) List<Long> keys) {
        Sentences sentences = new Sentences();
        Map<Long, String> said = new HashMap<>();
        for (long key : keys) {
            String sentence = "sentence " + key + " #" + said.size();
            sentences.keep(key, sentence);
            said.put(key, sentence);
        }
        for (long key : keys) {
            String answer = sentences.get(key);
            assertThat(answer).isIn(null, said.get(key));
        }
        if (!keys.isEmpty()) {
            long last = keys.get(keys.size() - 1);
            assertThat(sentences.get(last)).isEqualTo(said.get(last));
        }
    }
}
