package com.livestormconnect.sandbox.data;

/** An event (a webinar), without its sessions. {@code publishedAt} is 0 for a draft. */
public record Event(String id, String ownerId, String title, String slug, String description,
    String language, int estimatedDuration, boolean everyoneCanSpeak, boolean recordingEnabled,
    boolean chatEnabled, long publishedAt, long createdAt, long updatedAt) {

  public boolean published() {
    return publishedAt > 0;
  }
}
