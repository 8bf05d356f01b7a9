package com.livestormconnect.config;

import java.util.List;

/**
 * A setting is missing or malformed; the message names every offending variable and what is wrong.
 */
public class ConfigurationException extends RuntimeException {
  private final List<String> problems;

  public ConfigurationException(List<String> problems) {
    super("Invalid configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
