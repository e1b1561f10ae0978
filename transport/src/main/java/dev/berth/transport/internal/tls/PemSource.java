package dev.berth.transport.internal.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PEM file and how to name it in messages: a file of a certificate directory is named by the
 * variable that gave the directory and its file name ({@code DOCKER_CERT_PATH /x/certs: key.pem}),
 * a file given on its own by the argument it was given as ({@code key file /x/client-key.pem}).
 */
public final class PemSource {
  private final Path path;
  private final String origin;
  private final String name;

  private PemSource(Path path, String origin, String name) {
    this.path = path;
    this.origin = origin;
    this.name = name;
  }

  /**
   * The file {@code fileName} in {@code directory}, which came from {@code variable} (such as
   * {@code DOCKER_CERT_PATH}).
   */
  public static PemSource inDirectory(String variable, Path directory, String fileName) {
    return new PemSource(directory.resolve(fileName), variable + " " + directory, fileName);
  }

  /** The file {@code file}, given as the argument {@code argument} (such as {@code key}). */
  public static PemSource argument(String argument, Path file) {
    Objects.requireNonNull(file, argument);
    return new PemSource(file, null, argument + " file " + file);
  }

  /** Where the file is. */
  public Path path() {
    return path;
  }

  /**
   * The file's name without its origin: {@code key.pem} in a certificate directory, {@code key
   * file /x/client-key.pem} otherwise. For a second file of the same message.
   */
  public String name() {
    return name;
  }

  /** A message about this file: its origin, its name, then {@code rest}. */
  public String describe(String rest) {
    return (origin == null ? "" : origin + ": ") + name + rest;
  }

  /**
   * The file named to stand on its own inside a sentence: {@code ca.pem in DOCKER_CERT_PATH
   * /x/certs}, or {@code ca file /x/ca.pem}.
   */
  public String where() {
    return origin == null ? name : name + " in " + origin;
  }

  @Override
  public String toString() {
    return describe("");
  }
}
