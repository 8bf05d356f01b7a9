package com.livestormconnect.livestorm;

import com.nimbusds.oauth2.sdk.Scope;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The ten scopes of Livestorm's OAuth2 apps (partner guide, "OAuth2 scopes"). The plain-language
 * description and the dashboard features a scope enables are messages: {@code
 * scope.<group>.<access>.description} and {@code ...features}.
 */
public enum LivestormScope {
  IDENTITY_READ(Group.IDENTITY, Access.READ),
  IDENTITY_WRITE(Group.IDENTITY, Access.WRITE),
  EVENTS_READ(Group.EVENTS, Access.READ),
  EVENTS_WRITE(Group.EVENTS, Access.WRITE),
  ADMIN_READ(Group.ADMIN, Access.READ),
  ADMIN_WRITE(Group.ADMIN, Access.WRITE),
  WEBHOOKS_READ(Group.WEBHOOKS, Access.READ),
  WEBHOOKS_WRITE(Group.WEBHOOKS, Access.WRITE),
  FULL_READ(Group.FULL, Access.READ),
  FULL_WRITE(Group.FULL, Access.WRITE);

  /** The area of the API a scope opens, in the order the page shows them. */
  public enum Group {
    IDENTITY,
    EVENTS,
    ADMIN,
    WEBHOOKS,
    FULL;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public List<LivestormScope> scopes() {
      return Arrays.stream(LivestormScope.values()).filter(s -> s.group == this).toList();
    }
  }

  /** Read-only, or read and write (which includes read). */
  public enum Access {
    READ,
    WRITE
  }

  private final Group group;
  private final Access access;

  LivestormScope(Group group, Access access) {
    this.group = group;
    this.access = access;
  }

  /** The value sent to Livestorm, e.g. {@code events:read}. */
  public String value() {
    return group.key() + ":" + access.name().toLowerCase(Locale.ROOT);
  }

  public Group group() {
    return group;
  }

  public Access access() {
    return access;
  }

  public boolean isWrite() {
    return access == Access.WRITE;
  }

  /** The write scope of the same group, which includes this one when this one is a read scope. */
  public LivestormScope write() {
    return isWrite() ? this : valueOf(group.name() + "_WRITE");
  }

  public String descriptionKey() {
    return "scope." + group.key() + "." + access.name().toLowerCase(Locale.ROOT) + ".description";
  }

  public String featuresKey() {
    return "scope." + group.key() + "." + access.name().toLowerCase(Locale.ROOT) + ".features";
  }

  public static Optional<LivestormScope> of(String value) {
    return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
  }

  /**
   * Whether a grant lets us call {@code GET /me}: an identity scope, or a full one (full:read
   * includes every read scope, full:write every scope).
   */
  public static boolean allowsMe(Scope granted) {
    Set<LivestormScope> any = EnumSet.of(IDENTITY_READ, IDENTITY_WRITE, FULL_READ, FULL_WRITE);
    return granted != null && any.stream().anyMatch(s -> granted.contains(s.value()));
  }
}
