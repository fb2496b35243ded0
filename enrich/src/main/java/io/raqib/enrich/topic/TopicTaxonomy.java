package io.raqib.enrich.topic;

import io.raqib.enrich.text.DataFiles;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The IPTC Media Topics Raqib tags with ({@code topics/taxonomy/*.tsv}): code, parent code ({@code -} for a
 * top-level topic), English and Arabic labels, and the score threshold an article must reach to be tagged.
 */
public final class TopicTaxonomy {

    private static final Pattern CODE = Pattern.compile("medtop:\\d{8}");

    private final Map<String, MediaTopic> topics;

    private TopicTaxonomy(Map<String, MediaTopic> topics) {
        this.topics = topics;
    }

    /**
     * One media topic.
     *
     * @param code      {@code medtop:11000000}
     * @param parent    the broader topic's code, or null for a top-level topic
     * @param labelEn   English label
     * @param labelAr   Arabic label
     * @param threshold the least score that tags an article with this topic
     */
    public record MediaTopic(String code, String parent, String labelEn, String labelAr, double threshold) {

        /** Whether this is one of the 17 top-level topics. */
        public boolean topLevel() {
            return parent == null;
        }
    }

    /** The bundled taxonomy. */
    public static TopicTaxonomy load() {
        Map<String, MediaTopic> topics = new LinkedHashMap<>();
        for (DataFiles.Row row : DataFiles.bundled("topics/taxonomy")) {
            String code = row.cell(0);
            String parent = row.cell(1);
            if (!CODE.matcher(code).matches() || !parent.equals("-") && !CODE.matcher(parent).matches()) {
                throw row.error("topic and parent must be medtop:NNNNNNNN codes (parent '-' for top level)");
            }
            double threshold;
            try {
                threshold = Double.parseDouble(row.cell(4));
            } catch (NumberFormatException e) {
                throw row.error("threshold is not a number: '" + row.cell(4) + "'");
            }
            topics.put(code, new MediaTopic(code, parent.equals("-") ? null : parent, row.cell(2), row.cell(3),
                    threshold));
        }
        for (MediaTopic t : topics.values()) {
            if (t.parent() != null && !topics.containsKey(t.parent())) {
                throw new IllegalArgumentException("topic " + t.code() + " has an unknown parent " + t.parent());
            }
        }
        return new TopicTaxonomy(topics);
    }

    /** The topic with {@code code}, or null. */
    public MediaTopic get(String code) {
        return topics.get(code);
    }

    /** Every topic, top-level ones first as in the file. */
    public Collection<MediaTopic> all() {
        return topics.values();
    }
}
