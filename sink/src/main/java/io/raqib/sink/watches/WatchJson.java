package io.raqib.sink.watches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Watch;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads watches written by people (API bodies, watches files, the CLI) strictly: a field a watch does not have
 * ({@code "langauges"}) or a value of the wrong form ({@code "throttle": "1h"}) is refused naming the watch and the
 * field, where the shared mapper would ignore the one — a watch that silently matches every language — and fail
 * with a Java type error on the other. Watches read back from {@code raqib.watches} stay lenient, as records are.
 */
public final class WatchJson {

    private static final ObjectReader WATCH = strictReader(Watch.class);

    private WatchJson() {
    }

    /** A reader of {@code type} that refuses fields it does not know (in nested objects too). */
    public static ObjectReader strictReader(Class<?> type) {
        return RaqibJson.mapper().readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The watch {@code node} holds; {@link InvalidWatchException} naming the watch and the field at fault. */
    public static Watch read(JsonNode node) {
        try {
            return WATCH.readValue(node);
        } catch (IOException e) {
            String field = fieldOf(e);
            String id = node.path("id").isTextual() ? node.path("id").asText() : null;
            throw new InvalidWatchException(id, field, -1, field + ": " + reasonOf(e), e);
        }
    }

    /** The JSON path of the value that could not be read ({@code terms[2].weight}), or {@code body}. */
    public static String fieldOf(IOException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "body";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : mapping.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Why the value at fault cannot be read, in an analyst's words rather than Java types. */
    public static String reasonOf(IOException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "' (known: " + names(unknown.getKnownPropertyIds())
                    + ")";
        }
        if (e instanceof InvalidFormatException format && Duration.class.equals(format.getTargetType())) {
            return "'" + format.getValue() + "' is not an ISO-8601 duration such as PT30M, PT1H or P1D";
        }
        if (e instanceof InvalidFormatException format && Instant.class.equals(format.getTargetType())) {
            return "'" + format.getValue() + "' is not an ISO-8601 instant such as 2026-12-03T08:00:00Z";
        }
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static String names(Collection<Object> ids) {
        return ids.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
    }
}
