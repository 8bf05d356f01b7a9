package com.livestormconnect.livestorm;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged Livestorm list as a lazy stream: a page is fetched only when the stream
 * reaches it and dropped once consumed, so a 20,000-person export holds one page in memory. Pass a
 * fetch that calls the client through its CDI proxy (so each page is a rate-limited call) with
 * {@link LivestormClient#MAX_PAGE_SIZE}.
 */
public final class AllPages {
  /** Told after each page: pages fetched so far and the page count Livestorm announced. */
  @FunctionalInterface
  public interface Progress {
    void pageDone(int pagesDone, int pageCount, long recordCount);
  }

  private AllPages() {}

  public static <T> Stream<T> stream(IntFunction<Page<T>> fetch, Progress progress) {
    Iterator<T> items =
        new Iterator<>() {
          private Iterator<T> current = java.util.Collections.emptyIterator();
          private int nextPage = 0;
          private boolean done;

          @Override
          public boolean hasNext() {
            while (!current.hasNext() && !done) {
              Page<T> page = fetch.apply(nextPage);
              current = page.items().iterator();
              progress.pageDone(
                  nextPage + 1,
                  Math.max(page.meta().pageCount(), nextPage + 1),
                  page.meta().recordCount());
              // Never past page_count: Livestorm answers 400 for a page that does not exist.
              done =
                  page.meta().isLast()
                      || page.items().isEmpty()
                      || nextPage + 1 >= page.meta().pageCount();
              nextPage++;
            }
            return current.hasNext();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
  }
}
