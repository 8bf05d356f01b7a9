package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.SandboxVariants.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A list answered one {@link Page} at a time, with the empty-list variant. */
@ApplicationScoped
public class Pagination {
  @Inject SandboxVariants variants;

  /**
   * The page that {@code page[number]} and {@code page[size]} ask for; a 400 for values out of
   * range or a page that does not exist, and (variant) for page 0 of an empty list.
   */
  public <T> Response list(
      String number, String size, List<T> all, Function<T, Map<String, Object>> view) {
    Page page = Page.parse(number, size);
    if (page == null) {
      throw ApiError.badRequest("page[number] must be a whole number from 0 and page[size] from 1");
    }
    if (all.isEmpty() && variants.is(Variant.EMPTY_LIST, "bad_request")) {
      throw page.pastTheEnd(0);
    }
    return JsonApi.ok(JsonApi.list(page, all, view));
  }
}
