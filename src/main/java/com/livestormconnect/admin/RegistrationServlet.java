package com.livestormconnect.admin;

import com.livestormconnect.config.LivestormSettings;
import com.livestormconnect.livestorm.LivestormScope;
import com.livestormconnect.livestorm.ScopeSelection;
import com.livestormconnect.web.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * What to send Livestorm to register the app (partner guide, "OAuth2 authentication"): the HTTPS
 * redirect URL, the scopes, and a square logo of at least 500 × 500 px on a transparent background,
 * which administrators can check here before sending it. Administrators only (web.xml); the upload
 * is a CSRF-protected multipart form, capped in size.
 */
@WebServlet("/admin/registration")
@MultipartConfig(
    maxFileSize = RegistrationServlet.MAX_LOGO_BYTES,
    maxRequestSize = RegistrationServlet.MAX_LOGO_BYTES + 64 * 1024)
public class RegistrationServlet extends HttpServlet {
  static final int MAX_LOGO_BYTES = 5 * 1024 * 1024;

  @Inject Templates templates;

  @Inject LivestormSettings livestorm;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    templates.render(request, response, "admin/registration", model());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Map<String, Object> model = model();
    Part logo = request.getPart("logo");
    if (logo == null || logo.getSize() == 0) {
      model.put("logoProblem", "appRegistration.logo.missing");
      templates.render(
          request, response, HttpServletResponse.SC_BAD_REQUEST, "admin/registration", model);
      return;
    }
    try (InputStream in = logo.getInputStream()) {
      model.put("logo", LogoCheck.of(in.readAllBytes()));
    }
    templates.render(request, response, "admin/registration", model);
  }

  private Map<String, Object> model() {
    ScopeSelection scopes = ScopeSelection.of(livestorm.registeredScopes());
    Map<String, Object> model = new HashMap<>();
    model.put("redirectUri", livestorm.redirectUri());
    model.put("redirectIsHttps", "https".equals(livestorm.redirectUri().getScheme()));
    model.put("scopes", scopes.reduced().stream().map(LivestormScope::value).toList());
    model.put(
        "scopeList",
        String.join(" ", scopes.reduced().stream().map(LivestormScope::value).toList()));
    model.put("scopeProblem", scopes.brokenRule().orElse(""));
    model.put("minSide", LogoCheck.MIN_SIDE);
    model.put("maxLogoMegabytes", MAX_LOGO_BYTES / 1024 / 1024);
    return model;
  }
}
