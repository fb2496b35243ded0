package io.raqib.ingest.feed;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through ROME, on XML already made safe by {@link XmlPrologGuard}. */
final class RomeFeedParser {

    private static final String ATOM_03 = "http://purl.org/atom/ns#";
    private static final Pattern DRAFT_ATOM_ROOT = Pattern.compile(
            "<feed\\s[^>]*version=\"0\\.3\"[^>]*xmlns=\"((?!http://purl\\.org/atom/ns#)[^\"]*)\"");

    private static final Pattern BASE64_CONTENT = Pattern.compile("(<[\\w:]+\\s[^>]*mode=\"base64\"[^>]*>)([^<]*)</");
    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

    private RomeFeedParser() {
    }

    /** Parses safe feed XML; {@code baseUri} (the feed's address, may be null) resolves relative links. */
    static FeedDocument parse(String xml, String baseUri) throws FeedException {
        try {
            return parseOnce(xml, baseUri);
        } catch (FeedException e) {
            // Atom 0.3's drafts (Echo, Pie, Necho) used other namespaces; feeds still carry them.
            Matcher draft = DRAFT_ATOM_ROOT.matcher(xml);
            if (!draft.find()) {
                throw e;
            }
            return parseOnce(xml.substring(0, draft.start(1)) + ATOM_03 + xml.substring(draft.end(1)), baseUri);
        }
    }

    private static FeedDocument parseOnce(String source, String baseUri) throws FeedException {
        // ROME's Atom 0.3 base64 decoder fails on the line breaks that wrap encoded content; remove them.
        String xml = source.contains("mode=\"base64\"") ? BASE64_CONTENT.matcher(source)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2).replaceAll("\\s+", "") + "</"))
                : source;
        SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        input.setPreserveWireFeed(true);
        SyndFeed feed;
        try {
            feed = input.build(new StringReader(xml));
        } catch (ParsingFeedException e) {
            throw new FeedException("not well-formed XML" + (e.getLineNumber() > 0 ? " at line " + e.getLineNumber()
                    : "") + ": " + rootMessage(e), e);
        } catch (com.rometools.rome.io.FeedException | IllegalArgumentException e) {
            throw new FeedException("not an RSS or Atom feed: " + rootMessage(e), e);
        }
        String feedLink = Links.resolve(baseUri, feed.getLink());
        String base = feedLink != null ? feedLink : baseUri;
        String language = blankToNull(feed.getLanguage());
        List<FeedEntry> entries = new ArrayList<>(feed.getEntries().size());
        for (SyndEntry entry : feed.getEntries()) {
            entries.add(entry(entry, base, language));
        }
        FeedText title = feed.originalWireFeed() instanceof Feed atom ? FeedTexts.atom(atom.getTitleEx(), base)
                : FeedTexts.untyped(feed.getTitle(), base);
        DCModule dc = (DCModule) feed.getModule(DCModule.URI);
        if (title.value().isBlank() && dc != null && dc.getTitle() != null) {
            title = FeedTexts.untyped(dc.getTitle(), base);
        }
        return new FeedDocument(feed.getFeedType(), title, feedLink, language, entries);
    }

    private static FeedEntry entry(SyndEntry entry, String base, String feedLanguage) {
        SyndContent body = entry.getContents().stream().filter(c -> c.getValue() != null && !c.getValue().isBlank())
                .findFirst().orElse(entry.getDescription());
        String html = null;
        String text = "";
        if (body != null && body.getValue() != null) {
            FeedText content = FeedTexts.typed(body.getType(), body.getValue(), base);
            if (content.markup()) {
                html = content.value().strip();
                text = HtmlText.toText(html);
            } else {
                text = body.getValue().strip();
            }
        }
        String link = Links.resolve(base, entry.getLink());
        if (link == null && entry.getUri() != null && Links.isHttp(entry.getUri())) {
            link = entry.getUri();
        }
        List<String> categories = entry.getCategories().stream().map(SyndCategory::getName).filter(Objects::nonNull)
                .map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        String language = dc != null && dc.getLanguage() != null ? dc.getLanguage() : feedLanguage;
        FeedText title = entry.getWireEntry() instanceof Entry atom ? FeedTexts.atom(atom.getTitleEx(), base)
                : FeedTexts.untyped(entry.getTitle(), base);
        if (title.value().isBlank() && dc != null && dc.getTitle() != null) {
            title = FeedTexts.untyped(dc.getTitle(), base);
        }
        if (title.value().isBlank()) {
            title = entry.getForeignMarkup().stream()
                    .filter(e -> "title".equals(e.getName()) && MEDIA_RSS.equals(e.getNamespaceURI()))
                    .findFirst().map(e -> FeedTexts.untyped(e.getText(), base)).orElse(title);
        }
        return new FeedEntry(title, link, blankToNull(entry.getUri()),
                author(entry), categories, instant(entry.getPublishedDate(), entry.getUpdatedDate()), html, text,
                blankToNull(language));
    }

    private static String author(SyndEntry entry) {
        if (entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            return entry.getAuthor().strip();
        }
        return entry.getAuthors().stream().map(SyndPerson::getName).filter(n -> n != null && !n.isBlank())
                .findFirst().map(String::strip).orElse(null);
    }

    private static Instant instant(Date... dates) {
        return Stream.of(dates).filter(Objects::nonNull).findFirst().map(Date::toInstant).orElse(null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
