package io.raqib.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {

    @TempDir
    Path dir;

    @Test
    void yamlListIsAddedListedAndRemoved() throws Exception {
        FeedList list = new FeedList(dir.resolve("feeds.yaml"));

        list.add(new FeedSource("https://a.example/rss", "a", "ar", Duration.ofMinutes(5)));
        list.add(new FeedSource("https://b.example/atom", null, null, null));
        list.add(new FeedSource("https://a.example/rss", "a2", "en", null));

        assertThat(Files.readString(dir.resolve("feeds.yaml"))).contains("url: \"https://b.example/atom\"")
                .contains("interval: \"PT15M\"");
        assertThat(list.read()).extracting(FeedSource::source).containsExactly("b.example", "a2");
        assertThat(list.remove("b.example")).isEqualTo(1);
        assertThat(list.remove("https://a.example/rss")).isEqualTo(1);
        assertThat(list.read()).isEmpty();
    }

    @Test
    void handWrittenJsonListIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("feeds.json"), """
                [{"url": "https://c.example/feed.json", "source": "c", "language": "en", "interval": "PT1M"}]
                """);

        assertThat(new FeedList(file).read()).singleElement()
                .isEqualTo(new FeedSource("https://c.example/feed.json", "c", "en", Duration.ofMinutes(1)));
    }

    @Test
    void nonHttpUrlsAndTinyIntervalsAreRefused() {
        assertThatThrownBy(() -> new FeedSource("file:///etc/passwd", "x", null, null))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> new FeedSource("https://x.example/", "x", null, Duration.ofSeconds(1)))
                .hasMessageContaining("under 10 seconds");
    }
}
