package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard's queries: every panel reads at least one metric, and the names are read out of PromQL
 * correctly (functions, label matchers, ranges, grouping and numbers are not metric names). Whether the stages
 * export those names is {@code DashboardMetricsIT}'s question.
 */
class DashboardMetricsTest {

    @Test
    void metricNamesAreReadOutOfPromQl() {
        assertThat(DashboardMetrics.names("histogram_quantile(0.95, sum by (le) "
                + "(rate(raqib_alert_latency_seconds_bucket{stage=\"sink\"}[$__rate_interval])))"))
                .containsExactly("raqib_alert_latency_seconds_bucket");
        assertThat(DashboardMetrics.names("sum without (instance) (jvm_memory_used_bytes{area=\"heap\"}) "
                + "/ on (service) group_left jvm_memory_max_bytes > 1e3 and up offset 5m"))
                .containsExactly("jvm_memory_max_bytes", "jvm_memory_used_bytes", "up");
    }

    @Test
    void everyPanelReadsAMetric() throws Exception {
        assertThat(DashboardMetrics.panels(DashboardMetrics.DASHBOARD)).hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(p -> assertThat(p.expressions()).as(p.title()).isNotEmpty()
                        .allSatisfy(e -> assertThat(DashboardMetrics.names(e)).as(p.title() + ": " + e)
                                .isNotEmpty()));
    }

    @Test
    void theDashboardShowsThePipelinesMetrics() throws Exception {
        assertThat(DashboardMetrics.names(DashboardMetrics.DASHBOARD)).containsExactlyInAnyOrder(
                "raqib_stage_records_total", "kafka_consumer_fetch_manager_records_lag_max",
                "raqib_alert_latency_seconds_bucket", "raqib_alerts_sent_total", "raqib_dlq_records_total",
                "raqib_sink_alerts_suppressed_total", "jvm_memory_used_bytes");
    }
}
