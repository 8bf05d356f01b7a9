package com.livestormconnect.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Audit trail of a connection's life. It outlives the connection row (no foreign key to it), so a
 * disconnection stays on record. The cause is our own short text, never a token or a server body.
 */
@Entity
@Table(name = "connection_event")
@NamedQuery(
    name = "ConnectionEvent.ofAccount",
    query =
        "SELECT e FROM ConnectionEvent e WHERE e.accountId = :accountId ORDER BY e.occurredAt DESC, e.id DESC")
public class ConnectionEvent {
  /** What happened to the connection. */
  public enum Kind {
    CONNECTED,
    REFRESHED,
    REFRESH_FAILED,
    NEEDS_RECONNECT,
    DISCONNECTED
  }

  static final int MAX_CAUSE = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "connection_id", nullable = false, length = 36)
  private String connectionId;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(length = MAX_CAUSE)
  private String cause;

  protected ConnectionEvent() {}

  ConnectionEvent(
      String connectionId, long accountId, Instant occurredAt, Kind kind, String cause) {
    this.connectionId = connectionId;
    this.accountId = accountId;
    this.occurredAt = occurredAt;
    this.kind = kind;
    this.cause =
        cause == null || cause.length() <= MAX_CAUSE ? cause : cause.substring(0, MAX_CAUSE);
  }

  public Kind getKind() {
    return kind;
  }

  public String getCause() {
    return cause;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  @Override
  public String toString() {
    return "ConnectionEvent[" + kind + " of " + connectionId + " at " + occurredAt + "]";
  }
}
