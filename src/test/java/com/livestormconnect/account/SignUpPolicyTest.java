package com.livestormconnect.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignUpPolicyTest {
  @Test
  void closedSignUpRefusesEveryoneButTheFirstAdministratorWithTheSetupCode() {
    SignUpPolicy closed = new SignUpPolicy(false);
    assertEquals(Optional.of("signup.closed"), closed.refusal(false));
    assertTrue(closed.refusal(true).isEmpty());
  }

  @Test
  void openSignUpRefusesNobody() {
    SignUpPolicy open = new SignUpPolicy(true);
    assertTrue(open.refusal(false).isEmpty());
    assertTrue(open.refusal(true).isEmpty());
  }
}
