package io.raqib.app.bench;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Pushes articles one per request to a running ingest service ({@code POST /api/articles}) at a steady rate, the
 * requests overlapping as a feed of independent sources would: each is answered once Kafka acknowledged it.
 */
final class HttpPush {

    private HttpPush() {
    }

    /** Pushes every article, the i-th not before {@code i / rate} s after the first; a line of the answers. */
    static String push(URI endpoint, String token, List<Article> articles, double rate) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>(articles.size());
        long start = System.nanoTime();
        for (int i = 0; i < articles.size(); i++) {
            PacedIngest.awaitSlot(start, i, rate);
            HttpRequest request = HttpRequest.newBuilder(endpoint).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RaqibJson.mapper().writeValueAsString(articles.get(i))))
                    .build();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            statuses.merge(answer.join().statusCode(), 1, Integer::sum);
        }
        if (statuses.keySet().stream().anyMatch(status -> status != 202)) {
            throw new IOException("the ingest service refused articles, answers by HTTP status: " + statuses);
        }
        return "pushed " + articles.size() + " articles to " + endpoint + ", all answered 202";
    }
}
