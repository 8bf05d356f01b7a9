package com.livestormconnect.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files under {@code DATA_DIR} that hold secrets or people's data (the token key, the setup code,
 * exports): readable by the app's own user only ({@code rw-------}, directories {@code rwx------}).
 * They are created with those permissions rather than restricted afterwards, so no other user can
 * open one in between. On a file system without POSIX permissions they are created with its
 * defaults.
 */
public final class OwnerOnlyFiles {
  private OwnerOnlyFiles() {}

  /**
   * Creates {@code file}, empty and owner-only. Like {@link Files#createFile}, it fails with {@link
   * FileAlreadyExistsException} if the file exists, so that of two starts racing only one writes.
   */
  public static void create(Path file) throws IOException {
    if (isPosix(file)) {
      Files.createFile(file, permissions("rw-------"));
    } else {
      Files.createFile(file);
    }
  }

  /**
   * Replaces whatever {@code file} was (perhaps readable by others) with a new owner-only file
   * holding {@code text} in UTF-8; missing parent directories are created with the defaults.
   */
  public static void replace(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.deleteIfExists(file);
    create(file);
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * Makes {@code directory} owner-only if it does not exist yet (its parents with the defaults); an
   * existing one is left as it is. Safe when two threads make it at once.
   */
  public static void createDirectory(Path directory) throws IOException {
    if (isPosix(directory) && !Files.isDirectory(directory)) {
      Files.createDirectories(directory.toAbsolutePath().getParent());
      try {
        Files.createDirectory(directory, permissions("rwx------"));
      } catch (FileAlreadyExistsException raced) {
        // Made by another thread in between.
      }
    }
    Files.createDirectories(directory);
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?> permissions(String symbolic) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(symbolic));
  }
}
