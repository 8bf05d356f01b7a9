package com.livestormconnect.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row of {@code admin_setup}: the hash of the cluster's pending setup code, if any, and
 * which node's file holds the code. Locked by whoever reads or changes it, and by the creation of
 * an administrator account.
 */
@Entity
@Table(name = "admin_setup")
public class SetupCode {
  static final int ROW = 1;

  @Id private Integer id;

  @Column(name = "code_hash", length = 64)
  private String codeHash;

  @Column(name = "holder", length = 1000)
  private String holder;

  protected SetupCode() {}

  String getCodeHash() {
    return codeHash;
  }

  String getHolder() {
    return holder;
  }

  void pending(String codeHash, String holder) {
    this.codeHash = codeHash;
    this.holder = holder;
  }

  void spent() {
    this.codeHash = null;
  }
}
