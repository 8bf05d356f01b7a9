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
 * sent to ({@code POST}). Both read the local copy when it holds every person of the session (the
 * download's {@code Last-Modified} and the export's page say as of when), unless {@code live=1}
 * asks for Livestorm's own answer.
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
    long accountId = item.page().accountId();
    boolean live = "1".equals(item.request().getParameter("live"));
    if (!live) {
      // From the copy: the file is as of when the copy had read every person of the session.
      exports
          .copyAsOf(accountId, id)
          .ifPresent(asOf -> response.setDateHeader("Last-Modified", asOf.toEpochMilli()));
    }
    response.setContentType(Csv.CONTENT_TYPE);
    response.setHeader("Content-Disposition", "attachment; filename=\"people-" + id + ".csv\"");
    try {
      exports.write(accountId, id, live, response.getWriter(), (done, count, records) -> {});
    } catch (LivestormException e) {
      // Headers are gone already: cut the download short so that it cannot pass for complete.
      throw new IOException("Export of session " + id + " stopped: " + e.kind(), e);
    }
  }

  /** Starts the export, or says on the session's page why it cannot start now. */
  void start(ItemPage item) throws IOException {
    boolean live = "1".equals(item.request().getParameter("live"));
    Exports.Started started = exports.start(item.page().accountId(), item.id(), live);
    if (started.job().isPresent()) {
      item.redirect("/exports/" + started.job().get().id(), null);
    } else {
      item.redirectToItem("", started.refusalKey().orElseThrow());
    }
  }
}
