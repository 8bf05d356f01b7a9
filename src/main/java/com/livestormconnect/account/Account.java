package com.livestormconnect.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A user of the partner app (not a Livestorm user): who signs in here. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.byKey", query = "SELECT a FROM Account a WHERE a.usernameKey = :key")
@NamedQuery(name = "Account.firstId", query = "SELECT MIN(a.id) FROM Account a")
@NamedQuery(
    name = "Account.administrators",
    query = "SELECT COUNT(a) FROM Account a WHERE a.administrator = TRUE")
@NamedQuery(name = "Account.all", query = "SELECT a FROM Account a ORDER BY a.usernameKey")
public class Account {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String username;

  @Column(name = "username_key", nullable = false, length = 100, unique = true)
  private String usernameKey;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "administrator", nullable = false)
  private boolean administrator;

  protected Account() {}

  Account(String username, String passwordHash, Instant createdAt) {
    this.username = username;
    this.usernameKey = key(username);
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  /** The case-insensitive identity of a username. */
  static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** Made an administrator with the setup code or by another administrator (stored). */
  public boolean isAdministrator() {
    return administrator;
  }

  void setAdministrator(boolean administrator) {
    this.administrator = administrator;
  }

  @Override
  public String toString() {
    return "Account[id=" + id + ", username=" + username + "]";
  }
}
