package com.livestormconnect.sandbox.webhook;

import java.util.Map;
import java.util.Optional;

/**
 * A resource as the sandbox's API renders it (its JSON:API {@code data} object), so that a
 * delivery's body carries exactly what a GET would answer. Implemented by the API package, which
 * knows the shapes; declared here so that this package does not depend on it (the API depends on
 * this one for its URL check and the disabled subscriptions).
 */
public interface ResourceViews {
  Optional<Map<String, Object>> event(String eventId);

  Optional<Map<String, Object>> session(String sessionId);

  /** The person as one of the session's people, with its {@code registrant_detail}. */
  Optional<Map<String, Object>> person(String sessionId, String personId);
}
