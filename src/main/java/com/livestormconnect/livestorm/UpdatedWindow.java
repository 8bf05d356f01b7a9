package com.livestormconnect.livestorm;

import java.time.Instant;
import java.util.Map;

/**
 * Which changes a list asks for: {@code filter[updated_since]} and {@code filter[updated_until]} in
 * unix seconds, each left out when null. Livestorm documents them only through third-party clients,
 * so a reader must be right when they are ignored (it then gets every row).
 */
public record UpdatedWindow(Instant since, Instant until) {
  /** Every row. */
  public static final UpdatedWindow ALL = new UpdatedWindow(null, null);

  Map<String, String> addTo(Map<String, String> params) {
    if (since != null) {
      params.put("filter[updated_since]", Long.toString(since.getEpochSecond()));
    }
    if (until != null) {
      params.put("filter[updated_until]", Long.toString(until.getEpochSecond()));
    }
    return params;
  }
}
