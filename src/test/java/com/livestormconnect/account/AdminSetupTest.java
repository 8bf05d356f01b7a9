package com.livestormconnect.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminSetupTest {
  @Test
  void theSetupCodeFileIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data").resolve(AdminSetup.FILE_NAME);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "old");
    AdminSetup.write(file, "the-code");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("the-code\n", Files.readString(file));
  }
}
