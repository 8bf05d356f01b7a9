package com.livestormconnect.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class RequestSizeFilterTest {
  @Test
  void aChunkedBodyIsReadUpToTheLimitAndNoFurther() throws Exception {
    byte[] small = new byte[1000];
    assertArrayEquals(small, RequestSizeFilter.readAtMost(new ByteArrayInputStream(small), 1000));
    assertNull(RequestSizeFilter.readAtMost(new ByteArrayInputStream(new byte[1001]), 1000));
  }
}
