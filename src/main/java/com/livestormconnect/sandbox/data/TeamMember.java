package com.livestormconnect.sandbox.data;

/** A team member of the workspace (type "users"); role is host or moderator. */
public record TeamMember(
    String id,
    String firstName,
    String lastName,
    String email,
    String role,
    String locale,
    boolean pendingInvite,
    long lastLogin,
    long createdAt,
    long updatedAt) {}
