package io.raqib.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One strict form for webhook URLs: what is stored is what the allow-list saw and what the client posts to. */
class WebhookUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTPS://Hooks.Example.ORG:443/raqib/levant?x=1 | https://hooks.example.org/raqib/levant?x=1",
            "http://chat.internal:8065                      | http://chat.internal:8065/",
            "http://127.0.0.1:80/hooks/a                    | http://127.0.0.1/hooks/a",
            "http://127.0.0.1:0080/hooks/a                  | http://127.0.0.1/hooks/a",
            "https://Bücher.example/hooks/                  | https://xn--bcher-kva.example/hooks/",
            "https://h.example/hooks/%7euser/%41b?q=%2f%7e  | https://h.example/hooks/~user/Ab?q=%2F~",
            "https://h.example/hooks/مكتب                   | https://h.example/hooks/%D9%85%D9%83%D8%AA%D8%A8",
            "http://[::1]:8080/x                            | http://[::1]:8080/x",
            "https://h.example/x?                           | https://h.example/x",
            "https://h.example?a=b                          | https://h.example/?a=b",
            "https://h.example/a%3bb/c%20d                  | https://h.example/a%3Bb/c%20d",
    })
    void isStoredInOneNormalForm(String given, String stored) {
        WebhookUrl url = WebhookUrl.parse(given);

        assertThat(url.toString()).isEqualTo(stored);
        assertThat(WebhookUrl.parse(stored)).as("normal form is stable").isEqualTo(url);
        assertThat(url.toUri().toString()).isEqualTo(stored);
    }

    @Test
    void spacesControlAndInvisibleCharactersAreRefusedNotStripped() {
        Map<String, String> refused = Map.of(
                "https://h.example/hooks/x ", "(U+0020) at index 25",
                " https://h.example/hooks/x", "(U+0020) at index 0",
                "https://h.example/hooks/\tx", "(U+0009)",
                "https://h.example/hooks/x\n", "(U+000A)",
                "https://h.example/hooks/\u00a0x", "(U+00A0)",
                "https://h.example/hooks/\u200bx", "(U+200B)",
                "https://h.example/hooks/\u202ex", "(U+202E)",
                "https://h.exa\u0000mple/hooks/", "(U+0000)",
                "https://h.example/hooks/\ud800x", "(U+D800)",
                "", "is empty");
        refused.forEach((given, reason) -> assertThatThrownBy(() -> WebhookUrl.parse(given)).as(given)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://h.example/hooks%2F..%2Fx      | encoded '/' in the path",
            "https://h.example/hooks/%2e%2e/x      | encoded '.' in the path",
            "https://h.example/hooks/%2E/x         | encoded '.' in the path",
            "https://h.example/hooks%5c..%5cx      | encoded '\\' in the path",
            "https://h.example/hooks/%252e%252e/x  | encoded '%' in the path",
            "https://h.example/hooks/%00           | encoded control character",
            "https://h.example/hooks?x=%0a         | encoded control character in the query",
            "https://h.example/hooks/..;/x         | path parameter (;)",
            "https://h.example/hooks/x;jsessionid=1| path parameter (;)",
            "https://h.example/hooks/../x          | a '.' or '..' path segment",
            "https://h.example/hooks/./x           | a '.' or '..' path segment",
            "https://h.example/hooks/..            | a '.' or '..' path segment",
            "https://h.example/hooks\\..\\x        | backslash",
            "https://h.example/hooks//x            | empty path segment",
            "https://h.example//hooks/x            | empty path segment",
            "https://h.example/hooks/x#top         | fragment",
            "https://user:pw@h.example/hooks/x     | credentials",
            "https://user@h.example/hooks/x        | credentials",
            "ftp://h.example/hooks/                | absolute http(s) URL",
            "//h.example/hooks/                    | absolute http(s) URL",
            "h.example/hooks/                      | absolute http(s) URL",
            "http:/h.example/hooks/                | absolute http(s) URL",
            "file:///etc/passwd                    | absolute http(s) URL",
            "https:///hooks/                       | has no host",
            "https://:443/hooks/                   | has no host",
            "https://h_x.example/                  | invalid host name",
            "https://a..b/                         | invalid host name",
            "https://[::1/hooks                    | invalid IPv6 address",
            "https://h.example:0/                  | invalid port",
            "https://h.example:65536/              | invalid port",
            "https://h.example:x/                  | invalid port",
            "https://h.example:/                   | invalid port",
            "https://h.example/a%zz                | does not start an escape",
            "https://h.example/a%4                 | does not start an escape",
            "https://h.example/a^b                 | has '^' in the path",
            "https://h.example/a?b=<c>             | '<' in the query",
    })
    void isRefusedWithTheReason(String given, String reason) {
        assertThatThrownBy(() -> WebhookUrl.parse(given))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://h.example/hooks/x    | https://h.example/hooks/  | true",
            "https://h.example/hooks/     | https://h.example/hooks/  | true",
            "https://h.example/hooks      | https://h.example/hooks/  | false",
            "https://h.example/hooksevil  | https://h.example/hooks   | false",
            "https://h.example/hooks      | https://h.example/hooks   | true",
            "https://h.example/hooks/x    | https://h.example/hooks   | true",
            "https://h.example/any/thing  | https://h.example         | true",
            "https://h.example/Hooks/x    | https://h.example/hooks/  | false",
            "http://h.example/hooks/x     | https://h.example/hooks/  | false",
            "https://h.example:8443/hooks/| https://h.example/hooks/  | false",
            "https://h.example.evil/hooks/| https://h.example/hooks/  | false",
            "https://h.example/%68ooks/x  | https://h.example/hooks/  | true",
    })
    void aPrefixCoversWholePathSegmentsOfTheSameTarget(String url, String prefix, boolean under) {
        assertThat(WebhookUrl.parse(url).isUnder(WebhookUrl.parse(prefix))).isEqualTo(under);
    }

    @Property(tries = 2000)
    void whatParsesIsStableAndReadTheSameWayByTheHttpClient(@ForAll("urlish") String text) {
        WebhookUrl url;
        try {
            url = WebhookUrl.parse(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        URI uri = url.toUri();
        assertThat(WebhookUrl.parse(url.toString())).isEqualTo(url);
        assertThat(uri.getHost()).isEqualTo(url.host());
        assertThat(uri.getRawPath()).isEqualTo(url.path()).doesNotContain("/../", "/./", "//", "%2F", "%2E", ";");
        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.getRawUserInfo()).isNull();
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> tail = Arbitraries.strings().withChars("/.;%2eEfF5cC0aA?#@:\\ é~-_")
                .withCharRange('a', 'c').ofMaxLength(20);
        Arbitrary<String> start = Arbitraries.of("https://h.example", "http://H.example:80", "https://h.example:8443",
                "http://[::1]", "https://bü.example", "http://u@h.example", "HTTP://h.example");
        return start.flatMap(s -> tail.map(t -> s + t));
    }
}
