package com.livestormconnect.sandbox.data;

/**
 * An event (a webinar), without its sessions. {@code publishedAt} is 0 for a draft; an on-demand
 * event's sessions are watched as recordings, so once they ran the event is {@code on_demand}.
 */
public record Event(
    String id,
    String ownerId,
    String title,
    String slug,
    String description,
    String language,
    int estimatedDuration,
    boolean everyoneCanSpeak,
    boolean recordingEnabled,
    boolean chatEnabled,
    long publishedAt,
    long createdAt,
    long updatedAt,
    boolean onDemand) {

  public boolean published() {
    return publishedAt > 0;
  }

  /** The same event, changed at {@code at}. */
  public Event updated(long at) {
    return new Event(
        id,
        ownerId,
        title,
        slug,
        description,
        language,
        estimatedDuration,
        everyoneCanSpeak,
        recordingEnabled,
        chatEnabled,
        publishedAt,
        createdAt,
        at,
        onDemand);
  }
}
