package io.raqib.sink.digest;

import io.raqib.core.model.Digest;
import io.raqib.core.model.Digest.DigestArticle;
import io.raqib.core.model.Digest.DigestStory;
import io.raqib.core.model.Digest.DigestWatch;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A digest as an e-mail: subject, plain text and HTML. Each title is isolated in its own direction
 * ({@code dir="auto"}, and Unicode first-strong isolates in plain text), so an Arabic title in an English list,
 * or the reverse, keeps its order and does not scramble the counts beside it.
 */
record DigestMail(String subject, String text, String html) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final char ISOLATE = '\u2068';
    private static final char POP_ISOLATE = '\u2069';

    /** The mail of {@code digest}. */
    static DigestMail of(Digest digest) {
        String span = TIME.format(digest.from()) + "–" + TIME.format(digest.to()) + " UTC";
        String subject = "Raqib digest for " + digest.desk() + ", " + span + ": " + digest.alerts()
                + (digest.alerts() == 1 ? " alert" : " alerts");
        StringBuilder text = new StringBuilder(subject).append("\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html><body><h1>").append(escape(subject))
                .append("</h1>");
        for (DigestWatch watch : digest.watches()) {
            text.append(isolated(watch.watchName())).append(" (").append(watch.alerts()).append(")\n");
            html.append("<h2><bdi>").append(escape(watch.watchName())).append("</bdi> (").append(watch.alerts())
                    .append(")</h2><ul>");
            for (DigestStory story : watch.stories()) {
                appendStory(text, html, story);
            }
            if (watch.moreStories() > 0) {
                text.append("  … and ").append(watch.moreStories()).append(" more stories\n");
                html.append("<li>… and ").append(watch.moreStories()).append(" more stories</li>");
            }
            html.append("</ul>");
            text.append('\n');
        }
        if (digest.moreWatches() > 0) {
            text.append("… and ").append(digest.moreWatches()).append(" more watches\n");
            html.append("<p>… and ").append(digest.moreWatches()).append(" more watches</p>");
        }
        return new DigestMail(subject, text.toString(), html.append("</body></html>").toString());
    }

    private static void appendStory(StringBuilder text, StringBuilder html, DigestStory story) {
        DigestArticle first = story.articles().get(0);
        String title = first.title() == null || first.title().isBlank() ? "(untitled article)" : first.title();
        String more = story.alerts() > 1 ? " (+" + (story.alerts() - 1) + " more in this story)" : "";
        text.append("  - ").append(isolated(title)).append(" — ").append(first.source()).append(more).append('\n');
        if (first.url() != null) {
            text.append("    ").append(first.url()).append('\n');
        }
        html.append("<li><bdi dir=\"auto\">");
        if (first.url() != null && first.url().matches("(?i)https?://.*")) {
            html.append("<a href=\"").append(escape(first.url())).append("\">").append(escape(title)).append("</a>");
        } else {
            html.append(escape(title));
        }
        html.append("</bdi> — ").append(escape(first.source())).append(escape(more)).append("</li>");
    }

    private static String isolated(String s) {
        return ISOLATE + s + POP_ISOLATE;
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
