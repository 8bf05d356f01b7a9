package com.livestormconnect.config;

/** Where the app's Livestorm is: the offline one inside the WAR, or the real one. */
public enum Mode {
  SANDBOX,
  PRODUCTION
}
