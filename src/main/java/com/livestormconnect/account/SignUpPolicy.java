package com.livestormconnect.account;

import java.util.Optional;

/**
 * Who may post the sign-up form: everyone while SIGNUP=open; when closed, only someone creating the
 * first administrator with the setup code (whether the code is right is checked afterwards).
 */
record SignUpPolicy(boolean signupOpen) {
  /** The message key of the refusal, or empty when the post may go on. */
  Optional<String> refusal(boolean withSetupCode) {
    return signupOpen || withSetupCode ? Optional.empty() : Optional.of("signup.closed");
  }
}
