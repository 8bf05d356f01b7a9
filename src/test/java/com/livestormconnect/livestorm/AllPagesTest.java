package com.livestormconnect.livestorm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllPagesTest {

  /** A list of {@code records} in pages of 2 whose meta (wrongly) always names a next page. */
  private static Page<Integer> page(int number, int records, List<Integer> asked) {
    asked.add(number);
    if (number * 2 >= records) {
      throw new LivestormException(
          LivestormException.Kind.REJECTED, "/x", 400, "page past the end");
    }
    List<Integer> items = new ArrayList<>();
    for (int i = number * 2; i < Math.min(records, number * 2 + 2); i++) {
      items.add(i);
    }
    int pages = (records + 1) / 2;
    return new Page<>(items, new PageMeta(number, null, number + 1, records, pages, 2));
  }

  @Test
  void neverAsksForAPageBeyondThePageCountLivestormAnnounced() {
    List<Integer> asked = new ArrayList<>();
    List<Integer> all = AllPages.stream(n -> page(n, 5, asked), (d, c, r) -> {}).toList();
    assertEquals(List.of(0, 1, 2, 3, 4), all);
    assertEquals(List.of(0, 1, 2), asked);
  }

  @Test
  void anEmptyListIsOneCall() {
    List<Integer> asked = new ArrayList<>();
    assertEquals(
        List.of(),
        AllPages.stream(
                n ->
                    n == 0
                        ? new Page<Integer>(List.of(), new PageMeta(0, null, null, 0, 0, 2))
                        : page(n, 0, asked),
                (d, c, r) -> {})
            .toList());
    assertEquals(List.of(), asked);
  }
}
