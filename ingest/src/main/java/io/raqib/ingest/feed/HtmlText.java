package io.raqib.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** HTML from feeds made safe (sanitized markup) and readable (plain text with paragraph breaks). */
public final class HtmlText {

    private static final Safelist SAFE = safelist().preserveRelativeLinks(true);
    private static final Safelist SAFE_ABSOLUTE = safelist();

    private static final Document.OutputSettings XHTML = new Document.OutputSettings()
            .syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml).prettyPrint(false);

    private HtmlText() {
    }

    /**
     * Removes scripts, event handlers, frames, styles and other unsafe markup, keeping the readable rest; with a
     * {@code base} (http/https), relative links become absolute.
     */
    public static String sanitize(String html, String base) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        boolean absolute = base != null && Links.isHttp(base);
        Document clean = new Cleaner(absolute ? SAFE_ABSOLUTE : SAFE)
                .clean(Jsoup.parseBodyFragment(html, absolute ? base : ""));
        for (Element styled : clean.select("[style]")) {
            String style = CssSanitizer.clean(styled.attr("style"));
            if (style.isEmpty()) {
                styled.removeAttr("style");
            } else {
                styled.attr("style", style);
            }
        }
        clean.outputSettings(XHTML.clone());
        return clean.body().html().strip();
    }

    private static Safelist safelist() {
        return Safelist.relaxed()
                .addTags("abbr", "acronym", "address", "bdo", "big", "center", "del", "dfn", "font", "hr", "ins",
                        "kbd", "s", "samp", "small", "strike", "tt", "var")
                .addAttributes(":all", "dir", "lang", "title", "align", "style");
    }

    /**
     * Plain text of an HTML fragment: block elements and {@code <br>} become line breaks, paragraphs are
     * separated by a blank line, scripts and styles are dropped, runs of spaces collapse.
     */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, noscript, template, iframe, object, embed").remove();
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new TextCollector(out), doc.body());
        return out.toString().replaceAll("[ \\t\\x0B\\f\\u00A0]*\\n[ \\t\\x0B\\f\\u00A0]*", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** Walks the DOM, writing text and turning block boundaries into newlines. */
    private static final class TextCollector implements NodeVisitor {
        private final StringBuilder out;

        TextCollector(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String value = text.getWholeText().replaceAll("\\s+", " ");
                if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                    value = value.stripLeading();
                } else if (out.charAt(out.length() - 1) == ' ' && value.startsWith(" ")) {
                    value = value.substring(1);
                }
                out.append(value);
            } else if (node instanceof Element element) {
                if ("br".equals(element.normalName())) {
                    out.append('\n');
                } else if (element.isBlock() && depth > 0) {
                    breakLines(paragraph(element) ? 2 : 1);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && element.isBlock() && depth > 0) {
                breakLines(paragraph(element) ? 2 : 1);
            }
        }

        /** Ends the text with at least {@code count} newlines (blocks next to each other share their breaks). */
        private void breakLines(int count) {
            int trailing = 0;
            while (trailing < out.length() && out.charAt(out.length() - 1 - trailing) == '\n') {
                trailing++;
            }
            if (out.length() > 0) {
                out.append("\n".repeat(Math.max(0, count - trailing)));
            }
        }

        private static boolean paragraph(Element element) {
            return switch (element.normalName()) {
                case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol" -> true;
                default -> false;
            };
        }
    }
}
