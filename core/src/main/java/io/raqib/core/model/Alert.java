package io.raqib.core.model;

import java.time.Instant;

/** An alert: a CloudEvent 1.0 in structured JSON form, {@code subject} = watch id (contract: DESIGN.md). */
public record Alert(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        AlertData data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE = "raqib.alert";
    public static final String SOURCE = "urn:raqib:sink";
    public static final String CONTENT_TYPE = "application/json";

    /** Builds an alert event with the fixed CloudEvent attributes of Raqib alerts. */
    public static Alert of(String id, Instant time, AlertData data) {
        return new Alert(SPEC_VERSION, id, SOURCE, TYPE, data.watchId(), time, CONTENT_TYPE, data);
    }

    /** The same event carrying {@code newData}. */
    public Alert withData(AlertData newData) {
        return new Alert(specversion, id, source, type, subject, time, datacontenttype, newData);
    }
}
