package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.PageMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * Page links for a list paged by Livestorm or by the local copy: the current page (numbered from 0,
 * as Livestorm does; templates show numbers from 1), a window of pages around it, and the first and
 * last.
 */
public record Paging(int current, int pageCount, long recordCount, List<Integer> window) {
  private static final int SPREAD = 2;

  public static Paging of(PageMeta meta) {
    return of(meta.currentPage(), meta.pageCount(), meta.recordCount());
  }

  /** Page {@code current} of a list paged on our side (the local copy's). */
  public static Paging of(int current, int pageCount, long recordCount) {
    int count = Math.max(1, pageCount);
    current = Math.min(Math.max(0, current), count - 1);
    List<Integer> window = new ArrayList<>();
    for (int p = Math.max(0, current - SPREAD); p <= Math.min(count - 1, current + SPREAD); p++) {
      window.add(p);
    }
    return new Paging(current, count, recordCount, List.copyOf(window));
  }

  public boolean hasPrevious() {
    return current > 0;
  }

  public boolean hasNext() {
    return current + 1 < pageCount;
  }

  public boolean showsFirst() {
    return !window.isEmpty() && window.get(0) > 0;
  }

  public boolean showsLast() {
    return !window.isEmpty() && window.get(window.size() - 1) < pageCount - 1;
  }

  public int last() {
    return pageCount - 1;
  }

  public boolean isSinglePage() {
    return pageCount <= 1;
  }
}
