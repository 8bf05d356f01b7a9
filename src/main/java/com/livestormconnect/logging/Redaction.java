package com.livestormconnect.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log, whoever wrote the record (the app, a library, the server):
 * OAuth parameters and JSON fields carrying tokens, codes, secrets or passwords, bearer and basic
 * credentials, and e-mail addresses. The app itself never logs these; this is the net under it.
 */
final class Redaction {
  static final String MASK = "<redacted>";

  private static final String NAMES =
      "access_token|refresh_token|id_token|token|code|code_verifier"
          + "|client_secret|secret|password|consent_token|state";

  /**
   * {@code name=value} (URLs, form bodies) and {@code "name":"value"} (JSON) for every sensitive
   * name.
   */
  private static final Pattern PARAMETER =
      Pattern.compile(
          "(?i)(\\b(?:" + NAMES + ")=|\"(?:" + NAMES + ")\"\\s*:\\s*\"?)([^\\s\"&,;}\\]]+)");

  /** {@code name: value} in prose, for the names that cannot mean anything else. */
  private static final Pattern PROSE =
      Pattern.compile(
          "(?i)(\\b(?:access_token|refresh_token|id_token|code_verifier|client_secret|password)\\s*:\\s*)(\\S+)");

  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  /** Text without any of these cannot hold anything to mask (most records): skip the patterns. */
  private static final Pattern WORTH_A_LOOK = Pattern.compile("[=:@]|(?i)bearer|basic");

  private Redaction() {}

  static String apply(String text) {
    if (text == null || text.isEmpty() || !WORTH_A_LOOK.matcher(text).find()) {
      return text;
    }
    String masked =
        PARAMETER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    masked = PROSE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    masked =
        AUTHORIZATION
            .matcher(masked)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
    return EMAIL.matcher(masked).replaceAll(MASK);
  }
}
