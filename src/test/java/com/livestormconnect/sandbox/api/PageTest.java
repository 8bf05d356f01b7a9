package com.livestormconnect.sandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {
  private static final List<Integer> ITEMS = IntStream.range(0, 25).boxed().toList();

  @Test
  void defaultsToFirstPageOfTwentyAsInTheDocsExample() {
    Page page = Page.parse(null, null);
    assertEquals(new Page(0, 20), page);
    assertEquals(
        Map.of(
            "current_page",
            0,
            "next_page",
            1,
            "record_count",
            25,
            "page_count",
            2,
            "items_per_page",
            20),
        withoutNulls(page.meta(25)));
    assertNull(page.meta(25).get("previous_page"));
    assertEquals(20, page.slice(ITEMS).size());
  }

  @Test
  void clampsTheSizeTo50() {
    assertEquals(50, Page.parse("0", "500").size());
  }

  @Test
  void lastPageHasNoNextAndAPageBeyondIsA400() {
    Page last = Page.parse("1", "20");
    assertNull(last.meta(25).get("next_page"));
    assertEquals(0, last.meta(25).get("previous_page"));
    assertEquals(List.of(20, 21, 22, 23, 24), last.slice(ITEMS));
    ApiError beyond = assertThrows(ApiError.class, () -> Page.parse("2", "20").slice(ITEMS));
    assertEquals(400, beyond.status());
    assertTrue(beyond.getMessage().contains("2 pages"), beyond.getMessage());
  }

  @Test
  void pageZeroOfAnEmptyListIsEmptyButPageOneIsA400() {
    assertEquals(List.of(), Page.parse("0", "20").slice(List.of()));
    assertEquals(
        400, assertThrows(ApiError.class, () -> Page.parse("1", "20").slice(List.of())).status());
  }

  @Test
  void rejectsNonNumbersAndNegativeValues() {
    assertNull(Page.parse("x", "20"));
    assertNull(Page.parse("-1", "20"));
    assertNull(Page.parse("0", "0"));
  }

  @Test
  void emptyListHasNoPages() {
    Map<String, Object> meta = Page.parse(null, null).meta(0);
    assertEquals(0, meta.get("page_count"));
    assertNull(meta.get("next_page"));
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> meta) {
    Map<String, Object> copy = new java.util.HashMap<>(meta);
    copy.values().removeIf(java.util.Objects::isNull);
    return copy;
  }
}
