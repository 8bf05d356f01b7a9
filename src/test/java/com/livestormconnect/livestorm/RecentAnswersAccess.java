package com.livestormconnect.livestorm;

import java.time.Duration;

/** Builds {@link RecentAnswers} outside CDI for tests of other packages. */
public final class RecentAnswersAccess {
  private RecentAnswersAccess() {}

  public static RecentAnswers withTtl(Duration ttl) {
    return new RecentAnswers(ttl);
  }
}
