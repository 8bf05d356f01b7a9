package com.livestormconnect.config;

import java.nio.file.Path;
import java.util.Optional;

/** JDBC connection settings: embedded Derby under DATA_DIR unless DATABASE_URL names another. */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password) {

  public static DatabaseSettings fromEnvironment() {
    Environment env = Environment.system();
    DatabaseSettings settings = read(env, env.dataDir());
    env.throwIfProblems();
    return settings;
  }

  static DatabaseSettings read(Environment env, Path dataDir) {
    String url = env.text("DATABASE_URL").orElse(derbyUrl(dataDir));
    if (!url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:postgresql:")) {
      env.problem("DATABASE_URL", "must start with jdbc:derby: or jdbc:postgresql:");
    }
    return new DatabaseSettings(url, env.text("DATABASE_USER"), env.secret("DATABASE_PASSWORD"));
  }

  private static String derbyUrl(Path dataDir) {
    return "jdbc:derby:" + dataDir.resolve("db").toAbsolutePath() + ";create=true";
  }

  public boolean isDerby() {
    return url.startsWith("jdbc:derby:");
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user.orElse("") + ", password=<redacted>]";
  }
}
