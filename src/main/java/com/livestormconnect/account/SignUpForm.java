package com.livestormconnect.account;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a visitor typed on the sign-up form, and what is wrong with it (message keys). */
public record SignUpForm(String username, String password) {
  public static final int MIN_PASSWORD = 10;
  // PBKDF2 cost grows with input; a cap keeps a huge password from being a cheap denial of service.
  public static final int MAX_PASSWORD = 200;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{2,59}");

  public static SignUpForm of(String username, String password) {
    return new SignUpForm(
        username == null ? "" : username.trim(), password == null ? "" : password);
  }

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!USERNAME.matcher(username).matches()) {
      problems.add("signup.error.username");
    }
    if (password.length() < MIN_PASSWORD) {
      problems.add("signup.error.passwordShort");
    } else if (password.length() > MAX_PASSWORD) {
      problems.add("signup.error.passwordLong");
    }
    return problems;
  }

  @Override
  public String toString() {
    return "SignUpForm[username=" + username + ", password=<redacted>]";
  }
}
