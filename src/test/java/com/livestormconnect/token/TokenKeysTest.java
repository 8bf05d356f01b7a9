package com.livestormconnect.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.livestormconnect.config.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {
  @TempDir Path dir;

  @Test
  void theSandboxKeyIsGeneratedOnceOwnerOnlyAndReused() throws Exception {
    Path file = dir.resolve("data").resolve(TokenKeys.KEY_FILE);
    byte[] first = TokenKeys.readOrCreate(file);
    assertEquals(32, first.length);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertArrayEquals(first, TokenKeys.readOrCreate(file), "a later start reuses the key");
  }

  @Test
  void aCorruptKeyFileStopsStartUpNamingTheFile() throws Exception {
    Path file = dir.resolve(TokenKeys.KEY_FILE);
    Files.writeString(file, "not a key");
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> TokenKeys.readOrCreate(file));
    assertEquals(true, e.getMessage().contains(file.toString()), e.getMessage());
  }
}
