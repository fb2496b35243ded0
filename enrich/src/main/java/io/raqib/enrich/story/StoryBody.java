package io.raqib.enrich.story;

import io.raqib.enrich.text.AnalyzedText;
import io.raqib.enrich.text.DataFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The story body of a clean body: its words without credit lines ({@code ساهم في إعداد هذا التقرير …},
 * {@code … contributed to this report}), credit asides ({@code (رويترز)}, {@code (Reporting by …; Editing by …)}),
 * dispatch ends ({@code // انتهى //}) and short byline lines at its start or end ({@code عمر إبراهيم – عين اليوم},
 * {@code By Jane Doe, Reuters}): what a republisher adds or changes around the same text. The forms come from
 * {@code story/credit-forms.tsv}.
 */
final class StoryBody {

    private static final int CREDIT_LINE_MAX_WORDS = 30;
    private static final int SHORT_LINE_MAX_WORDS = 8;
    private static final int SHORT_LINE_MAX_CHARS = 60;
    /** Lines at either end of the body where a byline is looked for. */
    private static final int EDGE_LINES = 2;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟…:\"”»]\\s*$");
    private static final Pattern DASH_BETWEEN_WORDS = Pattern.compile("\\S\\s+[-–—]\\s+\\S");
    private static final Pattern ASIDE = Pattern.compile("\\(([^()\\n]{1,300})\\)");
    private static final Pattern LINE = Pattern.compile("[^\\n]+");

    private final Pattern credit;
    private final Pattern agency;
    private final Pattern bylineStart;
    private final Pattern end;

    private StoryBody(Map<String, List<String>> forms) {
        credit = anywhere(forms.getOrDefault("credit", List.of()));
        agency = anywhere(forms.getOrDefault("agency", List.of()));
        bylineStart = Pattern.compile("^[\\s\\p{P}]*(?:" + alternatives(forms.getOrDefault("byline", List.of()))
                + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        end = anywhere(forms.getOrDefault("end", List.of()));
    }

    /** The bundled forms. */
    static StoryBody load() {
        Map<String, List<String>> forms = DataFiles.bundled("story").stream().collect(Collectors.groupingBy(
                row -> row.cell(0), Collectors.mapping(row -> row.cell(1), Collectors.toList())));
        return new StoryBody(forms);
    }

    /** The terms of {@code body} (the analyzed {@code cleanBody}) that are story text, in order. */
    List<String> terms(AnalyzedText body, String cleanBody) {
        List<int[]> cut = notStory(cleanBody);
        List<String> terms = new ArrayList<>(body.size());
        int span = 0;
        for (AnalyzedText.Word word : body.words()) {
            while (span < cut.size() && cut.get(span)[1] <= word.start()) {
                span++;
            }
            if (span == cut.size() || word.start() < cut.get(span)[0]) {
                terms.add(word.term());
            }
        }
        return terms;
    }

    /** The character spans of {@code cleanBody} that are not story text, in order, not overlapping. */
    List<int[]> notStory(String cleanBody) {
        List<int[]> lines = new ArrayList<>();
        Matcher m = LINE.matcher(cleanBody);
        while (m.find()) {
            lines.add(new int[] {m.start(), m.end()});
        }
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int[] line = lines.get(i);
            String text = cleanBody.substring(line[0], line[1]);
            boolean edge = i < EDGE_LINES || i >= lines.size() - EDGE_LINES;
            List<int[]> asides = new ArrayList<>();
            StringBuilder rest = new StringBuilder();
            Matcher aside = ASIDE.matcher(text);
            while (aside.find()) {
                if (credit.matcher(aside.group(1)).find() || agency.matcher(aside.group(1).strip()).matches()) {
                    asides.add(new int[] {line[0] + aside.start(), line[0] + aside.end()});
                    aside.appendReplacement(rest, " ");
                }
            }
            aside.appendTail(rest);
            if (isCreditLine(rest.toString(), edge)) {
                spans.add(line);
            } else {
                spans.addAll(asides);
            }
        }
        return spans;
    }

    private boolean isCreditLine(String line, boolean edge) {
        String s = line.strip();
        int words = s.isEmpty() ? 0 : s.split("\\s+").length;
        if (words <= CREDIT_LINE_MAX_WORDS && credit.matcher(s).find()) {
            return true;
        }
        boolean isShort = words <= SHORT_LINE_MAX_WORDS && s.length() <= SHORT_LINE_MAX_CHARS
                && !SENTENCE_END.matcher(s).find();
        return isShort && (end.matcher(s).find() || edge && (bylineStart.matcher(s).find()
                || agency.matcher(s).find() || DASH_BETWEEN_WORDS.matcher(s).find()));
    }

    /** A pattern finding any of {@code forms} as whole words, any case, whatever spaces separate their words. */
    private static Pattern anywhere(List<String> forms) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives(forms) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String alternatives(List<String> forms) {
        if (forms.isEmpty()) {
            return "(?!)";
        }
        return forms.stream().map(f -> Pattern.quote(f).replace(" ", "\\E\\s+\\Q")).collect(Collectors.joining("|"));
    }
}
