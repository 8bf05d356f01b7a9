package com.livestormconnect.sandbox.oauth;

import com.livestormconnect.sandbox.SandboxSettings;
import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.webhook.WebhookSecret;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /sandbox/oauth/authorize shows the consent page (or the error, shown on this page as
 * Doorkeeper does by default, or redirected: {@code AUTHORIZE_ERRORS} variant); POST with {@code
 * decision=approve|deny} answers it. The app's CSRF filter leaves /sandbox alone, so the form
 * carries its own token: a random key, valid once, under which this session keeps the checked
 * request. A forged POST has no such key and changes nothing.
 */
@WebServlet("/sandbox/oauth/authorize")
public class AuthorizeServlet extends HttpServlet {
  static final String CONSENT_TOKEN = "consent_token";
  private static final String PENDING = AuthorizeServlet.class.getName() + ".pending";
  private static final int MAX_PENDING = 20;

  @Inject AuthorizationCodes codes;

  @Inject SandboxVariants variants;

  @Inject WebhookSecret webhookSecret;

  private ConsentPages pages;

  @Override
  public void init() throws ServletException {
    pages = new ConsentPages(getServletContext());
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ConsentRequest.Verdict verdict =
        ConsentRequest.check(request::getParameter, SandboxSettings.current());
    if (verdict instanceof ConsentRequest.Show shown) {
      pages.error(request, response, 400, shown.error());
    } else if (verdict instanceof ConsentRequest.Redirect redirect) {
      if (variants.is(SandboxVariants.Variant.AUTHORIZE_ERRORS, "redirect")) {
        response.sendRedirect(redirect.location());
      } else {
        // Doorkeeper's default handle_auth_errors = :render: the user stays on Livestorm's page.
        pages.error(request, response, redirect.error().status(), redirect.error());
      }
    } else if (verdict instanceof ConsentRequest.Ask ask) {
      String token = RandomTokens.next();
      pending(request.getSession()).put(token, ask.request());
      pages.consent(request, response, ask.request(), token, webhookSecret.current());
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    String token = request.getParameter(CONSENT_TOKEN);
    ConsentRequest consent =
        session == null || token == null ? null : pending(session).remove(token);
    if (consent == null) {
      pages.error(
          request,
          response,
          403,
          new OAuthError(
              "invalid_request",
              "This consent form has expired or was not issued to you. Start again from the app.",
              403));
    } else if ("approve".equals(request.getParameter("decision"))) {
      response.sendRedirect(consent.approvedWith(codes.issue(SandboxSettings.CLIENT_ID, consent)));
    } else {
      response.sendRedirect(consent.denied());
    }
  }

  /** This session's consent requests awaiting an answer, the oldest dropped beyond a few. */
  @SuppressWarnings("unchecked")
  private static Map<String, ConsentRequest> pending(HttpSession session) {
    // One lock for all sessions is fine: this only guards creating a small map, once per session.
    synchronized (PENDING) {
      Object existing = session.getAttribute(PENDING);
      if (existing == null) {
        existing = Collections.synchronizedMap(new Pending());
        session.setAttribute(PENDING, existing);
      }
      return (Map<String, ConsentRequest>) existing;
    }
  }

  private static final class Pending extends LinkedHashMap<String, ConsentRequest> {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ConsentRequest> eldest) {
      return size() > MAX_PENDING;
    }
  }
}
