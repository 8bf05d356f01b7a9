package com.livestormconnect.sandbox.data;

import java.util.Optional;

/**
 * Values that break naive pages and exports, planted in the demo data on purpose: markup and
 * script, spreadsheet formulas (=, +, -, @ first), a right-to-left override (U+202E), emoji, and a
 * title over 300 characters. Anything that shows sandbox data must survive all of them.
 */
public final class HostileValues {
  private HostileValues() {}

  public static final String SCRIPT_TITLE = "<script>alert('sandbox')</script> Quarterly review";
  public static final String FORMULA_TITLE = "=HYPERLINK(\"https://evil.example\",\"Click me\")";
  public static final String RTL_TITLE = "Security update \u202Egnp.exe";
  public static final String EMOJI_TITLE = "\uD83D\uDE80 Launch week \uD83C\uDF89 Q&A";
  public static final String LONG_TITLE =
      "A very long webinar title that keeps going ".repeat(8).trim() + " and finally ends here";
  static final String MEMBER_FIRST_NAME = "<i>Nina</i>";
  static final String EVENT_DESCRIPTION =
      "<p>Join us!</p><img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">details</a>";
  static final Registration.Source SOURCE =
      new Registration.Source(
          "javascript:alert(3)",
          "<img src=x onerror=alert(4)>",
          "=1+2",
          "-cmd|' /C calc'!A0",
          "@SUM(1,1)",
          "+33 6 00 00 00 00");

  private static final String[][] PEOPLE = {
    {"<script>alert(\"person\")</script>", "Robert'); DROP TABLE people;--"},
    {"=HYPERLINK(\"https://evil.example\",\"x\")", "Formula"},
    {"+1 (555) 010-9999", "Plus"},
    {"-2+3", "Minus"},
    {"@SUM(A1:A9)", "At"},
    {"\u202Eevil", "Override"},
    {"Zo\u00EB \uD83C\uDF89", "\uD83D\uDE80 Emoji"},
    {"\u0645\u062D\u0645\u062F", "\u05DB\u05D4\u05DF"},
  };

  static Optional<String> eventTitle(int index) {
    return Optional.ofNullable(
        switch (index) {
          case 3 -> SCRIPT_TITLE;
          case 7 -> FORMULA_TITLE;
          case 11 -> "+SUM(1,2) Growth tactics";
          case 15 -> "-2+3 Onboarding clinic";
          case 19 -> "@SUM(A1:A9) Partner office hours";
          case 23 -> RTL_TITLE;
          case 27 -> EMOJI_TITLE;
          case 31 -> LONG_TITLE;
          case 35 -> "<b>Bold</b> & \"quoted\" <img src=x onerror=alert(1)>";
          default -> null;
        });
  }

  /** First and last name for the n-th generated person when it is one of the hostile ones. */
  static String[] person(int n) {
    // Spread them: some in the large session (n <= 5,200), the rest across the others.
    int slot = n % 1_000 == 17 ? (n / 1_000) % PEOPLE.length : -1;
    return slot < 0 ? null : PEOPLE[slot];
  }
}
