package com.livestormconnect.sandbox.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint: method, path template ({@code /events/{id}/sessions}), the scope area it needs
 * (null: any valid token) and whether it writes, and its handler.
 */
public record Route(String method, Pattern pattern, List<String> variables, String area,
    boolean write, Handler handler) {

  /** Handles one matched request. */
  @FunctionalInterface
  public interface Handler {
    Reply handle(ApiRequest request);
  }

  public static Route of(String method, String template, String area, Handler handler) {
    List<String> variables = new ArrayList<>();
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
    StringBuilder regex = new StringBuilder();
    while (m.find()) {
      variables.add(m.group(1));
      m.appendReplacement(regex, "([^/]+)");
    }
    m.appendTail(regex);
    boolean write = !method.equals("GET");
    return new Route(method, Pattern.compile(regex.toString()), List.copyOf(variables), area, write, handler);
  }

  public Optional<Map<String, String>> match(String method, String path) {
    Matcher m = pattern.matcher(path);
    if (!this.method.equals(method) || !m.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      values.put(variables.get(i), m.group(i + 1));
    }
    return Optional.of(values);
  }
}
