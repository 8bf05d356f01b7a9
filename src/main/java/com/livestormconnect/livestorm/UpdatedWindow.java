package com.livestormconnect.livestorm;

import java.time.Instant;
import java.util.Map;

/**
 * Which changes a list asks for: {@code filter[updated_since]} and {@code filter[updated_until]} in
 * unix seconds, each left out when null. Livestorm documents them only through third-party clients,
 * so a reader must be right when they are ignored (it then gets every row). Timestamps are whole
 * seconds and an until may be exclusive: the since is rounded down and the until up, so that a
 * change made in the second a read starts is in that read, not left to the next one.
 */
public record UpdatedWindow(Instant since, Instant until) {
  /** Every row. */
  public static final UpdatedWindow ALL = new UpdatedWindow(null, null);

  Map<String, String> addTo(Map<String, String> params) {
    if (since != null) {
      params.put("filter[updated_since]", Long.toString(since.getEpochSecond()));
    }
    if (until != null) {
      long seconds = until.getEpochSecond() + (until.getNano() > 0 ? 1 : 0);
      params.put("filter[updated_until]", Long.toString(seconds));
    }
    return params;
  }
}
