package com.livestormconnect.sandbox.api;

import static com.livestormconnect.sandbox.api.JsonApi.attributes;

import com.livestormconnect.sandbox.SandboxVariants;
import com.livestormconnect.sandbox.data.Organization;
import com.livestormconnect.sandbox.data.SandboxStore;
import com.livestormconnect.sandbox.data.TeamMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /ping (any valid token), /me (identity), /organization (identity or admin) and /users (admin,
 * with filter[email], filter[role], filter[pending_invite]).
 */
@Path("/")
@ApplicationScoped
public class AccountApi {
  @Inject SandboxStore store;

  @Inject SandboxVariants variants;

  @Inject Pagination pagination;

  @GET
  @Path("ping")
  @RequiredScope({})
  public Response ping() {
    return JsonApi.ok(Map.of("meta", Map.of("status", "ok")));
  }

  @GET
  @Path("me")
  @RequiredScope("identity")
  public Response me() {
    return JsonApi.ok(JsonApi.one(user(store.me())));
  }

  @GET
  @Path("users")
  @RequiredScope("admin")
  public Response users(
      @QueryParam("filter[email]") String emailFilter,
      @QueryParam("filter[role]") String roleFilter,
      @QueryParam("filter[pending_invite]") String pendingFilter,
      @QueryParam("page[number]") String number,
      @QueryParam("page[size]") String size) {
    String email = JsonApi.filter(emailFilter);
    String role = JsonApi.filter(roleFilter);
    Boolean pending = JsonApi.booleanFilter("pending_invite", pendingFilter);
    List<TeamMember> members =
        store.members().stream()
            .filter(m -> email == null || m.email().equalsIgnoreCase(email))
            .filter(m -> role == null || m.role().equals(role))
            .filter(m -> pending == null || m.pendingInvite() == pending)
            .toList();
    return pagination.list(number, size, members, this::user);
  }

  /**
   * Livestorm's public clients read /organization as the connected user, the organization itself
   * coming only in {@code included} with {@code ?include=organization}; a variant answers the
   * organization directly.
   */
  @GET
  @Path("organization")
  @RequiredScope({"identity", "admin"})
  public Response organizationDocument(@QueryParam("include") String include) {
    if (variants.is(SandboxVariants.Variant.ORGANIZATION, "organization")) {
      return JsonApi.ok(JsonApi.one(organization()));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("data", user(store.me()));
    if (include != null && Arrays.asList(include.split(",")).contains("organization")) {
      document.put("included", List.of(organization()));
    }
    return JsonApi.ok(document);
  }

  public Map<String, Object> organization() {
    Organization o = store.organization();
    return JsonApi.resource(
        "organizations",
        o.id(),
        attributes(
            "name",
            o.name(),
            "slug",
            o.slug(),
            "created_at",
            o.createdAt(),
            "updated_at",
            o.updatedAt()));
  }

  private Map<String, Object> user(TeamMember m) {
    Map<String, Object> user =
        JsonApi.resource(
            "users",
            m.id(),
            attributes(
                "role",
                m.role(),
                "created_at",
                m.createdAt(),
                "updated_at",
                m.updatedAt(),
                "first_name",
                m.firstName(),
                "last_name",
                m.lastName(),
                "email",
                m.email(),
                "avatar_link",
                null,
                "locale",
                m.locale(),
                "pending_invite",
                m.pendingInvite(),
                "website_link",
                null,
                "linkedin_link",
                null,
                "facebook_link",
                null,
                "twitter_handle",
                null,
                "last_login",
                m.lastLogin()));
    user.put(
        "relationships",
        Map.of(
            "organization",
            Map.of("data", Map.of("type", "organizations", "id", store.organization().id()))));
    return user;
  }
}
