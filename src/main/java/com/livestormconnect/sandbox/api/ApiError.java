package com.livestormconnect.sandbox.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;

/**
 * An API failure, answered as a jsonapi-resources error document (the gem Livestorm's meta keys
 * point to): {@code {"errors":[{"title","detail","code","status"}]}}. Thrown by resources and
 * answered by {@link Mapper}; filters abort with its {@link #response()}.
 */
public class ApiError extends RuntimeException {
  private final int status;
  private final String title;

  public ApiError(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static ApiError badRequest(String detail) {
    return new ApiError(400, "Bad Request", detail);
  }

  public static ApiError notFound(String detail) {
    return new ApiError(404, "Record not found", detail);
  }

  public static ApiError unprocessable(String detail) {
    return new ApiError(422, "Unprocessable Entity", detail);
  }

  /**
   * A refused field of a registration, pointed at as jsonapi-resources does ({@code
   * source.pointer}).
   */
  public record FieldError(String field, String detail) {}

  private List<FieldError> fieldErrors = List.of();

  /** 422 with one error per refused field. */
  public static ApiError unprocessable(List<FieldError> errors) {
    ApiError error =
        new ApiError(
            422,
            "Unprocessable Entity",
            String.join("; ", errors.stream().map(FieldError::detail).toList()));
    error.fieldErrors = List.copyOf(errors);
    return error;
  }

  public int status() {
    return status;
  }

  public Map<String, Object> document() {
    String code = Integer.toString(status);
    if (!fieldErrors.isEmpty()) {
      return Map.of(
          "errors",
          fieldErrors.stream()
              .map(
                  f ->
                      Map.of(
                          "title",
                          title,
                          "detail",
                          f.detail(),
                          "code",
                          code,
                          "status",
                          code,
                          "source",
                          Map.of("pointer", "/data/attributes/fields/" + f.field())))
              .toList());
    }
    return Map.of(
        "errors",
        List.of(Map.of("title", title, "detail", getMessage(), "code", code, "status", code)));
  }

  /** The error's answer, to which a filter may add headers. */
  public Response.ResponseBuilder response() {
    return JsonApi.answer(status, document());
  }

  /** Answers an ApiError thrown by a resource (or by its page). */
  public static class Mapper implements ExceptionMapper<ApiError> {
    @Override
    public Response toResponse(ApiError error) {
      return error.response().build();
    }
  }
}
