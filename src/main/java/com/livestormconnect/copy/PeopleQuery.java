package com.livestormconnect.copy;

/**
 * Which of a session's people to read from the copy and in what order.
 *
 * @param search part of the name or e-mail, any case; null or blank for everyone
 * @param attended true or false to keep only those who did or did not attend; null for all
 * @param order the sort
 * @param descending the reverse order
 * @param page from 0
 * @param size rows per page (1 to {@link #MAX_SIZE})
 * @param role {@code Person.PARTICIPANT} or {@code Person.TEAM_MEMBER} to keep only those (a person
 *     with no role counts as a participant); null for everyone
 */
public record PeopleQuery(
    String search,
    Boolean attended,
    Order order,
    boolean descending,
    int page,
    int size,
    String role) {
  public static final int MAX_SIZE = 1000;

  /** The orders the copy can sort all of a session's people by. */
  public enum Order {
    NAME("name_key"),
    EMAIL("email_key"),
    ATTENDANCE("attended"),
    RATE("attendance_rate"),
    DURATION("attendance_duration"),
    REGISTERED("registered_at");

    final String column;

    Order(String column) {
      this.column = column;
    }
  }

  public PeopleQuery {
    order = order == null ? Order.NAME : order;
    page = Math.max(0, page);
    size = Math.max(1, Math.min(MAX_SIZE, size));
  }

  public PeopleQuery(
      String search, Boolean attended, Order order, boolean descending, int page, int size) {
    this(search, attended, order, descending, page, size, null);
  }

  /** Everyone, by name, in pages of {@code size}. */
  public static PeopleQuery all(int page, int size) {
    return new PeopleQuery(null, null, Order.NAME, false, page, size);
  }
}
