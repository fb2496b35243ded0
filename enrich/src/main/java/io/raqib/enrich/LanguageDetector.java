package io.raqib.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects an article's language as an ISO 639-1 code with OpenNLP's 103-language model; texts too short for
 * the model fall back to their dominant script (Arabic letters → {@code ar}, Latin → {@code en}), and texts whose
 * orthography settles that they are Arabic ({@link ArabicOrthography}) skip the model, the largest single cost of
 * enrichment.
 */
public final class LanguageDetector {

    /** Below this many letters the statistical model is unreliable and the script decides. */
    static final int MIN_LETTERS_FOR_MODEL = 40;
    /**
     * The model reads at most this many characters: a page of text settles the language, and the n-gram scoring
     * (the largest single cost of enrichment) grows with the length, so a very long article must not cost more.
     */
    static final int MAX_CHARS_FOR_MODEL = 2000;
    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private final LanguageDetectorModel model;
    private final ThreadLocal<LanguageDetectorME> detectors;

    /** Loads the bundled model (about 10 MB; load once and share). */
    public LanguageDetector() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + MODEL_RESOURCE + " missing from the classpath");
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP language model", e);
        }
        detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    /** The detected language and how sure the detector is (0–1). */
    public record Detection(String language, double confidence) {
    }

    /** Detects the language of {@code text}, or {@code und} with confidence 0 when it has no letters. */
    public Detection detect(String text) {
        int arabic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.ARABIC) {
                    arabic++;
                } else if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        if (arabic + latin < MIN_LETTERS_FOR_MODEL) {
            if (arabic + latin == 0) {
                return new Detection("und", 0);
            }
            return arabic >= latin ? new Detection("ar", 0.5) : new Detection("en", 0.5);
        }
        String page = prefix(text);
        return ArabicOrthography.isArabic(page) ? new Detection("ar", ArabicOrthography.CONFIDENCE) : byModel(page);
    }

    /** The statistical model's decision on {@code page}. */
    Detection byModel(String page) {
        Language best = detectors.get().predictLanguage(page);
        return new Detection(ISO3_TO_ISO1.getOrDefault(best.getLang(), best.getLang()), best.getConfidence());
    }

    /** The first {@link #MAX_CHARS_FOR_MODEL} characters, cut at a space so no word is split. */
    static String prefix(String text) {
        if (text.length() <= MAX_CHARS_FOR_MODEL) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_CHARS_FOR_MODEL);
        return text.substring(0, cut > 0 ? cut : MAX_CHARS_FOR_MODEL);
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
        }
        // Macrolanguage members the model reports under their own ISO 639-3 codes.
        map.put("pes", "fa");
        map.put("arz", "ar");
        map.put("cmn", "zh");
        map.put("zsm", "ms");
        map.put("lvs", "lv");
        map.put("ekk", "et");
        map.put("swh", "sw");
        map.put("uzn", "uz");
        return map;
    }
}
