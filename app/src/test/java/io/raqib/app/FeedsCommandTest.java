package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.ingest.poll.FeedList;
import io.raqib.ingest.poll.FeedSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code raqib feeds add|list|rm} editing a feed list file (refusing non-public feed addresses), and
 * {@code raqib import} refusing a bad column map.
 */
class FeedsCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

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
    void aFeedAtALoopbackOrPrivateAddressIsRefusedWithTheSettingThatWouldAllowIt() throws Exception {
        Path file = dir.resolve("feeds.yaml");

        int loopback = RaqibCli.run("feeds", "add", "--file", file.toString(), "http://127.0.0.1:8080/rss");
        int privateAddress = RaqibCli.run("feeds", "add", "--file", file.toString(), "http://10.0.0.5/feed");
        int metadata = RaqibCli.run("feeds", "add", "--file", file.toString(), "http://169.254.169.254/latest/");
        int byName = RaqibCli.run("feeds", "add", "--file", file.toString(), "http://localhost/rss");

        assertThat(List.of(loopback, privateAddress, metadata, byName)).containsOnly(1);
        assertThat(console.err()).contains("raqib feeds: http://10.0.0.5/feed refused: address 10.0.0.5 is private; "
                + "allow it in raqib.feed.allow").contains("169.254.169.254 is link-local")
                .contains("(localhost) is loopback");
        assertThat(new FeedList(file).read()).isEmpty();
    }

    @Test
    void importRefusesAnUnknownFieldInTheColumnMapBeforeTouchingKafka() {
        assertThat(RaqibCli.run("import", "--bootstrap-servers", "127.0.0.1:1", "--map", "text=bodyy",
                dir.toString())).isEqualTo(1);
    }
}
