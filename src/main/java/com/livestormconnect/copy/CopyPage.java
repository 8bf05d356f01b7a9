package com.livestormconnect.copy;

import java.time.Instant;
import java.util.List;

/**
 * One page of a list read from the copy, paged on our side: {@code total} rows match, this is page
 * {@code page} (from 0) of {@code size}.
 */
public record CopyPage<T>(List<T> items, long total, int page, int size, Instant asOf) {
  public CopyPage {
    items = List.copyOf(items);
  }

  public int pageCount() {
    return size <= 0 ? 0 : (int) ((total + size - 1) / size);
  }
}
