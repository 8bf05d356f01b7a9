package com.livestormconnect.sandbox.api;

import java.util.Map;

/** What a handler answers: a status and a JSON:API document (null for 204). */
public record Reply(int status, Map<String, Object> document) {
  public static Reply ok(Map<String, Object> document) {
    return new Reply(200, document);
  }

  public static Reply created(Map<String, Object> document) {
    return new Reply(201, document);
  }

  public static Reply noContent() {
    return new Reply(204, null);
  }
}
