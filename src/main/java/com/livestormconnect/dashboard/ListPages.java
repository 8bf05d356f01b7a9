package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.LivestormException;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.PageMeta;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * One page of a Livestorm list for a dashboard page, where the asked page may no longer exist.
 * Livestorm answers 400 for a page number past the last one (pagination docs), so a stale link or a
 * list that shrank must not become an error: the page count last seen for this list (kept in the
 * HTTP session) keeps us from asking beyond it, and a 400 for a later page shows the last page with
 * a notice. Page 0 of an empty list may also be a 400 (unconfirmed); it reads as empty.
 */
final class ListPages {
  static final String PAST_THE_END = "paging.pastTheEnd";
  private static final String SEEN = ListPages.class.getName() + ".pageCounts";
  private static final int MAX_LISTS = 200;

  private ListPages() {}

  /**
   * Page {@code number} of the list named {@code list} (its URL with the filters), or empty when
   * Livestorm gave no answer (the problem is noted on {@code page}).
   */
  static <T> Optional<Page<T>> fetch(
      HttpServletRequest request,
      DashboardPage page,
      String list,
      int number,
      IntFunction<Page<T>> fetch) {
    Map<String, Integer> seen = seen(request);
    // Keys hold the user's filters: long ones are kept as a digest, so the session stays small.
    String key =
        list.length() <= 256
            ? list
            : java.util
                .UUID
                .nameUUIDFromBytes(list.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    Integer known = seen.get(key);
    boolean clamped = known != null && number > 0 && number >= known;
    Outcome<T> outcome = attempt(page, clamped ? Math.max(0, known - 1) : number, fetch);
    if (clamped && outcome.page() != null && outcome.page().meta().pageCount() > number) {
      outcome = attempt(page, number, fetch); // the list grew since we saw it: the page exists now
      clamped = false;
    }
    if (outcome.pastTheEnd()) {
      // Page 0 tells the page count, then the last page is shown instead of an error.
      Outcome<T> first = attempt(page, 0, fetch);
      int last = first.page() == null ? 0 : Math.max(0, first.page().meta().pageCount() - 1);
      outcome = last == 0 ? first : attempt(page, last, fetch);
      clamped = true;
    }
    if (clamped && outcome.page() != null) {
      page.put("pagingNotice", PAST_THE_END);
    }
    Optional<Page<T>> answer = Optional.ofNullable(outcome.page());
    answer.ifPresent(
        p -> {
          if (seen.size() < MAX_LISTS || seen.containsKey(key)) {
            seen.put(key, p.meta().pageCount());
          }
        });
    return answer;
  }

  /** A page, or none: past the end (a 400 for a page after 0), or a failure noted on the page. */
  private record Outcome<T>(Page<T> page, boolean pastTheEnd) {}

  private static <T> Outcome<T> attempt(
      DashboardPage page, int number, IntFunction<Page<T>> fetch) {
    try {
      return new Outcome<>(fetch.apply(number), false);
    } catch (LivestormException e) {
      if (e.status() == 400) {
        // Page 0 of an empty list may be a 400 too: that reads as empty, not as an error.
        return number == 0 ? new Outcome<>(empty(), false) : new Outcome<>(null, true);
      }
      page.problems().note(e);
      return new Outcome<>(null, false);
    }
  }

  static <T> Page<T> empty() {
    return new Page<>(List.of(), new PageMeta(0, null, null, 0, 0, 0));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> seen(HttpServletRequest request) {
    HttpSession session = request.getSession();
    synchronized (SEEN) {
      Object existing = session.getAttribute(SEEN);
      if (existing == null) {
        existing = new ConcurrentHashMap<String, Integer>();
        session.setAttribute(SEEN, existing);
      }
      return (Map<String, Integer>) existing;
    }
  }
}
