package io.raqib.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    private final FeedParser parser = new FeedParser(1 << 20);

    @TempDir
    Path dir;

    @Test
    void rss2EntryIsMappedWithAuthorCategoriesDateGuidLanguageAndCleanText() throws Exception {
        FeedDocument feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>Levant Desk</title><link>https://news.example.org/</link><language>ar</language>
                    <item>
                      <title>Council meets &amp; votes</title>
                      <link>/2025/05/council?utm_source=rss</link>
                      <guid isPermaLink="false">story-42</guid>
                      <dc:creator>Layla Haddad</dc:creator>
                      <category>Politics</category><category>UN</category>
                      <pubDate>Wed, 28 May 2025 10:00:00 GMT</pubDate>
                      <description><![CDATA[<p>First paragraph.</p><script>alert(1)</script><p>Second <b>one</b>.</p>]]></description>
                    </item>
                  </channel>
                </rss>
                """);

        assertThat(feed.title().plain()).isEqualTo("Levant Desk");
        FeedEntry e = feed.entries().get(0);
        assertThat(e.title().plain()).isEqualTo("Council meets & votes");
        assertThat(e.link()).isEqualTo("https://news.example.org/2025/05/council?utm_source=rss");
        assertThat(e.guid()).isEqualTo("story-42");
        assertThat(e.author()).isEqualTo("Layla Haddad");
        assertThat(e.categories()).containsExactly("Politics", "UN");
        assertThat(e.published()).isEqualTo(Instant.parse("2025-05-28T10:00:00Z"));
        assertThat(e.language()).isEqualTo("ar");
        assertThat(e.text()).isEqualTo("First paragraph.\n\nSecond one.");
        assertThat(e.html()).contains("<p>First paragraph.</p>");
    }

    @Test
    void atom10EntryUsesContentUpdatedDateAndXhtmlTitle() throws Exception {
        FeedDocument feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
                  <title type="html">Example &lt;b&gt;Atom&lt;/b&gt;</title>
                  <link href="https://example.com/"/>
                  <entry>
                    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Big <i>news</i></div></title>
                    <link rel="alternate" href="https://example.com/a/1"/>
                    <id>tag:example.com,2025:1</id>
                    <updated>2025-01-02T03:04:05Z</updated>
                    <author><name>Sam</name></author>
                    <category term="economy"/>
                    <content type="html">&lt;p&gt;Prices rose.&lt;/p&gt;</content>
                  </entry>
                </feed>
                """);

        assertThat(feed.title().display()).isEqualTo("Example <b>Atom</b>");
        assertThat(feed.title().plain()).isEqualTo("Example Atom");
        FeedEntry e = feed.entries().get(0);
        assertThat(e.title().plain()).isEqualTo("Big news");
        assertThat(e.link()).isEqualTo("https://example.com/a/1");
        assertThat(e.published()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(e.author()).isEqualTo("Sam");
        assertThat(e.categories()).containsExactly("economy");
        assertThat(e.text()).isEqualTo("Prices rose.");
    }

    @Test
    void rdfRss10IsParsed() throws Exception {
        FeedDocument feed = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel rdf:about="https://example.com/"><title>RDF</title><link>https://example.com/</link>
                    <description>d</description></channel>
                  <item rdf:about="https://example.com/x"><title>Item one</title><link>https://example.com/x</link>
                    <description>Body one</description></item>
                </rdf:RDF>
                """);

        assertThat(feed.entries()).singleElement().satisfies(e -> {
            assertThat(e.title().plain()).isEqualTo("Item one");
            assertThat(e.text()).isEqualTo("Body one");
        });
    }

    @Test
    void jsonFeedItemsAreMapped() throws Exception {
        FeedDocument feed = parse("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "JF", "language": "en",
                 "home_page_url": "https://jf.example/",
                 "items": [{"id": "1", "url": "/posts/1", "title": "Hello", "content_html": "<p>Hi <b>there</b></p>",
                            "date_published": "2025-02-03T04:05:06+03:00", "authors": [{"name": "Ann"}],
                            "tags": ["a", "b"]}]}
                """);

        assertThat(feed.format()).isEqualTo("json1.1");
        FeedEntry e = feed.entries().get(0);
        assertThat(e.link()).isEqualTo("https://jf.example/posts/1");
        assertThat(e.text()).isEqualTo("Hi there");
        assertThat(e.published()).isEqualTo(Instant.parse("2025-02-03T01:05:06Z"));
        assertThat(e.author()).isEqualTo("Ann");
        assertThat(e.categories()).containsExactly("a", "b");
        assertThat(e.language()).isEqualTo("en");
    }

    @Test
    void xxeFeedIsRefusedAndTheFileItNamesIsNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>&xxe;</title>
                <item><title>t</title><description>&xxe;</description></item></channel></rss>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(FeedException.class)
                .hasMessageContaining("declares entities").hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void externalEntityAndExternalDtdUrlsAreNeverFetched() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("<!ENTITY x 'pwned'>"));
            server.start();
            String entity = """
                    <!DOCTYPE rss [<!ENTITY %% remote SYSTEM "%s"> %%remote;]>
                    <rss version="2.0"><channel><title>x</title></channel></rss>
                    """.formatted(server.url("/evil.dtd"));
            String externalDtd = """
                    <!DOCTYPE rss SYSTEM "%s">
                    <rss version="2.0"><channel><title>Kept</title></channel></rss>
                    """.formatted(server.url("/rss.dtd"));

            assertThatThrownBy(() -> parse(entity)).isInstanceOf(FeedException.class);
            assertThat(parse(externalDtd).title().plain()).as("DOCTYPE removed unread").isEqualTo("Kept");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void romeAloneAlsoRefusesADoctypeShouldTheGuardMissOne() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String xxe = """
                    <!DOCTYPE rss [<!ENTITY x SYSTEM "%s">]>
                    <rss version="2.0"><channel><title>&x;</title></channel></rss>
                    """.formatted(server.url("/secret"));

            assertThatThrownBy(() -> RomeFeedParser.parse(xxe, null)).isInstanceOf(FeedException.class);
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        String lol = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
                """;

        assertThatThrownBy(() -> parse(lol)).isInstanceOf(FeedException.class)
                .hasMessageContaining("entity expansion");
    }

    @Test
    void htmlEntitiesThatXmlLacksAreUnderstood() throws Exception {
        assertThat(parse("<rss version=\"2.0\"><channel><title>a&nbsp;b &eacute; &bogus;</title></channel></rss>")
                .title().plain()).isEqualTo("a\u00a0b \u00e9 &bogus;");
    }

    @Test
    void feedInALegacyEncodingIsDecodedFromItsDeclaration() throws Exception {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>مرحبا</title></channel></rss>"
                .getBytes(Charset.forName("windows-1256"));

        assertThat(parser.parse(bytes, null, null).title().plain()).isEqualTo("مرحبا");
    }

    @Test
    void oversizedFeedIsRefused() {
        assertThatThrownBy(() -> new FeedParser(100).parse(new byte[101], null, null))
                .isInstanceOf(FeedException.class).hasMessageContaining("over the limit of 100");
    }

    @Test
    void jsonFeedNestedBeyondJacksonsLimitIsRefusedWithJacksonsReason() {
        String deep = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": " + "[".repeat(1001)
                + "]".repeat(1001) + "}";

        assertThatThrownBy(() -> parse(deep)).isInstanceOf(FeedException.class)
                .hasMessageStartingWith("invalid JSON").hasMessageContaining("nesting depth (1001)");
    }

    @Test
    void garbageNeverThrowsAnythingButAFeedException() {
        Random random = new Random(42);
        String[] seeds = {"<rss version=\"2.0\"><channel><item>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": ", "<?xml version=\"1.0\"?><!DOCTYPE", ""};
        for (int i = 0; i < 500; i++) {
            byte[] tail = new byte[random.nextInt(200)];
            random.nextBytes(tail);
            byte[] head = seeds[i % seeds.length].getBytes(StandardCharsets.UTF_8);
            byte[] input = new byte[head.length + tail.length];
            System.arraycopy(head, 0, input, 0, head.length);
            System.arraycopy(tail, 0, input, head.length, tail.length);
            try {
                parser.parse(input, null, null);
            } catch (FeedException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private FeedDocument parse(String xml) throws FeedException, IOException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
    }
}
