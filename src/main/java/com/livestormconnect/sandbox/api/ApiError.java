package com.livestormconnect.sandbox.api;

import java.util.List;
import java.util.Map;

/**
 * An API failure, answered as a jsonapi-resources error document (the gem Livestorm's meta keys
 * point to): {@code {"errors":[{"title","detail","code","status"}]}}.
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

  public int status() {
    return status;
  }

  public Map<String, Object> document() {
    String code = Integer.toString(status);
    return Map.of("errors", List.of(Map.of("title", title, "detail", getMessage(), "code", code, "status", code)));
  }
}
