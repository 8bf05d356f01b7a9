package com.livestormconnect.dashboard;

import com.livestormconnect.copy.Copied;
import com.livestormconnect.copy.LocalCopy;
import com.livestormconnect.livestorm.LivestormClient;
import com.livestormconnect.livestorm.Organization;
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
 * {@code /organization}: the Livestorm workspace (identity or admin scope; from the local copy once
 * it holds it) and its team members (admin scope; the copy keeps no team, so they are read live),
 * each shown only when the grant allows it.
 */
@WebServlet("/organization")
public class OrganizationServlet extends HttpServlet {
  static final int PAGE_SIZE = LivestormClient.MAX_PAGE_SIZE;

  @Inject DashboardPages pages;

  @Inject LivestormClient client;

  @Inject LocalCopy copy;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DashboardPage page = pages.open(request);
    boolean canSeeOrganization = page.allows("identity:read") || page.allows("admin:read");
    page.put("canSeeOrganization", canSeeOrganization);
    if (canSeeOrganization) {
      Optional<Copied<Organization>> kept = copy.organization(page.accountId());
      kept.ifPresent(o -> page.fromCopy(o.asOf()));
      page.put(
          "organization",
          kept.map(Copied::value)
              .or(() -> page.attempt(() -> client.organization(page.access())))
              .orElse(null));
      page.refreshable(new RefreshTarget(RefreshTarget.Kind.ORGANIZATION, null));
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
