package com.livestormconnect.dashboard;

import com.livestormconnect.dashboard.export.Csv;
import com.livestormconnect.dashboard.export.Exports;
import com.livestormconnect.livestorm.LivestormException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A session's people as CSV: streamed whole to the response ({@code GET
 * /sessions/{id}/people.csv}), or written by a background export whose progress page the browser is
 * sent to ({@code POST}).
 */
@Dependent
class PeopleDownload {
  @Inject Exports exports;

  void stream(ItemPage item) throws IOException {
    HttpServletResponse response = item.response();
    if (!item.page().problems().isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_GATEWAY);
      return;
    }
    String id = item.id();
    response.setContentType(Csv.CONTENT_TYPE);
    response.setHeader("Content-Disposition", "attachment; filename=\"people-" + id + ".csv\"");
    try {
      exports.write(
          item.page().accountId(), id, response.getWriter(), (done, count, records) -> {});
    } catch (LivestormException e) {
      // Headers are gone already: cut the download short so that it cannot pass for complete.
      throw new IOException("Export of session " + id + " stopped: " + e.kind(), e);
    }
  }

  /** Starts the export, or says on the session's page why it cannot start now. */
  void start(ItemPage item) throws IOException {
    Exports.Started started = exports.start(item.page().accountId(), item.id());
    if (started.job().isPresent()) {
      item.redirect("/exports/" + started.job().get().id(), null);
    } else {
      item.redirectToItem("", started.refusalKey().orElseThrow());
    }
  }
}
