package io.raqib.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void blocksBecomeParagraphsAndBreaksBecomeLines() {
        assertThat(HtmlText.toText("<h1>Head</h1><p>One<br>two</p><ul><li>a</li><li>b</li></ul><div>tail</div>"))
                .isEqualTo("Head\n\nOne\ntwo\n\na\nb\n\ntail");
    }

    @Test
    void scriptsStylesAndEntitiesAreHandled() {
        assertThat(HtmlText.toText("<style>p{}</style><p>A &amp; B&nbsp;C</p><script>x()</script>"))
                .isEqualTo("A & B\u00a0C");
    }

    @Test
    void sanitizeDropsHandlersAndResolvesRelativeLinks() {
        assertThat(HtmlText.sanitize("<a href=\"/x\" onclick=\"evil()\">go</a><iframe src=\"//e\"></iframe>",
                "https://example.com/feed")).isEqualTo("<a href=\"https://example.com/x\">go</a>");
    }

    @Test
    void inlineStylesKeepOnlyPresentationalDeclarations() {
        assertThat(HtmlText.sanitize("<p style=\"color: red; position: absolute; background-image: url(http://t.example/x);"
                + " margin: 0 auto\">x</p><b style=\"left: 0\">y</b>", null))
                .isEqualTo("<p style=\"color: red; margin: 0 auto;\">x</p><b>y</b>");
    }

    @Test
    void aStyleWithScriptLikeSyntaxIsDroppedWhole() {
        assertThat(HtmlText.sanitize("<p style=\"color: red; width: expression(alert(1))\">x</p>", null))
                .isEqualTo("<p>x</p>");
    }
}
