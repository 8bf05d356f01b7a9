package com.livestormconnect.admin;

import com.livestormconnect.dashboard.export.Exports;
import com.livestormconnect.livestorm.budget.CallBudget;
import com.livestormconnect.partner.PartnerForwarding;
import com.livestormconnect.partner.PartnerHealth;
import com.livestormconnect.webhook.ReceiverCounts;
import com.livestormconnect.webhook.Subscription;
import com.livestormconnect.webhook.WebhookHealth;
import com.livestormconnect.webhook.Webhooks;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What {@code /metrics} exposes, with the Prometheus Java client: the call counters of the {@link
 * CallBudget} (totals only: per-connection detail stays on the admin pages, so the label sets are
 * bounded), the permit wait as a histogram, the monthly quota left as aggregates over the
 * connections, the export jobs by state, the webhooks' health, the queue of changes forwarded to
 * the partner's service, and the JVM's own metrics. The app's figures are read from where they are
 * collected at each scrape; nothing is counted twice.
 */
@ApplicationScoped
public class PrometheusMetrics {
  @Inject CallBudget budget;

  @Inject Exports exports;

  @Inject Webhooks webhooks;

  @Inject PartnerForwarding partner;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private ExpositionFormats formats;

  @PostConstruct
  void register() {
    JvmMetrics.builder().register(registry);
    registry.register(this::appMetrics);
    formats = ExpositionFormats.init();
  }

  /** Writes every metric in the format the scraper asked for (OpenMetrics or Prometheus text). */
  public void write(String accept, OutputStream out) throws IOException {
    writer(accept).write(out, registry.scrape());
  }

  /** The content type {@link #write} uses for this Accept header. */
  public String contentType(String accept) {
    return writer(accept).getContentType();
  }

  private ExpositionFormatWriter writer(String accept) {
    return accept != null && accept.contains("application/openmetrics-text")
        ? formats.getOpenMetricsTextFormatWriter()
        : formats.getPrometheusTextFormatWriter();
  }

  MetricSnapshots appMetrics() {
    CallBudget.Totals totals = budget.totals();
    CallBudget.Counters total = totals.calls();
    List<MetricSnapshot> all = new ArrayList<>();
    all.add(
        counter(
            "livestorm_calls",
            "Calls to the Livestorm API (every attempt, retries included).",
            total.calls()));
    all.add(
        counter("livestorm_call_failures", "Calls to Livestorm that failed.", total.failures()));
    all.add(
        counter(
            "livestorm_rate_limited",
            "HTTP 429 answers received from Livestorm.",
            total.rateLimited()));
    all.add(
        counter(
            "livestorm_retries",
            "Calls to Livestorm repeated after a 401, a 429, a 5xx or a network failure.",
            total.retries()));
    all.add(counter("livestorm_token_refreshes", "Access tokens refreshed.", total.refreshes()));
    all.add(
        counter(
            "livestorm_token_refresh_failures",
            "Token refreshes that failed.",
            total.refreshFailures()));
    all.add(
        counter(
            "livestorm_call_seconds",
            "Time spent in calls to Livestorm, in seconds.",
            total.callTime().toNanos() / 1e9));
    all.add(permitWait(totals.permitWaits()));
    all.add(quota(totals));
    all.add(exportJobs());
    all.add(
        counter(
            "livestorm_connect_export_failures",
            "Export jobs that failed since start.",
            exports.failuresSinceStart()));
    webhookMetrics(webhooks.health(), all);
    try {
      all.addAll(partnerQueue(partner.health()));
    } catch (RuntimeException e) {
      // The queue lives in the database: without it the other figures are still worth a scrape.
    }
    return new MetricSnapshots(all);
  }

  /**
   * The queue of changes forwarded to the partner's service, over every node (read from the
   * database at each scrape): waiting, the oldest one's age, failed, and the last delivery.
   */
  static List<MetricSnapshot> partnerQueue(PartnerHealth health) {
    List<MetricSnapshot> all = new ArrayList<>();
    all.add(
        gauge(
            "livestorm_connect_partner_queue_length",
            "Changes waiting to be sent to the partner's service.",
            health.pending()));
    all.add(
        gauge(
            "livestorm_connect_partner_oldest_pending_seconds",
            "Age of the oldest change waiting to be sent to the partner's service (0 when none).",
            health.oldestPendingAge().map(d -> d.toMillis() / 1e3).orElse(0.0)));
    all.add(
        gauge(
            "livestorm_connect_partner_failed",
            "Changes the partner's service refused or did not take within 24 hours, kept to be"
                + " replayed.",
            health.failed()));
    if (health.lastSuccess().isPresent()) {
      all.add(
          gauge(
              "livestorm_connect_partner_last_success_timestamp_seconds",
              "When a change was last delivered to the partner's service (Unix time).",
              health.lastSuccess().get().toEpochMilli() / 1e3));
    }
    return all;
  }

  private static MetricSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build())
        .build();
  }

  private static MetricSnapshot permitWait(CallBudget.WaitHistogram waits) {
    double[] buckets = waits.bucketBounds();
    double[] bounds = Arrays.copyOf(buckets, buckets.length + 1);
    bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
    return HistogramSnapshot.builder()
        .name("livestorm_permit_wait_seconds")
        .help("Time a call waited for a rate-limit permit of its connection, in seconds.")
        .dataPoint(
            HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, waits.bucketCounts()))
                .sum(waits.sum().toNanos() / 1e9)
                .build())
        .build();
  }

  /**
   * The monthly allowance left, without a label per connection: the smallest figure of any
   * connection (what runs out first), and how many connections are below a tenth of their limit.
   */
  private static MetricSnapshot quota(CallBudget.Totals totals) {
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder()
            .name("livestorm_monthly_quota_remaining")
            .help(
                "Livestorm's monthly request allowance left, as its RateLimit headers last said, over all"
                    + " connections: the smallest (aggregate=min) and the number of connections below 10 %"
                    + " of their limit (aggregate=connections_low).");
    if (totals.smallestMonthlyRemaining() != null) {
      gauge.dataPoint(
          GaugeSnapshot.GaugeDataPointSnapshot.builder()
              .labels(Labels.of("aggregate", "min"))
              .value(totals.smallestMonthlyRemaining())
              .build());
    }
    gauge.dataPoint(
        GaugeSnapshot.GaugeDataPointSnapshot.builder()
            .labels(Labels.of("aggregate", "connections_low"))
            .value(totals.connectionsRunningLow())
            .build());
    return gauge.build();
  }

  private MetricSnapshot exportJobs() {
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder()
            .name("livestorm_connect_export_jobs")
            .help("Export jobs this node knows, by state (ended jobs are kept an hour).");
    for (Map.Entry<String, Long> e : exports.jobCounts().entrySet()) {
      gauge.dataPoint(
          GaugeSnapshot.GaugeDataPointSnapshot.builder()
              .labels(Labels.of("state", e.getKey()))
              .value(e.getValue())
              .build());
    }
    return gauge.build();
  }

  /**
   * Webhooks: what this node's receiver answered (a counter per outcome), and from the database for
   * the whole cluster the deliveries of the last 24 hours, the last one, the inbox rows waiting and
   * the age of the oldest (the copy's lag), and the app's subscriptions by state.
   */
  private static void webhookMetrics(WebhookHealth health, List<MetricSnapshot> all) {
    ReceiverCounts.Totals node = health.node();
    CounterSnapshot.Builder deliveries =
        CounterSnapshot.builder()
            .name("livestorm_connect_webhook_deliveries")
            .help("Webhook deliveries this node received, by what it answered.");
    Map<String, Long> outcomes = new java.util.LinkedHashMap<>();
    outcomes.put("accepted", node.accepted());
    outcomes.put("duplicate", node.duplicates());
    outcomes.put("rejected_signature", node.rejectedSignatures());
    outcomes.put("malformed", node.malformed());
    outcomes.put("oversized", node.oversized());
    outcomes.put("unknown", node.unknown());
    outcomes.forEach(
        (outcome, value) ->
            deliveries.dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("outcome", outcome))
                    .value(value)
                    .build()));
    all.add(deliveries.build());
    all.add(
        gauge(
            "livestorm_connect_webhook_deliveries_last_day",
            "Webhook deliveries stored in the last 24 hours (every node).",
            health.deliveries24h()));
    all.add(
        gauge(
            "livestorm_connect_webhook_last_delivery_timestamp_seconds",
            "When the last webhook delivery was stored (0: none kept).",
            health.lastDelivery().map(t -> t.toEpochMilli() / 1000.0).orElse(0.0)));
    all.add(
        gauge(
            "livestorm_connect_webhook_inbox_pending",
            "Webhook deliveries stored and not applied yet.",
            health.pending()));
    all.add(
        gauge(
            "livestorm_connect_webhook_lag_seconds",
            "Age of the oldest webhook delivery not applied yet (0: none waits); over an hour is a"
                + " warning.",
            health.lag().map(l -> l.toMillis() / 1000.0).orElse(0.0)));
    GaugeSnapshot.Builder subscriptions =
        GaugeSnapshot.builder()
            .name("livestorm_connect_webhook_subscriptions")
            .help("The app's own webhook subscriptions at Livestorm, by state.");
    for (Subscription.State state : Subscription.State.values()) {
      subscriptions.dataPoint(
          GaugeSnapshot.GaugeDataPointSnapshot.builder()
              .labels(Labels.of("state", state.name().toLowerCase(java.util.Locale.ROOT)))
              .value(health.subscriptions().stream().filter(x -> x.state() == state).count())
              .build());
    }
    all.add(subscriptions.build());
  }

  private static MetricSnapshot counter(String name, String help, double value) {
    return CounterSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build())
        .build();
  }
}
