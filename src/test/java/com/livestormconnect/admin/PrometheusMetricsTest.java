package com.livestormconnect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.dashboard.export.Exports;
import com.livestormconnect.livestorm.budget.Budgets;
import com.livestormconnect.partner.PartnerForwarding;
import com.livestormconnect.partner.PartnerHealth;
import com.livestormconnect.webhook.ReceiverCounts;
import com.livestormconnect.webhook.Subscription;
import com.livestormconnect.webhook.WebhookHealth;
import com.livestormconnect.webhook.Webhooks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {
  private static PrometheusMetrics metrics() {
    PrometheusMetrics metrics = new PrometheusMetrics();
    metrics.budget = Budgets.inMemory();
    metrics.exports = new Exports();
    metrics.webhooks =
        new Webhooks() {
          @Override
          public WebhookHealth health() {
            return new WebhookHealth(
                true,
                true,
                Optional.of(Instant.ofEpochSecond(1_800_000_000L)),
                12,
                2,
                Optional.of(Duration.ofMinutes(90)),
                List.of(
                    new Subscription(
                        1,
                        "people.registered",
                        "w1",
                        Subscription.State.ACTIVE,
                        null,
                        Instant.EPOCH,
                        null,
                        3)),
                3,
                new ReceiverCounts.Totals(12, 3, 1000, 1, 1, 2));
          }
        };
    metrics.partner =
        new PartnerForwarding() {
          @Override
          public PartnerHealth health() {
            return new PartnerHealth(
                true,
                3,
                Optional.of(Duration.ofSeconds(90)),
                2,
                Optional.of(Instant.ofEpochSecond(1_800_000_000)));
          }
        };
    metrics.register();
    return metrics;
  }

  private static String scrape(PrometheusMetrics metrics, String accept) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metrics.write(accept, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesEveryFamilyInTheTextFormatWithBoundedLabels() throws Exception {
    PrometheusMetrics metrics = metrics();
    assertTrue(
        metrics.contentType(null).startsWith("text/plain; version=0.0.4"),
        metrics.contentType(null));
    PrometheusText text = PrometheusText.parse(scrape(metrics, "text/plain"));

    for (String counter :
        new String[] {
          "livestorm_calls",
          "livestorm_rate_limited",
          "livestorm_retries",
          "livestorm_token_refreshes",
          "livestorm_token_refresh_failures",
          "livestorm_connect_export_failures"
        }) {
      assertEquals("counter", text.families().get(counter + "_total").type(), counter);
      assertEquals(0.0, text.value(counter + "_total"), counter);
    }
    assertEquals("histogram", text.families().get("livestorm_permit_wait_seconds").type());
    assertEquals(0.0, text.value("livestorm_permit_wait_seconds_bucket", "le", "+Inf"));
    assertEquals(
        0.0, text.value("livestorm_monthly_quota_remaining", "aggregate", "connections_low"));
    for (String state : new String[] {"queued", "running", "done", "failed"}) {
      assertEquals(0.0, text.value("livestorm_connect_export_jobs", "state", state));
    }
    assertEquals(
        1000.0,
        text.value("livestorm_connect_webhook_deliveries_total", "outcome", "rejected_signature"));
    assertEquals(
        3.0, text.value("livestorm_connect_webhook_deliveries_total", "outcome", "duplicate"));
    assertEquals(12.0, text.value("livestorm_connect_webhook_deliveries_last_day"));
    assertEquals(5400.0, text.value("livestorm_connect_webhook_lag_seconds"));
    assertEquals(2.0, text.value("livestorm_connect_webhook_inbox_pending"));
    assertEquals(1.0, text.value("livestorm_connect_webhook_subscriptions", "state", "active"));
    assertEquals(0.0, text.value("livestorm_connect_webhook_subscriptions", "state", "missing"));
    assertEquals(3.0, text.value("livestorm_connect_partner_queue_length"));
    assertEquals(90.0, text.value("livestorm_connect_partner_oldest_pending_seconds"));
    assertEquals(2.0, text.value("livestorm_connect_partner_failed"));
    assertEquals(1.8e9, text.value("livestorm_connect_partner_last_success_timestamp_seconds"));
    assertEquals("gauge", text.families().get("jvm_memory_used_bytes").type());
    assertTrue(
        text.samples().stream()
            .allMatch(
                s ->
                    s.labels().keySet().stream()
                        .noneMatch(
                            l ->
                                l.contains("connection")
                                    || l.contains("user")
                                    || l.contains("token"))),
        "a per-user label");
  }

  @Test
  void speaksOpenMetricsToAScraperThatAsksForIt() throws Exception {
    PrometheusMetrics metrics = metrics();
    String accept = "application/openmetrics-text; version=1.0.0,text/plain;q=0.5";
    assertTrue(
        metrics.contentType(accept).startsWith("application/openmetrics-text"),
        metrics.contentType(accept));
    assertTrue(scrape(metrics, accept).endsWith("# EOF\n"));
  }
}
