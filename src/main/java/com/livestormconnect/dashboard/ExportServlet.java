package com.livestormconnect.dashboard;

import com.livestormconnect.dashboard.export.Csv;
import com.livestormconnect.dashboard.export.ExportJob;
import com.livestormconnect.dashboard.export.Exports;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /exports/{id}}: an export job's progress (the page reloads itself while it runs), then its
 * download link; {@code /exports/{id}/people.csv}: the finished file. Someone else's job is a 404,
 * the same answer as a job that never existed.
 */
@WebServlet("/exports/*")
public class ExportServlet extends HttpServlet {
  /** Seconds between reloads of a running job's page. */
  static final int REFRESH_SECONDS = 2;

  @Inject DashboardPages pages;

  @Inject Exports exports;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<SubPath> path = SubPath.parse(request.getPathInfo());
    DashboardPage page = pages.open(request);
    Optional<ExportJob> job = path.flatMap(p -> exports.find(page.accountId(), p.id()));
    String action = path.map(SubPath::action).orElse("");
    if (job.isEmpty() || !(action.isEmpty() || action.equals("people.csv"))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (action.equals("people.csv")) {
      download(response, job.get());
      return;
    }
    Long left = job.get().secondsLeft(Instant.now());
    // One reading of the state for the page's data-state and its reload: a job that ends while the
    // page renders must not show "done" with a reload (or "running" without one).
    ExportJob.State state = job.get().state();
    page.put("job", job.get())
        .put("secondsLeft", left)
        .put("state", state)
        .put(
            "refreshSeconds",
            state == ExportJob.State.RUNNING || state == ExportJob.State.QUEUED
                ? REFRESH_SECONDS
                : null);
    pages.render(request, response, "exports/export", page);
  }

  private static void download(HttpServletResponse response, ExportJob job) throws IOException {
    if (!job.isDone() || !Files.isRegularFile(job.file())) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(Csv.CONTENT_TYPE);
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"people-" + job.sessionId() + ".csv\"");
    response.setContentLengthLong(Files.size(job.file()));
    Files.copy(job.file(), response.getOutputStream());
  }
}
