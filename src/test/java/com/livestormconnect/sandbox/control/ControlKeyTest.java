package com.livestormconnect.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlKeyTest {
  @Test
  void withoutAConfiguredKeyEachStartWritesANewRandomKeyReadableByTheOwnerOnly(@TempDir Path dir)
      throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dir.toString());
    Files.writeString(dir.resolve(ControlKey.FILE), "old key, world-readable");
    Files.setPosixFilePermissions(
        dir.resolve(ControlKey.FILE), PosixFilePermissions.fromString("rw-r--r--"));

    String first = new String(ControlKey.load(env::get), StandardCharsets.UTF_8);
    Path file = dir.resolve(ControlKey.FILE);
    assertEquals(first, Files.readString(file).strip());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(first.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url: " + first.length());

    String second = new String(ControlKey.load(env::get), StandardCharsets.UTF_8);
    assertNotEquals(first, second, "a new key per start");
  }

  @Test
  void aConfiguredKeyIsUsedAndNoFileIsWritten(@TempDir Path dir) {
    Map<String, String> env =
        Map.of("DATA_DIR", dir.toString(), "SANDBOX_CONTROL_KEY", "operator-key");
    assertEquals("operator-key", new String(ControlKey.load(env::get), StandardCharsets.UTF_8));
    assertFalse(Files.exists(dir.resolve(ControlKey.FILE)));
  }

  @Test
  void onlyJsonBodiesAreAccepted() {
    assertTrue(ControlServlet.isJson("application/json"));
    assertTrue(ControlServlet.isJson("Application/JSON; charset=utf-8"));
    assertFalse(ControlServlet.isJson("application/x-www-form-urlencoded"));
    assertFalse(ControlServlet.isJson("text/plain"));
    assertFalse(ControlServlet.isJson("multipart/form-data; boundary=x"));
    assertFalse(ControlServlet.isJson("application/json-seq"));
    assertFalse(ControlServlet.isJson(null));
  }
}
