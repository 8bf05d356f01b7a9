package com.livestormconnect.sandbox.data;

/** The workspace. Livestorm's attribute list is undocumented; these are the plausible ones. */
public record Organization(String id, String name, String slug, long createdAt, long updatedAt) {}
