package com.livestormconnect.webhook;

import com.livestormconnect.config.WebhookSettings;
import com.livestormconnect.token.ConnectionSummary;
import com.livestormconnect.token.TokenStore;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Receives Livestorm's webhook deliveries at {@code /webhooks/livestorm/{token}}, the token naming
 * one of the app's subscriptions. Acknowledge fast, lose nothing: a delivery is checked (size,
 * signature when {@code LIVESTORM_WEBHOOK_SECRET} is set, JSON), committed to the {@link Inbox} and
 * only then answered 2xx; it is applied after the answer by the {@link InboxWorker}. A delivery for
 * an unknown token or another organization is answered 2xx and dropped: a 4xx would make Livestorm
 * retry and finally disable a subscription for a reason that is ours. Signatures are checked before
 * anything is looked up, so a forged delivery costs no database access at all.
 */
@WebServlet("/webhooks/livestorm/*")
public class ReceiverServlet extends HttpServlet {
  /** Livestorm sends one resource per delivery: a few kilobytes. */
  static final int MAX_BODY = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(ReceiverServlet.class.getName());

  @Inject WebhookSettings settings;

  @Inject Subscriptions subscriptions;

  @Inject TokenStore connections;

  @Inject Inbox inbox;

  @Inject InboxWorker worker;

  @Inject ReceiverCounts counts;

  @Inject Clock clock;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      counts.oversized.incrementAndGet();
      // The body is not read: the connection cannot be reused for another request.
      response.setHeader("Connection", "close");
      answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too large");
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), MAX_BODY);
    if (body == null) {
      counts.oversized.incrementAndGet();
      answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too large");
      return;
    }
    Instant now = clock.instant();
    boolean signed = settings.secret().isPresent();
    if (signed) {
      Signature.Verdict verdict =
          new Signature(settings.secret().get())
              .check(request.getHeader(Signature.HEADER), body, now);
      if (verdict != Signature.Verdict.VALID) {
        counts.rejectedSignatures.incrementAndGet();
        answer(response, HttpServletResponse.SC_UNAUTHORIZED, "signature " + verdict);
        return;
      }
    }
    Delivery delivery;
    try {
      delivery = Delivery.parse(body);
    } catch (Delivery.Malformed e) {
      counts.malformed.incrementAndGet();
      answer(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
      return;
    }
    String token = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    Optional<Subscription> subscription = subscriptions.byToken(token);
    Optional<ConnectionSummary> connection =
        subscription.flatMap(s -> connections.find(s.accountId()));
    if (connection.isEmpty() || !sameOrganization(connection.get(), delivery)) {
      counts.unknown.incrementAndGet();
      answer(response, HttpServletResponse.SC_OK, "dropped");
      return;
    }
    Subscription to = subscription.get();
    if (delivery.event().isEmpty()) {
      // One URL per event: the subscription says what the body does not.
      delivery = delivery.withEvent(to.event());
    }
    try {
      inbox.store(
          new Inbox.Received(
              delivery.key(to.accountId(), body),
              to.accountId(),
              delivery,
              signed,
              // The webhook's own meta is not part of the resource the copy keeps.
              Json.createObjectBuilder(delivery.data()).remove("meta").build().toString(),
              now));
    } catch (Inbox.AlreadyReceived e) {
      counts.duplicates.incrementAndGet();
      subscriptions.countDuplicate(to.accountId(), to.event());
      answer(response, HttpServletResponse.SC_OK, "duplicate");
      return;
    }
    counts.accepted.incrementAndGet();
    answer(response, HttpServletResponse.SC_ACCEPTED, "stored");
    worker.wake();
  }

  private static boolean sameOrganization(ConnectionSummary connection, Delivery delivery) {
    String ours = connection.livestormOrganizationId();
    String theirs = delivery.organizationId();
    boolean same = ours == null || theirs == null || ours.equals(theirs);
    if (!same) {
      LOG.fine(() -> "Dropped a webhook delivery for another organization");
    }
    return same;
  }

  private static void answer(HttpServletResponse response, int status, String text)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(text);
  }

  /** The whole body, or null as soon as it passes {@code limit}. */
  static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
