package io.raqib.sink.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Highlight;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An alert as a Slack incoming-webhook message: {@code text} (what notifications show) and blocks — the watch's
 * name, the article's title linked to its URL, its source and language, and the first highlight's fragment. Text
 * from articles is escaped for Slack's mrkdwn ({@code & < >}), so an article cannot inject links or mentions.
 */
final class SlackMessage {

    /** The media type Slack expects. */
    static final String CONTENT_TYPE = "application/json; charset=UTF-8";
    /** Longest fragment quoted: enough context, far below Slack's 3,000 characters per text block. */
    static final int MAX_FRAGMENT_CHARS = 500;
    /** Longest title shown, keeping the first block under Slack's limit whatever the watch's name. */
    static final int MAX_TITLE_CHARS = 1_500;

    private SlackMessage() {
    }

    /** The message's JSON for an alert's {@code data}. */
    static byte[] of(AlertData data) {
        String watch = firstNonBlank(data.watchName(), data.watchId());
        String title = cut(firstNonBlank(data.title(), data.url(), data.articleId()), MAX_TITLE_CHARS);
        ObjectNode message = RaqibJson.mapper().createObjectNode();
        message.put("text", escape(watch) + ": " + escape(title));
        ArrayNode blocks = message.putArray("blocks");
        mrkdwn(blocks.addObject().put("type", "section").putObject("text"),
                "*" + escape(watch) + "*\n" + link(data.url(), title));
        String about = Stream.of(data.source(), data.language()).filter(s -> s != null && !s.isBlank())
                .map(SlackMessage::escape).collect(Collectors.joining(" · "));
        if (!about.isEmpty()) {
            mrkdwn(blocks.addObject().put("type", "context").putArray("elements").addObject(), about);
        }
        Stream.ofNullable(data.highlights()).flatMap(List::stream).map(Highlight::fragment).filter(f -> f != null && !f.isBlank()).findFirst()
                .ifPresent(fragment -> mrkdwn(blocks.addObject().put("type", "section").putObject("text"),
                        "> " + escape(cut(fragment.replaceAll("\\s+", " ").strip(), MAX_FRAGMENT_CHARS))));
        try {
            return RaqibJson.mapper().writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mrkdwn(ObjectNode text, String value) {
        text.put("type", "mrkdwn").put("text", value);
    }

    /** {@code <url|title>}; the title alone without a URL. Slack ends the URL at {@code |} or {@code >}. */
    private static String link(String url, String title) {
        if (url == null || url.isBlank()) {
            return escape(title);
        }
        String safeUrl = url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C").replace(" ", "%20");
        return "<" + safeUrl + "|" + escape(title).replace("|", "¦") + ">";
    }

    /** Slack's three control characters in mrkdwn. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        // never half a surrogate pair: Slack would show a replacement character
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + "…";
    }

    private static String firstNonBlank(String... values) {
        return Stream.of(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
    }
}
