package com.livestormconnect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on a POSIX file system with the usual umask (022), under which a file made with the defaults
 * would be readable by everyone: so each permission check fails if the file were made wider.
 */
class OwnerOnlyFilesTest {
  @TempDir Path dir;

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void aCreatedFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("secret");
    OwnerOnlyFiles.create(file);
    assertEquals("rw-------", permissions(file));
    assertEquals(0, Files.size(file));
  }

  @Test
  void creatingAFileThatExistsFailsAndLeavesItAlone() throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "first");
    assertThrows(FileAlreadyExistsException.class, () -> OwnerOnlyFiles.create(file));
    assertEquals("first", Files.readString(file));
  }

  @Test
  void replacingAWorldReadableFileLeavesAnOwnerOnlyOneWithTheNewText() throws Exception {
    Path file = dir.resolve("data").resolve("code");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "old, readable by everyone");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    OwnerOnlyFiles.replace(file, "new é\n");

    assertEquals("rw-------", permissions(file));
    assertEquals("new é\n", Files.readString(file));
  }

  @Test
  void replacingCreatesMissingParents() throws Exception {
    Path file = dir.resolve("a").resolve("b").resolve("code");
    OwnerOnlyFiles.replace(file, "x");
    assertEquals("x", Files.readString(file));
    assertEquals("rw-------", permissions(file));
  }

  @Test
  void aNewDirectoryIsOpenToItsOwnerOnlyAndMakingItAgainIsHarmless() throws Exception {
    Path directory = dir.resolve("data").resolve("exports");
    OwnerOnlyFiles.createDirectory(directory);
    assertEquals("rwx------", permissions(directory));
    OwnerOnlyFiles.createDirectory(directory);
    assertEquals("rwx------", permissions(directory));
  }
}
