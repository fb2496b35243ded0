package io.raqib.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL expressions of the provisioned Grafana dashboard and the metric names they read. */
final class DashboardMetrics {

    /** The dashboard docker-compose provisions into Grafana. */
    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "raqib.json");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** An identifier not preceded by a word character or a dot (a number) and not followed by "(" (a function). */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset",
            "group_left", "group_right", "inf", "nan");

    private DashboardMetrics() {
    }

    /** Each panel's title with its expressions, in dashboard order. */
    record Panel(String title, List<String> expressions) {
    }

    /** The panels of the dashboard file. */
    static List<Panel> panels(Path dashboard) throws IOException {
        JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
        List<Panel> panels = new ArrayList<>();
        for (JsonNode panel : root.path("panels")) {
            List<String> expressions = new ArrayList<>();
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
            panels.add(new Panel(panel.path("title").asText(), expressions));
        }
        return panels;
    }

    /** Every metric (sample) name an expression selects, e.g. {@code raqib_alert_latency_seconds_bucket}. */
    static Set<String> names(String expression) {
        String bare = strip(GROUPING, strip(RANGE, strip(LABEL_MATCHERS, strip(STRING, expression))));
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** Every metric name the dashboard's expressions select. */
    static Set<String> names(Path dashboard) throws IOException {
        Set<String> names = new TreeSet<>();
        panels(dashboard).forEach(p -> p.expressions().forEach(e -> names.addAll(names(e))));
        return names;
    }

    private static String strip(Pattern pattern, String text) {
        return pattern.matcher(text).replaceAll(" ");
    }
}
