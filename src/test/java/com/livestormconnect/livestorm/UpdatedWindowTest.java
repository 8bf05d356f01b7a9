package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdatedWindowTest {
  @Test
  void theSinceIsRoundedDownAndTheUntilUpSoTheReadsOwnSecondIsIn() {
    Map<String, String> params =
        new UpdatedWindow(
                Instant.ofEpochSecond(1_000, 900_000_000), Instant.ofEpochSecond(2_000, 1))
            .addTo(new HashMap<>());
    assertEquals("1000", params.get("filter[updated_since]"));
    assertEquals("2001", params.get("filter[updated_until]"));
  }

  @Test
  void aWholeSecondStaysAsItIs() {
    Map<String, String> params =
        new UpdatedWindow(Instant.ofEpochSecond(1_000), Instant.ofEpochSecond(2_000))
            .addTo(new HashMap<>());
    assertEquals("1000", params.get("filter[updated_since]"));
    assertEquals("2000", params.get("filter[updated_until]"));
  }

  @Test
  void anOpenWindowAddsNoFilter() {
    assertTrue(UpdatedWindow.ALL.addTo(new HashMap<>()).isEmpty());
  }
}
