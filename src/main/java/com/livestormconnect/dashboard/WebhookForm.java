package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Webhook;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A new webhook as typed: an https URL (Livestorm sends people's data there, so never in clear
 * text) with a host, and one of the event names Livestorm documents.
 */
public record WebhookForm(String url, String event) {
  static final int MAX_URL = 2000;
  public static final WebhookForm BLANK = new WebhookForm("", Webhook.EVENTS.get(0));

  static WebhookForm from(HttpServletRequest request) {
    String url = request.getParameter("url");
    String event = request.getParameter("event");
    return new WebhookForm(url == null ? "" : url.strip(), event == null ? "" : event.strip());
  }

  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (url.isEmpty()) {
      errors.put("url", "webhooks.error.urlMissing");
    } else if (!isHttpsUrl(url)) {
      errors.put("url", "webhooks.error.https");
    }
    if (!Webhook.EVENTS.contains(event)) {
      errors.put("event", "webhooks.error.event");
    }
    return errors;
  }

  static boolean isHttpsUrl(String value) {
    if (value.length() > MAX_URL) {
      return false;
    }
    try {
      URI uri = new URI(value);
      return "https".equals(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))
          && uri.getHost() != null
          && !uri.getHost().isBlank()
          && uri.getUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
