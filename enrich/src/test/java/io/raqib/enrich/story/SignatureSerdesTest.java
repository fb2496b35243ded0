package io.raqib.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.json.RaqibJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class SignatureSerdesTest {

    private final Serde<SeenArticle> serde = SignatureSerdes.seenArticle();

    @Property
    void seenArticlesRoundTrip(@ForAll String id, @ForAll String storyId, @ForAll @Size(max = 300) int[] shingles,
                               @ForAll @Size(max = 300) int[] words) {
        SeenArticle article = new SeenArticle(id, storyId, new StorySignature(shingles, words));

        SeenArticle back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", article));

        assertThat(back.id()).isEqualTo(id);
        assertThat(back.storyId()).isEqualTo(storyId);
        assertThat(back.signature().shingles()).containsExactly(shingles);
        assertThat(back.signature().words()).containsExactly(words);
    }

    @Test
    void aNullStoryIdSurvives() {
        SeenArticle article = new SeenArticle("a1", null, new StorySignature(new int[] {1}, new int[0]));

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", article)).storyId()).isNull();
    }

    @Test
    void articlesAnEarlierVersionStoredAsJsonAreStillRead() {
        SeenArticle article = new SeenArticle("a1", "s1", new StorySignature(new int[] {3, -4}, new int[] {5}));
        byte[] json = RaqibJson.write(article).getBytes(StandardCharsets.UTF_8);

        SeenArticle back = serde.deserializer().deserialize("t", json);

        assertThat(back.storyId()).isEqualTo("s1");
        assertThat(back.signature().shingles()).containsExactly(3, -4);
    }

    @Test
    void truncatedOrLyingRecordsAreRefusedWithoutHugeArrays() {
        byte[] whole = serde.serializer().serialize("t", new SeenArticle("a1", "s1",
                new StorySignature(new int[] {1, 2, 3}, new int[] {4})));
        byte[] lying = ByteBuffer.allocate(9).put((byte) 1).putInt(Integer.MAX_VALUE).putInt(0).array();

        assertThatThrownBy(() -> serde.deserializer().deserialize("story-articles-changelog",
                Arrays.copyOf(whole, whole.length - 2)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("story-articles-changelog");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", lying))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void theShingleCountTravelsAndVersionOneRecordsReadWithAnUnknownCount() {
        SeenArticle article = new SeenArticle("a1", "s1", new StorySignature(new int[] {7, 8}, new int[] {9}, 42));
        ByteBuffer v1 = ByteBuffer.allocate(64).put((byte) 1).putInt(2).put("a1".getBytes(StandardCharsets.UTF_8))
                .putInt(2).put("s1".getBytes(StandardCharsets.UTF_8)).putInt(2).putInt(7).putInt(8).putInt(1)
                .putInt(9);
        byte[] v1Record = Arrays.copyOf(v1.array(), v1.position());

        SeenArticle back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", article));
        SeenArticle old = serde.deserializer().deserialize("t", v1Record);

        assertThat(back.signature().shingleCount()).isEqualTo(42);
        assertThat(old.storyId()).isEqualTo("s1");
        assertThat(old.signature().shingles()).containsExactly(7, 8);
        assertThat(old.signature().words()).containsExactly(9);
        assertThat(old.signature().shingleCount()).isZero();
    }
}
