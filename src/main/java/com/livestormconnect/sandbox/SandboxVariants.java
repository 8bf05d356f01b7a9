package com.livestormconnect.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the real Livestorm's behaviour is uncertain, the sandbox can behave either way. Each
 * variant starts from its setting (environment variable or system property of that name), or the
 * most likely behaviour when unset, and a test can switch it at run time through {@code POST
 * /sandbox/control/variants}, so that one deployment exercises every variant.
 */
@ApplicationScoped
public class SandboxVariants {

  /**
   * One uncertain behaviour: its setting's name, the values it takes, the first being the default.
   */
  public enum Variant {
    /**
     * GET /organization answers the connected user with the organization in included, or the
     * organization itself.
     */
    ORGANIZATION("SANDBOX_ORGANIZATION_SHAPE", "user", "organization"),
    /** Page 0 of an empty list: 200 with no items, or 400 like any page past the end. */
    EMPTY_LIST("SANDBOX_EMPTY_LIST", "ok", "bad_request"),
    /** Authorization errors shown on the sandbox's page (Doorkeeper's :render), or redirected. */
    AUTHORIZE_ERRORS("SANDBOX_AUTHORIZE_ERRORS", "render", "redirect"),
    /** A valid token without the scope: 403 (Doorkeeper's default), or 401 insufficient_scope. */
    MISSING_SCOPE("SANDBOX_MISSING_SCOPE", "403", "401"),
    /** The old refresh token dies when the new access token is first used, or at once. */
    REFRESH_ROTATION("SANDBOX_REFRESH_ROTATION", "on_use", "immediate"),
    /**
     * The token answers the scopes asked for, or every scope the client is registered with (an
     * authorization server may grant more than asked: RFC 6749 §3.3 only obliges it to say so).
     */
    GRANTED_SCOPE("SANDBOX_GRANTED_SCOPE", "as_asked", "broader"),
    /**
     * Webhook deliveries carry Livestorm's signature header (as subscriptions made through the API
     * do), or none (as those made in Livestorm's own app).
     */
    WEBHOOK_SIGNATURE("SANDBOX_WEBHOOK_SIGNATURE", "sha256", "none"),
    /** GET /webhooks still lists a subscription disabled by failed deliveries, or leaves it out. */
    DISABLED_WEBHOOKS("SANDBOX_DISABLED_WEBHOOKS", "listed", "hidden"),
    /**
     * The time filters of the lists ({@code filter[updated_since]}, {@code [updated_until]}, {@code
     * [created_since]}, {@code [created_until]}) are honoured, or unknown to the server: ignored
     * without a look at their values, so every list comes whole.
     */
    UPDATED_SINCE("SANDBOX_UPDATED_SINCE", "honoured", "ignored");

    private final String setting;
    private final List<String> values;

    Variant(String setting, String... values) {
      this.setting = setting;
      this.values = List.of(values);
    }

    public String setting() {
      return setting;
    }

    public List<String> choices() {
      return values;
    }

    /** The name tests and the control use: the enum name in lower case. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    String initial() {
      String configured = System.getProperty(setting);
      if (configured == null) {
        configured = System.getenv(setting);
      }
      return configured != null && this.values.contains(configured.trim())
          ? configured.trim()
          : values.get(0);
    }
  }

  private final Map<Variant, String> current = new ConcurrentHashMap<>();

  public String value(Variant variant) {
    return current.computeIfAbsent(variant, Variant::initial);
  }

  public boolean is(Variant variant, String value) {
    return value(variant).equals(value);
  }

  /** Switches a variant by its key; an unknown key or value is refused, naming what is allowed. */
  public void set(String key, String value) {
    Variant variant = null;
    for (Variant v : Variant.values()) {
      if (v.key().equals(key)) {
        variant = v;
      }
    }
    if (variant == null) {
      throw new IllegalArgumentException("Unknown variant " + key + "; known: " + all().keySet());
    }
    if (!variant.choices().contains(value)) {
      throw new IllegalArgumentException("Variant " + key + " takes one of " + variant.choices());
    }
    current.put(variant, value);
  }

  /** Every variant back to its setting (or default). */
  public void reset() {
    current.clear();
  }

  public Map<String, String> all() {
    Map<String, String> all = new LinkedHashMap<>();
    for (Variant v : Variant.values()) {
      all.put(v.key(), value(v));
    }
    return all;
  }
}
