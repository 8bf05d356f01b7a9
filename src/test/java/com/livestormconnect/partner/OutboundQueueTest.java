package com.livestormconnect.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.livestormconnect.config.Settings;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound queue on the real table in an in-memory Derby (the app's migrations). */
class OutboundQueueTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Duration LEASE = PartnerForwarding.LEASE;
  private static DataSource migrated;

  private OutboundQueue queue;

  private static synchronized DataSource database() {
    if (migrated == null) {
      EmbeddedDataSource derby = new EmbeddedDataSource();
      derby.setDatabaseName("memory:partner-" + UUID.randomUUID());
      derby.setCreateDatabase("create");
      Flyway.configure().dataSource(derby).locations("classpath:db/migration").load().migrate();
      migrated = derby;
    }
    return migrated;
  }

  @BeforeEach
  void empty() throws Exception {
    try (Connection c = database().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM partner_message");
    }
    queue = new OutboundQueue(database(), Settings.parse(Map.<String, String>of()::get));
  }

  private PartnerMessage enqueue(Instant at) {
    PartnerMessage m =
        new PartnerMessage(
            "msg_" + UUID.randomUUID().toString().replace("-", ""),
            7,
            "copy.person.created",
            "{\"type\":\"copy.person.created\"}",
            0,
            at,
            at.plus(RetrySchedule.WINDOW));
    queue.enqueue(m, at);
    return m;
  }

  @Test
  void aDueMessageIsLeasedToOneNodeAtATime() {
    PartnerMessage m = enqueue(NOW);
    assertEquals(List.of(m), queue.claimDue("a", NOW, LEASE, 10));
    assertEquals(List.of(), queue.claimDue("b", NOW, LEASE, 10), "a holds it");
    queue.retryAt(m.id(), "a", NOW, NOW.plusSeconds(5), "HTTP 503");
    assertEquals(List.of(), queue.claimDue("b", NOW.plusSeconds(4), LEASE, 10), "not due yet");
    List<PartnerMessage> again = queue.claimDue("b", NOW.plusSeconds(5), LEASE, 10);
    assertEquals(1, again.size());
    assertEquals(m.id(), again.get(0).id());
    assertEquals(1, again.get(0).attempts());
  }

  @Test
  void aLeaseLeftByAStoppedNodeExpiresAndItsLateOutcomeIsIgnored() {
    PartnerMessage m = enqueue(NOW);
    queue.claimDue("a", NOW, LEASE, 10);
    assertEquals(List.of(), queue.claimDue("b", NOW.plus(LEASE), LEASE, 10));
    Instant later = NOW.plus(LEASE).plusSeconds(1);
    assertEquals(1, queue.claimDue("b", later, LEASE, 10).size());
    queue.failed(m.id(), "a", later, "HTTP 400");
    assertEquals(Optional.of("pending"), queue.status(m.id()), "a no longer holds it");
    queue.delivered(m.id(), "b", later, "HTTP 200");
    assertEquals(Optional.of("delivered"), queue.status(m.id()));
  }

  @Test
  void aReplayMakesAFailedMessageDueAgainWithItsIdAndBody() {
    PartnerMessage m = enqueue(NOW);
    queue.claimDue("a", NOW, LEASE, 10);
    queue.failed(m.id(), "a", NOW, "HTTP 400");
    assertEquals(List.of(), queue.claimDue("a", NOW.plus(Duration.ofDays(2)), LEASE, 10));
    Instant replayedAt = NOW.plus(Duration.ofDays(2));
    assertTrue(queue.replay(m.id(), replayedAt));
    assertFalse(queue.replay(m.id(), replayedAt), "only a failed message is replayed");
    List<PartnerMessage> again = queue.claimDue("a", replayedAt, LEASE, 10);
    assertEquals(1, again.size());
    assertEquals(m.id(), again.get(0).id());
    assertEquals(m.payload(), again.get(0).payload());
    assertEquals(replayedAt.plus(RetrySchedule.WINDOW), again.get(0).retryUntil());
  }

  @Test
  void healthCountsWaitingFailedAndTheLastDelivery() {
    PartnerMessage old = enqueue(NOW.minusSeconds(90));
    enqueue(NOW.minusSeconds(10));
    PartnerMessage refused = enqueue(NOW);
    PartnerMessage taken = enqueue(NOW);
    queue.claimDue("a", NOW, LEASE, 10);
    queue.retryAt(old.id(), "a", NOW, NOW.plusSeconds(5), "timeout");
    queue.failed(refused.id(), "a", NOW, "HTTP 410");
    queue.delivered(taken.id(), "a", NOW.plusMillis(1234), "HTTP 204");
    PartnerHealth health = queue.health(true, NOW.plusSeconds(10));
    assertEquals(2, health.pending());
    assertEquals(Optional.of(Duration.ofSeconds(100)), health.oldestPendingAge());
    assertEquals(1, health.failed());
    assertEquals(Optional.of(NOW.plusMillis(1234)), health.lastSuccess());
    assertEquals(
        List.of(refused.id()), queue.failedMessages(10).stream().map(FailedMessage::id).toList());
    assertEquals("HTTP 410", queue.failedMessages(10).get(0).lastOutcome());
  }

  @Test
  void nodesClaimingTogetherNeverShareAMessage() throws Exception {
    for (int i = 0; i < 40; i++) {
      enqueue(NOW);
    }
    ExecutorService nodes = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> claims = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        String node = "node-" + n;
        claims.add(
            nodes.submit(
                () -> {
                  List<String> mine = new ArrayList<>();
                  List<PartnerMessage> batch;
                  while (!(batch = queue.claimDue(node, NOW, LEASE, 3)).isEmpty()) {
                    batch.forEach(m -> mine.add(m.id()));
                  }
                  return mine;
                }));
      }
      Set<String> seen = new HashSet<>();
      int total = 0;
      for (Future<List<String>> claim : claims) {
        for (String id : claim.get()) {
          assertTrue(seen.add(id), "claimed twice: " + id);
          total++;
        }
      }
      assertEquals(40, total);
    } finally {
      nodes.shutdownNow();
    }
  }
}
