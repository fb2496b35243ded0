package io.raqib.sink.watches;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.Articles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target (Jazzer) for watch validation: whatever query, weighted terms, languages and attributes a client
 * sends, {@link WatchQueryParser#compile} either refuses the watch with an {@link InvalidWatchException} naming
 * the field, or accepts one that registers and matches like any other. Nothing else may come out: a watch is
 * stored on raqib.watches and read by every sink instance, so one that throws anything else stops them all.
 * {@code mvn verify} replays the inputs in {@code WatchQueryFuzzTestInputs/compile}.
 */
class WatchQueryFuzzTest {

    private static final int MAX_QUERY_CHARS = 2000;
    private static final EnrichedArticle ARTICLE = Articles.of("a1", "ar",
            "Wheat prices: drought hits the Levant",
            "قالت الوزارة إن الإرهـ.ـاب ومكافحة الجفاف في سوريا أولوية. Wheat flour (3.5%) rose; U.S. aid arrives.");

    private final WatchQueryParser parser = new WatchQueryParser(WatchLimits.defaults());
    private final WatchRegistry registry = new WatchRegistry();

    @DictionaryEntries({"AND", "OR", "NOT", "TO", "&&", "||", "title:", "text:", "entity:", "topic:", "lang:",
            "source:", "\"", "~2", "^3", "*", "?", "(", ")", "[", "]", "{", "}", "/", "\\", "ـ.ـ", "ال", "wheat"})
    @FuzzTest
    void compile(FuzzedDataProvider data) {
        Watch watch = watch(data);

        CompiledWatch compiled;
        try {
            compiled = parser.compile(watch);
        } catch (InvalidWatchException refused) {
            assertThat(refused.field()).as("field of: %s", refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(compiled.monitorQuery()).isNotNull();
        registry.put(watch);
        registry.match(ARTICLE);
        registry.remove(watch.id());
    }

    private static Watch watch(FuzzedDataProvider data) {
        String id = data.consumeBoolean() ? "w1" : data.consumeString(40);
        String desk = data.consumeBoolean() ? null : data.consumeString(20);
        Duration throttle = data.consumeBoolean() ? null : Duration.ofMillis(data.consumeLong());
        List<String> languages = strings(data, 3, 8);
        List<Watch.Term> terms = new ArrayList<>();
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
            terms.add(new Watch.Term(data.consumeString(60), data.consumeDouble()));
        }
        Double threshold = data.consumeBoolean() ? null : data.consumeDouble();
        List<String> required = strings(data, 2, 60);
        List<String> excluded = strings(data, 2, 60);
        String query = data.consumeBoolean() ? null : data.consumeString(MAX_QUERY_CHARS);
        return new Watch(id, "fuzzed", query, null, desk, languages, throttle, null, terms, threshold, required,
                excluded);
    }

    private static List<String> strings(FuzzedDataProvider data, int maxCount, int maxChars) {
        List<String> strings = new ArrayList<>();
        for (int i = data.consumeInt(0, maxCount); i > 0; i--) {
            strings.add(data.consumeString(maxChars));
        }
        return strings;
    }
}
