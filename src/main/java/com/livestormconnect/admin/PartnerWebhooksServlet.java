package com.livestormconnect.admin;

import com.livestormconnect.config.PartnerSettings;
import com.livestormconnect.partner.FailedMessage;
import com.livestormconnect.partner.PartnerForwarding;
import com.livestormconnect.partner.PartnerHealth;
import com.livestormconnect.web.Templates;
import com.livestormconnect.web.TimeFormat;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forwarding to the partner's service, for administrators (web.xml restricts /admin/*): where it
 * goes, the queue's health over every node, and the messages kept as failed, each with a button to
 * send it again (POST with the CSRF token, {@code action=replay} and its {@code id}, or {@code
 * action=replay-all}). Never a message's body or the secret.
 */
@WebServlet("/admin/partner-webhooks")
public class PartnerWebhooksServlet extends HttpServlet {
  static final int LISTED = 100;

  /** One failed message as the table shows it. */
  public record Row(FailedMessage message, String createdAt, String lastAttemptAt) {}

  @Inject Templates templates;

  @Inject PartnerSettings settings;

  @Inject PartnerForwarding forwarding;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String action = request.getParameter("action");
    String notice;
    if ("replay".equals(action) && request.getParameter("id") != null) {
      notice = forwarding.replay(request.getParameter("id")) ? "replayed" : "replay-gone";
    } else if ("replay-all".equals(action)) {
      notice = "replayed-" + forwarding.replayAllFailed();
    } else {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location", request.getContextPath() + "/admin/partner-webhooks?done=" + notice);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    TimeFormat time = TimeFormat.of(request);
    PartnerHealth health = forwarding.health();
    List<Row> rows =
        forwarding.failedMessages(LISTED).stream()
            .map(
                m ->
                    new Row(
                        m,
                        time.dateTimeSeconds(m.createdAt()),
                        m.lastAttemptAt().map(time::dateTimeSeconds).orElse("")))
            .toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("enabled", settings.enabled());
    model.put("url", settings.url().map(Object::toString).orElse(""));
    model.put("health", health);
    model.put(
        "oldestPending",
        health.oldestPendingAge().map(d -> time.duration(d.toSeconds())).orElse(""));
    model.put("lastSuccess", health.lastSuccess().map(time::dateTimeSeconds).orElse(""));
    model.put("rows", rows);
    model.put("zone", time.zoneName());
    model.put("notice", notice(request.getParameter("done")));
    model.put("replayedCount", replayedCount(request.getParameter("done")));
    templates.render(request, response, "admin/partner-webhooks", model);
  }

  /** The message key for the outcome this page was redirected with; empty when none. */
  private static String notice(String done) {
    if (done == null) {
      return "";
    }
    if (done.equals("replayed")) {
      return "admin.partner.replayed";
    }
    if (done.equals("replay-gone")) {
      return "admin.partner.replayGone";
    }
    return done.matches("replayed-\\d{1,9}") ? "admin.partner.replayedAll" : "";
  }

  private static int replayedCount(String done) {
    return done != null && done.matches("replayed-\\d{1,9}")
        ? Integer.parseInt(done.substring("replayed-".length()))
        : 0;
  }
}
