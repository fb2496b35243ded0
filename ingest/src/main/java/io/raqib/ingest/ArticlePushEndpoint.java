package io.raqib.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.raqib.core.config.IngestSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import io.raqib.ingest.feed.FeedException;
import io.raqib.ingest.feed.FeedParser;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code POST /api/articles}: one article or an array as JSON (Raqib {@code Article} or IPTC ninjs), seed-format
 * {@code text/plain}, or a feed document (RSS/Atom/RDF XML, JSON Feed). Answers 202 with the ids once Kafka has
 * acknowledged every article; 400 naming the field, 413 over the size limit, 415 for other media types. A request
 * with one bad article publishes nothing, so a client can fix and resend it whole. When Kafka does not acknowledge
 * all of a request within the bound, answers 503 with {@code Retry-After}: the articles it did acknowledge are
 * remembered (reported as duplicates when the request comes again), the others are not, so resending the whole
 * request publishes exactly what is missing. An article Kafka refuses for itself (too large for the broker) is
 * answered 422 naming it. Authentication is the HTTP server's ({@code /api/*}).
 */
public final class ArticlePushEndpoint implements Consumer<RoutesConfig> {

    /** The path the endpoint answers on. */
    public static final String PATH = "/api/articles";
    private static final String SOURCE = "http-push";
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/xml", "text/xml", "application/feed+json");

    private final ArticleIntake intake;
    private final FeedParser feeds;
    private final int maxBodyBytes;

    /** @param maxBodyBytes largest request body accepted (413 beyond) */
    public ArticlePushEndpoint(ArticleIntake intake, int maxBodyBytes) {
        this.intake = intake;
        this.feeds = new FeedParser(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * An endpoint publishing through {@code publisher}, with the limits of {@code config} and duplicates
     * remembered for the life of the process (the demo's wiring).
     */
    public static ArticlePushEndpoint forPublisher(ArticlePublisher publisher, RaqibConfig config,
                                                   io.micrometer.core.instrument.MeterRegistry registry) {
        IngestSettings settings = config.ingest();
        return new ArticlePushEndpoint(new ArticleIntake(new ArticleValidator(config.maxArticleBytes()),
                new DuplicateFilter(settings.dedupIds(), settings.dedupWindow()), publisher,
                new IngestMetrics(registry), settings.ackTimeout()), settings.pushMaxBytes());
    }

    @Override
    public void accept(RoutesConfig routes) {
        routes.post(PATH, this::handle);
    }

    private void handle(Context ctx) {
        if (ctx.contentLength() > maxBodyBytes) {
            error(ctx, 413, "body", "request body is " + ctx.contentLength() + " bytes, over the limit of "
                    + maxBodyBytes);
            return;
        }
        String type = mediaType(ctx.contentType());
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBodyBytes) {
            error(ctx, 413, "body", "request body is over the limit of " + maxBodyBytes + " bytes");
            return;
        }
        if (body.length == 0) {
            error(ctx, 400, "body", "empty request body");
            return;
        }
        try {
            List<Article> articles = parse(type, body, ctx.contentType());
            if (articles == null) {
                error(ctx, 415, "Content-Type", "unsupported media type '" + type + "'; send application/json, "
                        + "text/plain, application/rss+xml, application/atom+xml, application/xml or "
                        + "application/feed+json");
                return;
            }
            publish(ctx, articles);
        } catch (BadField e) {
            error(ctx, 400, e.field, e.getMessage());
        }
    }

    private List<Article> parse(String type, byte[] body, String contentType) throws BadField {
        try {
            if (FEED_TYPES.contains(type)) {
                return FeedArticles.of(feeds.parse(body, contentType, null), SOURCE, null);
            }
            if (type.equals("application/json") || type.endsWith("+json")) {
                return json(RaqibJson.mapper().readTree(body));
            }
            if (type.equals("text/plain")) {
                return List.of(SeedTextParser.parse(utf8(body), SOURCE, null));
            }
            return null;
        } catch (FeedException e) {
            throw new BadField("body", "feed refused: " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw new BadField("body", "text/plain body is not valid UTF-8");
        } catch (ArticleJson.InvalidField e) {
            throw new BadField(e.field(), e.getMessage());
        } catch (JsonProcessingException e) {
            // Jackson's limits (nesting depth, number length) are reported without a location.
            throw new BadField("body", "invalid JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadField("body", "unreadable body: " + e.getMessage());
        }
    }

    private List<Article> json(JsonNode root) throws BadField, JsonProcessingException {
        if (root == null || root.isMissingNode()) {
            throw new BadField("body", "empty JSON document");
        }
        if (FeedParser.isJsonFeed(root)) {
            try {
                return FeedArticles.of(feeds.parseJson(root, null), SOURCE, null);
            } catch (FeedException e) {
                throw new BadField("items", e.getMessage());
            }
        }
        if (!root.isArray()) {
            return List.of(withSource(ArticleJson.read(root)));
        }
        List<Article> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            try {
                out.add(withSource(ArticleJson.read(root.get(i))));
            } catch (ArticleJson.InvalidField e) {
                throw new BadField("[" + i + "]" + (e.field().isEmpty() ? "" : "." + e.field()), e.getMessage());
            }
        }
        return out;
    }

    private void publish(Context ctx, List<Article> articles) throws BadField {
        if (articles.isEmpty()) {
            throw new BadField("body", "no articles in the request");
        }
        for (int i = 0; i < articles.size(); i++) {
            ArticleValidator.Problem problem = intake.check(articles.get(i));
            if (problem != null) {
                intake.rejectedDocument(articles.get(i).source(), problem.code());
                throw new BadField(articles.size() == 1 ? problem.field() : "[" + i + "]." + problem.field(),
                        problem.reason());
            }
        }
        ArticleIntake.Batch batch = intake.offerAll(articles);
        List<String> published = batch.ids(ArticleIntake.Outcome.PUBLISHED);
        List<String> unacknowledged = batch.ids(ArticleIntake.Outcome.FAILED);
        int refusedAt = batch.indexOf(ArticleIntake.Outcome.REJECTED);
        int status = !unacknowledged.isEmpty() ? 503 : refusedAt >= 0 ? 422 : 202;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        if (status == 202) {
            answer.put("accepted", published.size());
        } else if (status == 503) {
            intake.metrics().pushUnavailable();
            answer.put("error", "Kafka did not acknowledge " + unacknowledged.size() + " of " + articles.size()
                    + " articles (" + batch.reason(ArticleIntake.Outcome.FAILED) + "): send the whole request again "
                    + "later; what is stored by then is reported as a duplicate, the rest is published");
            answer.put("field", "body");
            answer.put("unacknowledged", unacknowledged);
            ctx.header("Retry-After", Long.toString(Math.max(1, intake.ackTimeout().toSeconds())));
        } else {
            answer.put("error", batch.reason(ArticleIntake.Outcome.REJECTED) + "; the other articles are stored, "
                    + "so sending the request again without it reports them as duplicates");
            answer.put("field", articles.size() == 1 ? "body" : "[" + refusedAt + "]");
            answer.put("rejected", batch.ids(ArticleIntake.Outcome.REJECTED));
        }
        answer.put("ids", published);
        answer.put("duplicates", batch.ids(ArticleIntake.Outcome.DUPLICATE));
        ctx.status(status).json(answer);
    }

    private static Article withSource(Article a) {
        return a.source() != null ? a : new Article(a.id(), a.url(), SOURCE, a.title(), a.body(), a.html(),
                a.language(), a.published(), a.ingestedAt(), a.author(), a.categories());
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    private static void error(Context ctx, int status, String field, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", reason);
        body.put("field", field);
        ctx.status(status).json(body);
    }

    /** A request that names its bad field. */
    private static final class BadField extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;

        BadField(String field, String reason) {
            super(reason);
            this.field = field;
        }
    }
}
