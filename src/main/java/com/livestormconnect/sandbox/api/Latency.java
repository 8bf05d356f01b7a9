package com.livestormconnect.sandbox.api;

import com.livestormconnect.sandbox.SandboxSettings;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;

/**
 * SANDBOX_LATENCY_MS: each API request travels half of it before it arrives (so before it is
 * counted or limited), its answer the other half. Read once per request.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class Latency implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String MILLIS = Latency.class.getName() + ".millis";

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    long latency = SandboxSettings.latencyMillis();
    request.setProperty(MILLIS, latency);
    travel(latency / 2);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response)
      throws IOException {
    if (request.getProperty(MILLIS) instanceof Long latency) {
      travel(latency - latency / 2);
    }
  }

  private static void travel(long millis) throws IOException {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }
}
