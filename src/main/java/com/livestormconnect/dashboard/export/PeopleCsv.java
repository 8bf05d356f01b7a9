package com.livestormconnect.dashboard.export;

import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Registrant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A session's people as CSV: a header row, then one row per person with their registration and
 * engagement. Times are ISO 8601 in UTC and numbers use a dot, so that the file reads the same in
 * any spreadsheet locale; the page shows them in the user's zone and locale instead.
 */
public final class PeopleCsv {
  static final List<String> HEADER =
      List.of(
          "id",
          "email",
          "first_name",
          "last_name",
          "role",
          "registered_at",
          "attended",
          "attendance_rate",
          "attendance_duration_seconds",
          "messages_count",
          "questions_count",
          "votes_count",
          "replay_viewed",
          "registration_type",
          "referrer",
          "utm_source",
          "utm_medium",
          "utm_campaign",
          "country",
          "city",
          "browser",
          "os");

  /** Prefix of the columns holding the answers to the event's custom registration fields. */
  static final String CUSTOM = "field.";

  private final Csv csv;
  private List<String> customFields;

  /** Columns of custom fields are learnt from the first person: the header waits for them. */
  private boolean headerPending;

  public PeopleCsv(Writer out) {
    this(out, List.of());
  }

  /** With one column per custom field of the event's registration form, in its order. */
  public PeopleCsv(Writer out, List<String> customFields) {
    this.csv = new Csv(out);
    this.customFields = List.copyOf(customFields);
  }

  /**
   * With one column per custom field of the event, in the order Livestorm lists them in the first
   * person's registration ({@code registrant_detail.fields} holds every field of the form, answered
   * or not): no extra call to Livestorm before the rows.
   */
  public static PeopleCsv withCustomFields(Writer out) {
    PeopleCsv csv = new PeopleCsv(out, List.of());
    csv.customFields = null;
    return csv;
  }

  /** The byte-order mark and the header row: the start of every people CSV. */
  public void header() throws IOException {
    if (customFields == null) {
      headerPending = true; // written with the first row, or by finish()
      return;
    }
    csv.bom();
    List<String> header = new java.util.ArrayList<>(HEADER);
    customFields.forEach(id -> header.add(CUSTOM + id));
    csv.row(header);
  }

  /** Writes the header if no row did (an empty list). */
  public void finish() throws IOException {
    if (headerPending) {
      customFields = List.of();
      headerPending = false;
      header();
    }
  }

  /** One person; I/O failures come out unchecked, for use inside a stream. */
  public void row(Person p) {
    Registrant r = p.registrant();
    try {
      if (headerPending) {
        customFields =
            r == null || r.customAnswers() == null
                ? List.of()
                : List.copyOf(r.customAnswers().keySet());
        headerPending = false;
        header();
      }
      List<String> cells =
          new java.util.ArrayList<>(
              List.of(
                  text(p.id()),
                  text(p.email()),
                  text(p.firstName()),
                  text(p.lastName()),
                  text(p.role()),
                  r == null ? "" : time(r.registeredAt()),
                  Boolean.toString(p.attended()),
                  r == null || r.attendanceRate() == null ? "" : rate(r.attendanceRate()),
                  r == null ? "" : Long.toString(r.attendanceDurationSeconds()),
                  Integer.toString(p.messagesCount()),
                  Integer.toString(p.questionsCount()),
                  Integer.toString(p.votesCount()),
                  Boolean.toString(r != null && r.viewedReplay()),
                  r == null ? "" : text(r.registrationType()),
                  r == null ? "" : text(r.referrer()),
                  r == null ? "" : text(r.utmSource()),
                  r == null ? "" : text(r.utmMedium()),
                  r == null ? "" : text(r.utmCampaign()),
                  r == null ? "" : text(r.countryName()),
                  r == null ? "" : text(r.city()),
                  r == null ? "" : text(r.browserName()),
                  r == null ? "" : text(r.osName())));
      for (String id : customFields) {
        cells.add(r == null || r.customAnswers() == null ? "" : text(r.customAnswers().get(id)));
      }
      csv.row(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String time(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  private static String rate(double rate) {
    return rate == Math.rint(rate)
        ? Long.toString((long) rate)
        : String.format(Locale.ROOT, "%.1f", rate);
  }
}
