package com.livestormconnect.sandbox.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** JSON:API document shapes as Livestorm sends them: data objects, lists with pagination meta. */
public final class JsonApi {
  private JsonApi() {}

  public static Map<String, Object> resource(String type, String id, Map<String, Object> attributes) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("id", id);
    resource.put("type", type);
    resource.put("attributes", attributes);
    return resource;
  }

  public static Map<String, Object> one(Map<String, Object> resource) {
    return Map.of("data", resource);
  }

  public static <T> Map<String, Object> list(Page page, List<T> all, Function<T, Map<String, Object>> view) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("data", page.slice(all).stream().map(view).toList());
    document.put("meta", page.meta(all.size()));
    return document;
  }

  /** An ordered attribute map; JSON-P writes Java nulls as JSON null. */
  public static Map<String, Object> attributes(Object... namesAndValues) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return attributes;
  }
}
