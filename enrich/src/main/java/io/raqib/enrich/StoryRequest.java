package io.raqib.enrich;

import io.raqib.enrich.story.SignatureSerdes;
import io.raqib.enrich.story.StorySignature;
import org.apache.kafka.common.serialization.Serde;

/**
 * What the one-partition story step needs of an analyzed article — its id and signatures, a few hundred bytes —
 * and where the analyzed article waits meanwhile (raw partition and offset), so the verdict finds its way back.
 */
public record StoryRequest(String articleId, int partition, long offset, StorySignature signature) {

    /** Binary on the story topic, which carries one request per article (JSON of earlier versions still read). */
    static Serde<StoryRequest> serde() {
        return SignatureSerdes.serde(StoryRequest.class, r -> new SignatureSerdes.Writer(r.articleId())
                        .integer(r.partition()).longValue(r.offset()).signature(r.signature()).bytes(),
                in -> new StoryRequest(in.string(), in.integer(), in.longValue(), in.signature()));
    }
}
