package com.livestormconnect.sandbox.oauth;

import com.livestormconnect.sandbox.SandboxSettings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The sandbox's own Thymeleaf engine (not the app's: the sandbox shares nothing with it) for the
 * consent and error pages under WEB-INF/templates/sandbox. Every value goes through th:text, so
 * request data is always escaped.
 */
final class ConsentPages {
  private final JakartaServletWebApplication application;
  private final TemplateEngine engine = new TemplateEngine();

  /** A scope as the consent page lists it. */
  record ScopeLine(String name, String plainWords) {}

  ConsentPages(ServletContext servletContext) {
    application = JakartaServletWebApplication.buildApplication(servletContext);
    WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
    resolver.setPrefix("/WEB-INF/templates/sandbox/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    engine.setTemplateResolver(resolver);
  }

  void consent(
      HttpServletRequest request,
      HttpServletResponse response,
      ConsentRequest consent,
      String consentToken,
      String webhookSecret)
      throws IOException {
    List<ScopeLine> scopes =
        consent.scopes().stream()
            .map(s -> new ScopeLine(s, LivestormScopes.plainWords(s)))
            .toList();
    render(
        request,
        response,
        200,
        "consent",
        Map.of(
            "appName",
            SandboxSettings.APP_NAME,
            "scopes",
            scopes,
            "redirectUri",
            consent.redirectUri(),
            "consentToken",
            consentToken,
            "webhookSecret",
            webhookSecret));
  }

  void error(HttpServletRequest request, HttpServletResponse response, int status, OAuthError error)
      throws IOException {
    render(request, response, status, "error", Map.of("error", error));
  }

  private void render(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String view,
      Map<String, Object> model)
      throws IOException {
    WebContext context = new WebContext(application.buildExchange(request, response));
    context.setVariables(model);
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    // Consent pages must never be replayed from a cache (they carry a one-time form token).
    response.setHeader("Cache-Control", "no-store");
    engine.process(view, context, response.getWriter());
  }
}
