package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.ingest.poll.FeedList;
import io.raqib.ingest.poll.FeedSource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code raqib feeds add|list|rm} editing a feed list file, and {@code raqib import} refusing a bad column map. */
class FeedsCommandTest {

    @TempDir
    Path dir;

    @Test
    void addListAndRemoveEditTheFeedList() throws Exception {
        Path file = dir.resolve("feeds.yaml");

        assertThat(RaqibCli.run("feeds", "add", "--file", file.toString(), "https://a.example/rss", "--source", "a",
                "--language", "ar", "--interval", "PT5M")).isZero();
        assertThat(RaqibCli.run("feeds", "--file", file.toString(), "add", "https://b.example/atom")).isZero();
        assertThat(RaqibCli.run("feeds", "list", "--file", file.toString())).isZero();
        assertThat(new FeedList(file).read()).containsExactly(
                new FeedSource("https://a.example/rss", "a", "ar", Duration.ofMinutes(5)),
                new FeedSource("https://b.example/atom", "b.example", null, null));

        assertThat(RaqibCli.run("feeds", "rm", "--file", file.toString(), "a")).isZero();
        assertThat(RaqibCli.run("feeds", "rm", "--file", file.toString(), "nope")).isEqualTo(1);
        assertThat(new FeedList(file).read()).extracting(FeedSource::source).containsExactly("b.example");
    }

    @Test
    void nonHttpFeedIsRefusedWithAReason() {
        assertThat(RaqibCli.run("feeds", "add", "--file", dir.resolve("f.json").toString(), "ftp://x.example/"))
                .isEqualTo(1);
    }

    @Test
    void importRefusesAnUnknownFieldInTheColumnMapBeforeTouchingKafka() {
        assertThat(RaqibCli.run("import", "--bootstrap-servers", "127.0.0.1:1", "--map", "text=bodyy",
                dir.toString())).isEqualTo(1);
    }
}
