package com.livestormconnect.sandbox.oauth;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Livestorm's ten OAuth scopes, their combination rules (partner guide, "OAuth2 scopes") and what
 * each grants. {@code full:write} stands alone; {@code full:read} only goes with individual {@code
 * :write} scopes; {@code X:write} includes {@code X:read}.
 */
public final class LivestormScopes {
  private static final Map<String, String> PLAIN_WORDS = new LinkedHashMap<>();

  static {
    PLAIN_WORDS.put("identity:read", "See your Livestorm profile and the name of your workspace");
    PLAIN_WORDS.put("identity:write", "Change your Livestorm profile and your workspace details");
    PLAIN_WORDS.put("events:read", "See your events and sessions, who registered and who attended");
    PLAIN_WORDS.put(
        "events:write", "Create, change and delete events and sessions, and register people");
    PLAIN_WORDS.put("admin:read", "See your team members and your workspace settings");
    PLAIN_WORDS.put("admin:write", "Invite and remove team members and change workspace settings");
    PLAIN_WORDS.put("webhooks:read", "See the webhooks of your workspace");
    PLAIN_WORDS.put(
        "webhooks:write", "Create and delete webhooks that send your Livestorm data elsewhere");
    PLAIN_WORDS.put("full:read", "See everything in your Livestorm workspace");
    PLAIN_WORDS.put("full:write", "See and change everything in your Livestorm workspace");
  }

  private LivestormScopes() {}

  /** Space-separated scopes, in order, without duplicates. */
  public static List<String> parse(String raw) {
    if (raw == null) {
      return List.of();
    }
    return Arrays.stream(raw.trim().split("\\s+")).filter(s -> !s.isEmpty()).distinct().toList();
  }

  public static String plainWords(String scope) {
    return PLAIN_WORDS.getOrDefault(scope, scope);
  }

  /**
   * Whether the client may ask for these scopes: all registered, and combined as the guide allows.
   */
  public static boolean acceptable(List<String> requested, Collection<String> registered) {
    if (requested.isEmpty()
        || !registered.containsAll(requested)
        || !PLAIN_WORDS.keySet().containsAll(requested)) {
      return false;
    }
    if (requested.contains("full:write")) {
      return requested.size() == 1;
    }
    if (requested.contains("full:read")) {
      return requested.stream()
          .allMatch(s -> s.equals("full:read") || (s.endsWith(":write") && !s.startsWith("full:")));
    }
    return true;
  }

  /**
   * Whether granted scopes allow reading (or writing) in an area: identity, events, admin,
   * webhooks.
   */
  public static boolean allow(Collection<String> granted, String area, boolean write) {
    return granted.contains("full:write")
        || (!write && granted.contains("full:read"))
        || granted.contains(area + ":write")
        || (!write && granted.contains(area + ":read"));
  }
}
