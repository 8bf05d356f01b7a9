package com.livestormconnect.dashboard;

import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Page;
import com.livestormconnect.livestorm.User;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /organization}: the Livestorm workspace (identity or admin scope) and its team members
 * (admin scope), each shown only when the grant allows it.
 */
@WebServlet("/organization")
public class OrganizationServlet extends HttpServlet {
  static final int PAGE_SIZE = LivestormClient.MAX_PAGE_SIZE;

  @Inject DashboardPages pages;

  @Inject LivestormClient client;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DashboardPage page = pages.open(request);
    boolean canSeeOrganization = page.allows("identity:read") || page.allows("admin:read");
    page.put("canSeeOrganization", canSeeOrganization);
    if (canSeeOrganization) {
      page.put("organization", page.attempt(() -> client.organization(page.access())).orElse(null));
    }
    if (page.allows("admin:read")) {
      int number = DashboardPages.pageNumber(request);
      Optional<Page<User>> users =
          ListPages.fetch(
              request,
              page,
              "/organization",
              number,
              n -> client.users(page.access(), n, PAGE_SIZE));
      page.put("users", users.map(Page::items).orElse(List.of()));
      page.put("paging", users.map(u -> Paging.of(u.meta())).orElse(null));
    }
    pages.render(request, response, "organization", page);
  }
}
