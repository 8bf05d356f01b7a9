package com.livestormconnect.livestorm;

import jakarta.json.JsonObject;

/**
 * Livestorm's pagination meta: pages are numbered from 0, {@code nextPage} is null on the last
 * page. Older documents only carry some keys; missing ones are derived from what is there.
 */
public record PageMeta(
    int currentPage,
    Integer previousPage,
    Integer nextPage,
    long recordCount,
    int pageCount,
    int itemsPerPage) {

  static PageMeta from(JsonObject meta, int itemsOnPage) {
    int current = orElse(JsonApi.integer(meta, "current_page"), 0);
    int perPage = orElse(JsonApi.integer(meta, "items_per_page"), itemsOnPage);
    long records = orElse(JsonApi.integer(meta, "record_count"), itemsOnPage);
    int pages =
        orElse(
            JsonApi.integer(meta, "page_count"),
            perPage == 0 ? 0 : (int) ((records + perPage - 1) / perPage));
    Integer previous = JsonApi.integer(meta, "previous_page");
    Integer next =
        meta.containsKey("next_page")
            ? JsonApi.integer(meta, "next_page")
            : (current + 1 < pages ? current + 1 : null);
    return new PageMeta(current, previous, next, records, pages, perPage);
  }

  private static int orElse(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  public boolean isLast() {
    return nextPage == null;
  }
}
