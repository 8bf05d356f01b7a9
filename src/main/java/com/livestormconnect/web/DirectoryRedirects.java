package com.livestormconnect.web;

import com.livestormconnect.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /static} (a folder of the WAR without its slash): containers answer with a redirect
 * built from the request's Host header, before any filter runs, so without the security headers. An
 * exact servlet mapping for each folder wins over that, and redirects into APP_BASE_URL through the
 * filters like every other answer.
 */
@WebListener
public class DirectoryRedirects implements ServletContextListener {
  @Inject Settings settings;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    List<String> folders = new ArrayList<>();
    collect(context, "/", folders);
    if (!folders.isEmpty()) {
      context
          .addServlet("directoryRedirects", new Slash(settings))
          .addMapping(folders.toArray(String[]::new));
    }
  }

  private static void collect(ServletContext context, String folder, List<String> into) {
    Set<String> paths = context.getResourcePaths(folder);
    if (paths == null) {
      return;
    }
    for (String path : paths) {
      boolean hidden = path.startsWith("/WEB-INF/") || path.startsWith("/META-INF/");
      if (path.endsWith("/") && !hidden) {
        into.add(path.substring(0, path.length() - 1));
        collect(context, path, into);
      }
    }
  }

  /** Redirects a folder's path to the same path with a slash, under APP_BASE_URL. */
  static final class Slash extends HttpServlet {
    private final transient Settings settings;

    Slash(Settings settings) {
      this.settings = settings;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
      response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
      response.setHeader("Location", settings.appBaseUrl() + request.getServletPath() + "/");
    }
  }
}
