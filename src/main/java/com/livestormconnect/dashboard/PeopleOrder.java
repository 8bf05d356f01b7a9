package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Registrant;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The sortable columns of a session's people. Livestorm's people endpoints cannot sort, so the page
 * sorts the people it fetched (one page of Livestorm's list) and says so.
 */
public enum PeopleOrder {
  NAME(null),
  EMAIL(null),
  ATTENDED(p -> p.attended() ? 1.0 : 0.0),
  RATE(p -> registrant(p, r -> r.attendanceRate() == null ? -1.0 : r.attendanceRate())),
  DURATION(p -> registrant(p, r -> (double) r.attendanceDurationSeconds())),
  MESSAGES(p -> (double) p.messagesCount()),
  QUESTIONS(p -> (double) p.questionsCount()),
  VOTES(p -> (double) p.votesCount()),
  REPLAY(p -> registrant(p, r -> r.viewedReplay() ? 1.0 : 0.0));

  private final Function<Person, Double> number;

  PeopleOrder(Function<Person, Double> number) {
    this.number = number;
  }

  /** The column named by a {@code sort} parameter, or null (Livestorm's order). */
  public static PeopleOrder of(String name) {
    return Arrays.stream(values()).filter(o -> o.key().equals(name)).findFirst().orElse(null);
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Comparator<Person> comparator(Locale locale, boolean descending) {
    Comparator<Person> order;
    if (number == null) {
      Collator collator = Collator.getInstance(locale);
      Function<Person, String> text = this == NAME ? Person::fullName : Person::email;
      order = Comparator.comparing(p -> String.valueOf(text.apply(p)), collator);
    } else {
      order = Comparator.comparing(number);
    }
    return descending ? order.reversed() : order;
  }

  private static double registrant(Person p, Function<Registrant, Double> value) {
    return p.registrant() == null ? -1 : value.apply(p.registrant());
  }
}
