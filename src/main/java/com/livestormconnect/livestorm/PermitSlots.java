package com.livestormconnect.livestorm;

import com.livestormconnect.config.Settings;
import com.livestormconnect.database.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the rate limiter's arrival window lives when several nodes share one PostgreSQL: its {@code
 * permit_slot} table ({@link SlotTable}), reached through the small non-transactional permits pool
 * so that a permit never joins a caller's transaction. On Derby (one node) there is nothing to
 * share and the window stays in memory.
 */
@ApplicationScoped
public class PermitSlots {
  private static final Logger LOG = Logger.getLogger(PermitSlots.class.getName());

  @Resource(lookup = Database.PERMITS_JNDI_NAME)
  DataSource dataSource;

  @Inject Settings settings;

  /** The shared window, or empty when this node is alone (Derby). */
  Optional<SlotTable> shared(int slots, Duration window, Duration connectTimeout) {
    if (settings.database().isDerby()) {
      return Optional.empty();
    }
    LOG.info("Rate limit window shared by all nodes through PostgreSQL (table permit_slot)");
    return Optional.of(new SlotTable(dataSource, slots, window, connectTimeout));
  }
}
