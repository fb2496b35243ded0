package io.raqib.sink.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * One event of {@code raqib.alerts} as a document of the history index: the event's JSON exactly as on the topic
 * (stored), its desk (stored), and what searches filter and sort on. Every event type is indexed: a watch alert
 * ({@code raqib.alert}) and a spike or silence ({@code raqib.spike}, {@code raqib.silence}), told apart by
 * {@link #TYPE}; a source's spike or silence has subject {@code source:<name>} and no desk.
 */
final class AlertDocument {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String WATCH = "watch";
    static final String DESK = "desk";
    static final String TIME = "time";
    static final String TEXT = "text";
    static final String JSON = "json";

    private AlertDocument() {
    }

    /** An event read from the topic, ready to index: its id, time, and the document. */
    record Parsed(String id, Instant time, Document document) {
    }

    /**
     * The document of the event {@code json}, on the desk {@code desks} gives its subject (null: none); empty when
     * the JSON is no CloudEvent with an id, a type and a time (nothing a search could show).
     */
    static Optional<Parsed> parse(String json, Function<String, String> desks) {
        JsonNode event;
        try {
            event = RaqibJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        Optional<Instant> time = instant(event.path("time").asText(""));
        if (id.isEmpty() || type.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        String subject = event.path("subject").asText("");
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        doc.add(new StringField(TYPE, type, Field.Store.NO));
        doc.add(new StringField(WATCH, subject, Field.Store.NO));
        String desk = desks.apply(subject);
        if (desk != null) {
            doc.add(new StringField(DESK, desk, Field.Store.YES));
        }
        long millis = time.get().toEpochMilli();
        doc.add(new LongPoint(TIME, millis));
        doc.add(new NumericDocValuesField(TIME, millis));
        doc.add(new TextField(TEXT, String.join("\n", searchedTexts(event.path("data"))), Field.Store.NO));
        doc.add(new StoredField(JSON, json));
        return Optional.of(new Parsed(id, time.get(), doc));
    }

    /** What {@code q} searches: title, highlight fragments, watch name and source. */
    private static List<String> searchedTexts(JsonNode data) {
        List<String> texts = new ArrayList<>();
        for (String field : List.of("title", "watchName", "source")) {
            if (data.path(field).isTextual()) {
                texts.add(data.path(field).asText());
            }
        }
        data.path("highlights").forEach(h -> texts.add(h.path("fragment").asText("")));
        return texts;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
