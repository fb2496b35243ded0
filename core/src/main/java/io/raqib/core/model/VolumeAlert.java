package io.raqib.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A spike or silence alert: a CloudEvent 1.0 on {@code raqib.alerts} beside the watch alerts, of type
 * {@link #SPIKE} or {@link #SILENCE}; {@code subject} = the watch id, or {@code source:<name>} for a news source.
 */
public record VolumeAlert(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        Data data) {

    /** A watch's or a source's article count in a window far above its own baseline. */
    public static final String SPIKE = "raqib.spike";
    /** A source that published nothing over a span in which it usually publishes several batches. */
    public static final String SILENCE = "raqib.silence";
    /** Subject prefix of a news source's events. */
    public static final String SOURCE_SUBJECT = "source:";

    /**
     * What happened. For a spike: the window ({@code from}, {@code to}), its {@code count} so far and the
     * {@code baseline} (mean count of the past windows). For a silence: the {@code lastArticle} time, the source's
     * {@code usualInterval} and how long it has been {@code silentFor} (ISO-8601 durations).
     *
     * @param scope     {@code watch} or {@code source}
     * @param watchId   the watch (watch scope)
     * @param watchName its name (watch scope)
     * @param source    the news source (source scope)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(String scope, String watchId, String watchName, String source, Instant from, Instant to,
                       Long count, Double baseline, Instant lastArticle, String usualInterval, String silentFor) {
    }

    /** An event with Raqib's fixed CloudEvent attributes. */
    public static VolumeAlert of(String type, String id, String subject, Instant time, Data data) {
        return new VolumeAlert(Alert.SPEC_VERSION, id, Alert.SOURCE, type, subject, time, Alert.CONTENT_TYPE, data);
    }
}
