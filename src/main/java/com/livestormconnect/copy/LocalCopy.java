package com.livestormconnect.copy;

import com.livestormconnect.database.Database;
import com.livestormconnect.livestorm.Event;
import com.livestormconnect.livestorm.Organization;
import com.livestormconnect.livestorm.Person;
import com.livestormconnect.livestorm.Resources;
import com.livestormconnect.livestorm.Session;
import com.livestormconnect.livestorm.User;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The read side of the local copy: a connection's Livestorm data as the records of {@code
 * livestorm}, each with its "as of", read with no Livestorm call. A list is answered only once the
 * copy has read it in full (empty before: read Livestorm live instead); single rows whenever held.
 * Every read names the account, and only that account's rows are read. Lists sort, filter and
 * search across all their rows and are paged here.
 */
@ApplicationScoped
public class LocalCopy {
  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  LocalCopy() {}

  LocalCopy(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** How the account's copy stands (backfill progress, freshness, pause, last problem). */
  public CopyStatus status(long accountId) {
    return read(c -> CopyReads.status(c, accountId));
  }

  /** The account's events, when the copy has read the list in full. */
  public Optional<CopyPage<Event>> events(long accountId, EventFilter filter, int page, int size) {
    return read(
        c -> {
          Optional<Instant> asOf = CopyReads.completeAsOf(c, accountId, Scope.events());
          if (asOf.isEmpty()) {
            return Optional.empty();
          }
          StringBuilder where = new StringBuilder(" WHERE account_id = ?");
          List<Object> values = new ArrayList<>(List.of(accountId));
          if (filter.title() != null && !filter.title().isBlank()) {
            where.append(" AND title_key LIKE ? ESCAPE '\\'");
            values.add(CopyReads.contains(filter.title()));
          }
          if (filter.schedulingStatus() != null && !filter.schedulingStatus().isBlank()) {
            where.append(" AND scheduling_status = ?");
            values.add(filter.schedulingStatus());
          }
          String order =
              filter.byTitle() ? " ORDER BY title_key, id" : " ORDER BY created_at DESC, id";
          return Optional.of(
              CopyReads.page(
                  c,
                  "copy_event",
                  where.toString(),
                  order,
                  values,
                  page,
                  size,
                  asOf.get(),
                  Resources::event));
        });
  }

  /** One event, when the copy holds it. */
  public Optional<Copied<Event>> event(long accountId, String eventId) {
    return read(
        c -> {
          Optional<JsonObject> row =
              CopyReads.one(
                  c,
                  "SELECT resource FROM copy_event WHERE account_id = ? AND id = ?",
                  accountId,
                  eventId);
          if (row.isEmpty()) {
            return Optional.empty();
          }
          Instant asOf = CopyReads.completeAsOf(c, accountId, Scope.events()).orElse(null);
          return Optional.of(new Copied<>(Resources.event(row.get()), asOf));
        });
  }

  /**
   * An event's sessions and breakout rooms by start (the actual one when known, else the planned
   * one), when the copy has read them in full.
   */
  public Optional<Copied<List<Session>>> sessions(long accountId, String eventId) {
    return read(
        c -> {
          Optional<Instant> asOf = CopyReads.completeAsOf(c, accountId, Scope.sessions(eventId));
          if (asOf.isEmpty()) {
            return Optional.empty();
          }
          List<Session> sessions = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT resource FROM copy_session WHERE account_id = ? AND event_id = ?"
                      + " ORDER BY start_at, id")) {
            s.setLong(1, accountId);
            s.setString(2, eventId);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                sessions.add(Resources.session(CopyRows.parse(r.getString(1))));
              }
            }
          }
          return Optional.of(new Copied<>(List.copyOf(sessions), asOf.get()));
        });
  }

  /** One session, when the copy holds it. */
  public Optional<Copied<Session>> session(long accountId, String sessionId) {
    return read(
        c -> {
          Optional<JsonObject> row =
              CopyReads.one(
                  c,
                  "SELECT resource FROM copy_session WHERE account_id = ? AND id = ?",
                  accountId,
                  sessionId);
          if (row.isEmpty()) {
            return Optional.empty();
          }
          Session session = Resources.session(row.get());
          Instant asOf =
              session.eventId() == null
                  ? null
                  : CopyReads.completeAsOf(c, accountId, Scope.sessions(session.eventId()))
                      .orElse(null);
          return Optional.of(new Copied<>(session, asOf));
        });
  }

  /**
   * A session's people (participants and team members, with their registration and engagement),
   * searched, filtered, sorted and paged across all of them, when the copy has read them in full.
   */
  public Optional<CopyPage<Person>> people(long accountId, String sessionId, PeopleQuery query) {
    return read(
        c -> {
          Optional<Instant> asOf = CopyReads.completeAsOf(c, accountId, Scope.people(sessionId));
          if (asOf.isEmpty()) {
            return Optional.empty();
          }
          StringBuilder where = new StringBuilder(" WHERE account_id = ? AND session_id = ?");
          List<Object> values = new ArrayList<>(List.of(accountId, sessionId));
          if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND (name_key LIKE ? ESCAPE '\\' OR email_key LIKE ? ESCAPE '\\')");
            values.add(CopyReads.contains(query.search()));
            values.add(CopyReads.contains(query.search()));
          }
          if (query.attended() != null) {
            where.append(" AND attended = ?");
            values.add(query.attended());
          }
          if (Person.TEAM_MEMBER.equals(query.role())) {
            where.append(" AND role = ?");
            values.add(Person.TEAM_MEMBER);
          } else if (query.role() != null) {
            where.append(" AND (role IS NULL OR role <> ?)");
            values.add(Person.TEAM_MEMBER);
          }
          String order =
              " ORDER BY " + query.order().column + (query.descending() ? " DESC" : "") + ", id";
          return Optional.of(
              CopyReads.page(
                  c,
                  "copy_person",
                  where.toString(),
                  order,
                  values,
                  query.page(),
                  query.size(),
                  asOf.get(),
                  Resources::person));
        });
  }

  /** The connected workspace, when the copy has read it. */
  public Optional<Copied<Organization>> organization(long accountId) {
    return read(c -> CopyReads.organization(c, accountId, "resource", Resources::organization));
  }

  /** The connected Livestorm user ({@code /me}: name and e-mail), when the copy has read it. */
  public Optional<Copied<User>> me(long accountId) {
    return read(c -> CopyReads.organization(c, accountId, "me_resource", Resources::user));
  }

  /**
   * How many participants registered since {@code since} (by their registration's date), per event
   * id, across every session the copy holds; events with none are left out.
   */
  public Map<String, Long> newRegistrantsPerEvent(long accountId, Instant since) {
    return read(
        c -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT s.event_id, COUNT(*) FROM copy_person p JOIN copy_session s"
                      + " ON s.account_id = p.account_id AND s.id = p.session_id"
                      + " WHERE p.account_id = ? AND p.registered_at >= ?"
                      + " AND (p.role IS NULL OR p.role <> ?)"
                      + " GROUP BY s.event_id ORDER BY s.event_id")) {
            s.setLong(1, accountId);
            s.setLong(2, since.toEpochMilli());
            s.setString(3, Person.TEAM_MEMBER);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
              }
            }
          }
          return counts;
        });
  }

  /** Whether the copy has read this list in full, and as of when. */
  public Optional<Instant> asOf(long accountId, Scope scope) {
    return read(c -> CopyReads.completeAsOf(c, accountId, scope));
  }

  interface Read<T> {
    T from(Connection c) throws SQLException;
  }

  private <T> T read(Read<T> read) {
    try (Connection c = dataSource.getConnection()) {
      return read.from(c);
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }
}
