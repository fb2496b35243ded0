package io.raqib.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.rometools.rome.io.XmlReader;
import org.jsoup.nodes.Entities;

/**
 * Prepares feed XML for a parser that has DTDs and external entities switched off. A document type declaration
 * that declares entities (an XXE or "billion laughs" feed) refuses the whole feed; any other declaration is
 * removed unread (its DTD is never fetched). HTML named entities that XML lacks ({@code &nbsp;}) become numeric
 * references, as feeds written by hand rely on them.
 */
final class XmlPrologGuard {

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\b(?:[^\\[>]*)(\\[(.*?)\\])?\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DECLARED_ENTITY = Pattern.compile("<!ENTITY", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED_REFERENCE = Pattern.compile("&([A-Za-z][A-Za-z0-9]{0,31});");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    private XmlPrologGuard() {
    }

    /** Decodes the bytes (BOM, XML declaration, HTTP charset; lenient) and makes the text safe to parse. */
    static String prepare(byte[] bytes, String contentType) throws FeedException {
        return neutralize(decode(bytes, contentType));
    }

    /** Refuses entity declarations, strips other DOCTYPEs and rewrites HTML entity references. */
    static String neutralize(String xml) throws FeedException {
        Matcher doctype = DOCTYPE.matcher(xml);
        String text = xml;
        if (doctype.find()) {
            String subset = doctype.group(2);
            if (subset != null && DECLARED_ENTITY.matcher(subset).find()) {
                throw new FeedException("refused: the DOCTYPE declares entities (external entity or entity "
                        + "expansion attack); entities are never resolved");
            }
            text = xml.substring(0, doctype.start()) + xml.substring(doctype.end());
        } else if (xml.regionMatches(true, 0, "<!DOCTYPE", 0, 9) || xml.toUpperCase(Locale.ROOT).contains("<!ENTITY")) {
            throw new FeedException("refused: malformed DOCTYPE or entity declaration");
        }
        return rewriteEntities(text);
    }

    private static String rewriteEntities(String xml) {
        if (xml.indexOf('&') < 0) {
            return xml;
        }
        Matcher m = NAMED_REFERENCE.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (XML_ENTITIES.contains(name)) {
                replacement = m.group();
            } else if (Entities.isNamedEntity(name)) {
                String chars = Entities.getByName(name);
                StringBuilder refs = new StringBuilder();
                chars.codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
                replacement = refs.toString();
            } else {
                // An unknown entity would make the whole feed unreadable; keep it as literal text instead.
                replacement = "&amp;" + name + ";";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(byte[] bytes, String contentType) {
        try (Reader reader = contentType == null
                ? new XmlReader(new ByteArrayInputStream(bytes), true, StandardCharsets.UTF_8.name())
                : new XmlReader(new ByteArrayInputStream(bytes), contentType, true, StandardCharsets.UTF_8.name())) {
            StringWriter out = new StringWriter(bytes.length);
            reader.transferTo(out);
            return out.toString();
        } catch (IOException | RuntimeException e) {
            // An unknown or lying charset: fall back to UTF-8 with replacement characters rather than give up.
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }
}
