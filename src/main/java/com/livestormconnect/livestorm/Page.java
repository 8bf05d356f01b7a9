package com.livestormconnect.livestorm;

import java.util.List;

/** One page of a Livestorm list, with the list's pagination. */
public record Page<T>(List<T> items, PageMeta meta) {}
