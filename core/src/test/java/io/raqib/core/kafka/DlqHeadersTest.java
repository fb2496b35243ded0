package io.raqib.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DlqHeadersTest {

    @Test
    void everyHeaderWrittenByOfIsReadBack() {
        Headers h = DlqHeaders.of("enrich", new SerializationException("not a valid Article"),
                "raqib.articles.raw", 2, 12345678901L);

        assertThat(DlqHeaders.read(h, DlqHeaders.STAGE)).isEqualTo("enrich");
        assertThat(DlqHeaders.read(h, DlqHeaders.ERROR_CLASS))
                .isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(DlqHeaders.read(h, DlqHeaders.ERROR_MESSAGE)).isEqualTo("not a valid Article");
        assertThat(DlqHeaders.read(h, DlqHeaders.TOPIC)).isEqualTo("raqib.articles.raw");
        assertThat(DlqHeaders.read(h, DlqHeaders.PARTITION)).isEqualTo("2");
        assertThat(DlqHeaders.read(h, DlqHeaders.OFFSET)).isEqualTo("12345678901");
    }

    @Test
    void headerNamesAreDistinctAndNamespaced() {
        Headers h = DlqHeaders.of("sink", new IllegalStateException("x"), "t", 0, 0);

        assertThat(h.toArray()).hasSize(6);
        assertThat(h.toArray()).allSatisfy(header -> assertThat(header.key()).startsWith("raqib."));
    }

    @Test
    void nonAsciiMessageIsUtf8() {
        Headers h = DlqHeaders.of("enrich", new IllegalArgumentException("نص غير صالح"), "t", 0, 0);

        assertThat(h.lastHeader(DlqHeaders.ERROR_MESSAGE).value())
                .isEqualTo("نص غير صالح".getBytes(StandardCharsets.UTF_8));
        assertThat(DlqHeaders.read(h, DlqHeaders.ERROR_MESSAGE)).isEqualTo("نص غير صالح");
    }

    @Test
    void errorWithoutMessageStillGetsAMessageHeader() {
        Headers h = DlqHeaders.of("sink", new NullPointerException(), "raqib.articles.enriched", 1, 7);

        assertThat(DlqHeaders.read(h, DlqHeaders.ERROR_CLASS)).isEqualTo(NullPointerException.class.getName());
        assertThat(DlqHeaders.read(h, DlqHeaders.ERROR_MESSAGE)).isNotNull();
    }

    @Test
    void absentHeaderReadsAsNull() {
        assertThat(DlqHeaders.read(new RecordHeaders(), DlqHeaders.STAGE)).isNull();
    }

    @Test
    void readReturnsTheLastValueOfARepeatedHeader() {
        Headers h = new RecordHeaders();
        h.add(DlqHeaders.STAGE, "ingest".getBytes(StandardCharsets.UTF_8));
        h.add(DlqHeaders.STAGE, "enrich".getBytes(StandardCharsets.UTF_8));

        assertThat(DlqHeaders.read(h, DlqHeaders.STAGE)).isEqualTo("enrich");
    }
}
