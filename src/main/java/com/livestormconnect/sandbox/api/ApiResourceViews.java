package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.webhook.ResourceViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The API's own renderings ({@link Resources}) lent to the webhook deliveries, through the
 * interface their package declares, so that their bodies match a GET's and that package needs
 * nothing of this one.
 */
@ApplicationScoped
public class ApiResourceViews implements ResourceViews {
  @Inject Resources resources;

  @Override
  public Optional<Map<String, Object>> event(String eventId) {
    return resources.event(eventId);
  }

  @Override
  public Optional<Map<String, Object>> session(String sessionId) {
    return resources.session(sessionId);
  }

  @Override
  public Optional<Map<String, Object>> person(String sessionId, String personId) {
    return resources.person(sessionId, personId);
  }
}
