package com.livestormconnect.sandbox.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Livestorm's pagination: {@code page[number]} from 0, {@code page[size]} 20 by default and at most
 * 50 (larger sizes are clamped, as the documented maximum suggests), and a meta block with all six
 * keys. A page number past the last page is a 400, as Livestorm documents ("a page number that does
 * not exist"); page 0 of an empty list is an empty 200 (see {@code EMPTY_LIST} in {@code
 * SandboxVariants} for the other reading).
 */
public record Page(int number, int size) {
  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 50;

  /** Parses the query values; null when either is not a whole number in range. */
  public static Page parse(String number, String size) {
    try {
      int n = number == null || number.isBlank() ? 0 : Integer.parseInt(number.trim());
      int s = size == null || size.isBlank() ? DEFAULT_SIZE : Integer.parseInt(size.trim());
      return n < 0 || s < 1 ? null : new Page(n, Math.min(s, MAX_SIZE));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public <T> List<T> slice(List<T> all) {
    long from = (long) number * size;
    if (number == 0 && all.isEmpty()) {
      return List.of();
    }
    if (from >= all.size()) {
      throw pastTheEnd(all.size());
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + size));
  }

  /** The refusal of a page that does not exist, as a jsonapi-resources error. */
  public ApiError pastTheEnd(int recordCount) {
    int pageCount = (recordCount + size - 1) / size;
    return new ApiError(
        400,
        "Invalid page value",
        "page[number] "
            + number
            + " does not exist: there "
            + (pageCount == 1 ? "is 1 page" : "are " + pageCount + " pages")
            + " (numbered from 0)");
  }

  public Map<String, Object> meta(int recordCount) {
    int pageCount = (recordCount + size - 1) / size;
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("current_page", number);
    meta.put("previous_page", number == 0 ? null : number - 1);
    meta.put("next_page", number + 1 < pageCount ? number + 1 : null);
    meta.put("record_count", recordCount);
    meta.put("page_count", pageCount);
    meta.put("items_per_page", size);
    return meta;
  }
}
