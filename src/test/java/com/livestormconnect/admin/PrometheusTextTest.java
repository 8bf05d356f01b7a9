package com.livestormconnect.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The test parser must refuse what Prometheus refuses, or the metrics test could not fail. */
class PrometheusTextTest {
  @Test
  void readsCountersGaugesAndHistograms() {
    PrometheusText text =
        PrometheusText.parse(
            """
        # HELP calls Calls.
        # TYPE calls counter
        calls_total 3.0
        # TYPE jobs gauge
        jobs{state="queued"} 0
        jobs{state="a \\"b\\" \\\\ c\\n"} 1e3
        # TYPE wait_seconds histogram
        wait_seconds_bucket{le="0.1"} 1
        wait_seconds_bucket{le="+Inf"} 2
        wait_seconds_count 2
        wait_seconds_sum 0.35
        """);
    assertEquals(3.0, text.value("calls_total"));
    assertEquals(1000.0, text.value("jobs", "state", "a \"b\" \\ c\n"));
    assertEquals(2.0, text.value("wait_seconds_count"));
  }

  @Test
  void refusesWhatPrometheusRefuses() {
    for (String bad :
        new String[] {
          "calls_total 1\n",
          "# TYPE calls counter\ncalls_total one\n",
          "# TYPE calls counter\ncalls_total 1\ncalls_total 2\n",
          "# TYPE calls counter\n# TYPE calls counter\n",
          "# TYPE jobs gauge\njobs{state=queued} 1\n",
          "# TYPE jobs gauge\njobs{state=\"a\\x\"} 1\n",
          "# TYPE 1jobs gauge\n",
          "# TYPE w histogram\nw_bucket{le=\"1\"} 2\nw_bucket{le=\"+Inf\"} 1\nw_count 1\n",
          "# TYPE w histogram\nw_bucket{le=\"1\"} 1\nw_count 1\n",
          "# TYPE calls counter\ncalls_total 1",
        }) {
      assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(bad), bad);
    }
  }
}
