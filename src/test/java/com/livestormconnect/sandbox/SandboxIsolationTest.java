package com.livestormconnect.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sandbox can be lifted out: it uses nothing of the app, and the app uses nothing of it. */
class SandboxIsolationTest {
  private static final Path SOURCES = Path.of("src/main/java/com/livestormconnect");

  @Test
  void sandboxImportsNothingFromTheApp() throws IOException {
    assertEquals(List.of(), offenders(SOURCES.resolve("sandbox"),
        line -> line.startsWith("import com.livestormconnect.") && !line.startsWith("import com.livestormconnect.sandbox")));
  }

  @Test
  void appImportsNothingFromTheSandbox() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      offenders = files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(SOURCES.resolve("sandbox")))
          .filter(p -> read(p).contains("com.livestormconnect.sandbox")).map(Path::toString).toList();
    }
    assertEquals(List.of(), offenders);
  }

  private static List<String> offenders(Path root, java.util.function.Predicate<String> bad) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .flatMap(p -> read(p).lines().map(String::trim).filter(bad).map(l -> p.getFileName() + ": " + l))
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
