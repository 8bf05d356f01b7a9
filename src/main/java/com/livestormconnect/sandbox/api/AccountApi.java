package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.data.Organization;
import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.data.TeamMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /ping (any valid token), /me (identity), /organization (identity or admin: see
 * {@link ApiServlet}) and /users (admin, with filter[email], filter[role], filter[pending_invite]).
 */
@ApplicationScoped
public class AccountApi {
  static final String IDENTITY_OR_ADMIN = "identity|admin";

  @Inject
  SandboxStore store;

  @Inject
  SandboxVariants variants;

  List<Route> routes() {
    return List.of(
        Route.of("GET", "/ping", null, r -> Reply.ok(Map.of("meta", Map.of("status", "ok")))),
        Route.of("GET", "/me", "identity", r -> Reply.ok(JsonApi.one(user(store.me())))),
        Route.of("GET", "/organization", IDENTITY_OR_ADMIN, this::organizationDocument),
        Route.of("GET", "/users", "admin", this::users));
  }

  private Reply users(ApiRequest request) {
    String email = request.filter("email");
    String role = request.filter("role");
    Boolean pending = request.booleanFilter("pending_invite");
    List<TeamMember> members = store.members().stream()
        .filter(m -> email == null || m.email().equalsIgnoreCase(email))
        .filter(m -> role == null || m.role().equals(role))
        .filter(m -> pending == null || m.pendingInvite() == pending)
        .toList();
    return Reply.ok(JsonApi.list(request.page(), members, this::user));
  }

  /**
   * Livestorm's public clients read /organization as the connected user, the organization itself
   * coming only in {@code included} with {@code ?include=organization}; a variant answers the
   * organization directly.
   */
  private Reply organizationDocument(ApiRequest request) {
    if (variants.is(SandboxVariants.Variant.ORGANIZATION, "organization")) {
      return Reply.ok(JsonApi.one(organization()));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("data", user(store.me()));
    String include = request.http().getParameter("include");
    if (include != null && Arrays.asList(include.split(",")).contains("organization")) {
      document.put("included", List.of(organization()));
    }
    return Reply.ok(document);
  }

  private Map<String, Object> organization() {
    Organization o = store.organization();
    return JsonApi.resource("organizations", o.id(), attributes(
        "name", o.name(), "slug", o.slug(), "created_at", o.createdAt(), "updated_at", o.updatedAt()));
  }

  private Map<String, Object> user(TeamMember m) {
    Map<String, Object> user = JsonApi.resource("users", m.id(), attributes(
        "role", m.role(), "created_at", m.createdAt(), "updated_at", m.updatedAt(),
        "first_name", m.firstName(), "last_name", m.lastName(), "email", m.email(),
        "avatar_link", null, "locale", m.locale(), "pending_invite", m.pendingInvite(),
        "website_link", null, "linkedin_link", null, "facebook_link", null, "twitter_handle", null,
        "last_login", m.lastLogin()));
    user.put("relationships", Map.of("organization",
        Map.of("data", Map.of("type", "organizations", "id", store.organization().id()))));
    return user;
  }
}
