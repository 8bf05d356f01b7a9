package com.livestormconnect.web;

import com.livestormconnect.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The app's one Thymeleaf engine. Templates live under WEB-INF/templates with paths that mirror
 * URLs; every page also gets the attributes the shared layout needs (user, CSRF token, mode).
 */
@ApplicationScoped
public class Templates {
  /** Views with a form an anonymous visitor posts (sign-in, sign-up, first administrator). */
  private static final java.util.Set<String> ANONYMOUS_FORMS = java.util.Set.of("login", "signup");

  @Inject Settings settings;

  @Inject Messages messages;

  private volatile JakartaServletWebApplication application;
  private TemplateEngine engine;

  private JakartaServletWebApplication application(HttpServletRequest request) {
    if (application == null) {
      synchronized (this) {
        if (application == null) {
          JakartaServletWebApplication app =
              JakartaServletWebApplication.buildApplication(request.getServletContext());
          WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(app);
          resolver.setPrefix("/WEB-INF/templates/");
          resolver.setSuffix(".html");
          resolver.setTemplateMode(TemplateMode.HTML);
          resolver.setCharacterEncoding("UTF-8");
          resolver.setCacheable(!settings.development());
          TemplateEngine newEngine = new TemplateEngine();
          newEngine.setTemplateResolver(resolver);
          newEngine.setMessageResolver(messages);
          engine = newEngine;
          application = app;
        }
      }
    }
    return application;
  }

  /** Renders {@code view} (a path under WEB-INF/templates without .html) with the given status. */
  public void render(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String view,
      Map<String, ?> model)
      throws IOException {
    JakartaServletWebApplication app = application(request);
    WebContext context = new WebContext(app.buildExchange(request, response), request.getLocale());
    context.setVariables(Map.copyOf(model));
    context.setVariable("currentUser", request.getRemoteUser());
    context.setVariable(
        "isAdmin", request.getRemoteUser() != null && request.isUserInRole("admin"));
    context.setVariable("sandbox", settings.isSandbox());
    context.setVariable(
        "csrfToken",
        needsSession(request, view) ? CsrfTokens.token(request) : CsrfTokens.existing(request));
    context.setVariable("path", request.getServletPath());
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    engine.process(view, context, response.getWriter());
  }

  /**
   * A session (and its CSRF token) is opened only for a signed-in user or a page whose form an
   * anonymous visitor posts; a 404 or the landing page must not cost the server a session.
   */
  private static boolean needsSession(HttpServletRequest request, String view) {
    return request.getRemoteUser() != null || ANONYMOUS_FORMS.contains(view);
  }

  public void render(
      HttpServletRequest request, HttpServletResponse response, String view, Map<String, ?> model)
      throws IOException {
    render(request, response, HttpServletResponse.SC_OK, view, model);
  }
}
