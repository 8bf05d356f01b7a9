package com.livestormconnect.copy;

import com.livestormconnect.database.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Makes an account's {@code copy_sync} row, the one every writer of its copy locks, in a
 * transaction of its own: committed before the writer locks it, and a writer that lost the race to
 * insert it finds the winner's row on its next try.
 */
@ApplicationScoped
class CopyAccounts {
  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  boolean create(long accountId) {
    try (Connection c = dataSource.getConnection()) {
      return CopyRows.create(c, accountId);
    } catch (SQLException e) {
      throw new IllegalStateException("copy_sync: " + e.getSQLState(), e);
    }
  }
}
