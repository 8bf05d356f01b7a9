package com.livestormconnect.copy;

import com.livestormconnect.database.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The one write of a {@link Refresh} that the sync does not make: the organization or /me alone.
 */
@ApplicationScoped
class RefreshWrites {
  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject Changes changes;

  /**
   * Keeps the organization ({@code column} {@code resource}) or the connected user ({@code
   * me_resource}) as Livestorm sent it.
   */
  @Transactional
  void organization(long accountId, String column, JsonObject resource, Instant seen) {
    if (!column.equals("resource") && !column.equals("me_resource")) {
      throw new IllegalArgumentException(column);
    }
    String text = resource.toString();
    if (text.length() > Incoming.MAX_RESOURCE) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      if (!changes.locked(c, accountId)) {
        return;
      }
      String id =
          column.equals("resource") && resource.get("id") instanceof JsonString s
              ? CopyRows.cut(s.getString(), Incoming.MAX_ID)
              : null;
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE copy_organization SET "
                  + column
                  + " = ?, seen_at = ?"
                  + (id == null ? "" : ", id = ?")
                  + " WHERE account_id = ?")) {
        int at = 1;
        s.setString(at++, text);
        s.setLong(at++, seen.toEpochMilli());
        if (id != null) {
          s.setString(at++, id);
        }
        s.setLong(at, accountId);
        if (s.executeUpdate() > 0) {
          return;
        }
      }
      // The account's copy lock is held: no other writer inserts this row meanwhile.
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO copy_organization (account_id, id, seen_at, "
                  + column
                  + ") VALUES (?, ?, ?, ?)")) {
        s.setLong(1, accountId);
        s.setString(2, id);
        s.setLong(3, seen.toEpochMilli());
        s.setString(4, text);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy: " + e.getSQLState(), e);
    }
  }
}
