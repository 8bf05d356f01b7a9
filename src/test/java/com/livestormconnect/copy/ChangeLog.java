package com.livestormconnect.copy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** In CopyIT's deployment: every {@link CopyChanged} observed, as a partner's code would. */
@ApplicationScoped
public class ChangeLog {
  private final List<CopyChanged> seen = new CopyOnWriteArrayList<>();

  void observe(@Observes CopyChanged change) {
    seen.add(change);
  }

  List<CopyChanged> of(long accountId) {
    return seen.stream().filter(c -> c.accountId() == accountId).toList();
  }
}
