package com.livestormconnect.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordChecksTest {
  @Test
  void atMostTwoChecksRunAtOnceAndAThirdIsToldToTryAgain() {
    PasswordChecks checks = new PasswordChecks(PasswordChecks.CONCURRENT, Duration.ofMillis(10));
    Optional<PasswordChecks.Slot> first = checks.enter();
    Optional<PasswordChecks.Slot> second = checks.enter();
    assertTrue(first.isPresent() && second.isPresent());
    assertTrue(checks.enter().isEmpty());
    first.get().close();
    first.get().close();
    Optional<PasswordChecks.Slot> third = checks.enter();
    assertTrue(third.isPresent());
    assertTrue(checks.enter().isEmpty(), "closing a slot twice must free it once");
  }
}
