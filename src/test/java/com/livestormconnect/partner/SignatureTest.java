package com.livestormconnect.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureTest {
  /**
   * The test vector published with the Standard Webhooks specification (spec/standard-webhooks).
   */
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final Instant TIMESTAMP = Instant.ofEpochSecond(1614265330);
  private static final String BODY = "{\"test\": 2432232314}";

  @Test
  void matchesTheSpecificationsTestVector() {
    assertEquals(
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        new Signature(SECRET).sign(ID, TIMESTAMP, BODY));
  }

  @Test
  void coversTheIdTheTimestampAndTheBody() {
    String signed = new Signature(SECRET).sign(ID, TIMESTAMP, BODY);
    assertNotEquals(signed, new Signature(SECRET).sign(ID + "x", TIMESTAMP, BODY));
    assertNotEquals(signed, new Signature(SECRET).sign(ID, TIMESTAMP.plusSeconds(1), BODY));
    assertNotEquals(signed, new Signature(SECRET).sign(ID, TIMESTAMP, BODY + " "));
  }
}
