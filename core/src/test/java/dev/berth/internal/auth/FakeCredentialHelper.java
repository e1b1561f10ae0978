package dev.berth.internal.auth;

import dev.berth.internal.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code docker-credential-<name>} shell script for tests, speaking the helper protocol (get,
 * store, erase, list) against files under {@code $FAKE_STORE/docker-credential-<name>/}: each
 * server's credentials as JSON in a file named by the SHA-256 of its URL. It logs every call but
 * the secret to {@code calls}. With {@code FAKE_FAIL} in its environment it fails, printing its
 * input (secret and all) to stderr; with {@code FAKE_HANG} it sleeps first.
 */
final class FakeCredentialHelper {
  private static final String SCRIPT = """
      #!/bin/sh
      dir="$FAKE_STORE/$(basename "$0")"
      mkdir -p "$dir"
      input=$(cat)
      if [ -n "$FAKE_HANG" ]; then sleep 60; fi
      if [ -n "$FAKE_FAIL" ]; then
        echo "keychain is locked; input was: $input" >&2
        exit 1
      fi
      key() { printf %s "$1" | sha256sum | cut -c1-64; }
      field() { printf %s "$input" | sed -n "s/.*\\"$1\\":\\"\\([^\\"]*\\)\\".*/\\1/p"; }
      case "$1" in
        get)
          echo "get $input" >> "$dir/calls"
          f="$dir/$(key "$input")"
          if [ -f "$f.json" ]; then cat "$f.json"; exit 0; fi
          echo "credentials not found in native keychain"
          exit 1 ;;
        store)
          url=$(field ServerURL)
          echo "store $url" >> "$dir/calls"
          f="$dir/$(key "$url")"
          printf %s "$input" > "$f.json"
          printf '"%s":"%s"' "$url" "$(field Username)" > "$f.list" ;;
        erase)
          echo "erase $input" >> "$dir/calls"
          f="$dir/$(key "$input")"
          if [ ! -f "$f.json" ]; then echo "credentials not found in native keychain"; exit 1; fi
          rm -f "$f.json" "$f.list" ;;
        list)
          echo "list" >> "$dir/calls"
          sep=""
          printf '{'
          for f in "$dir"/*.list; do
            [ -f "$f" ] || continue
            printf %s "$sep"
            cat "$f"
            sep=","
          done
          printf '}' ;;
        *)
          echo "unknown action $1"
          exit 1 ;;
      esac
      """;

  private final Path dir;

  private FakeCredentialHelper(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes {@code docker-credential-<name>} into {@code bin}, keeping its store under {@code
   * storeRoot} (which must be the {@code FAKE_STORE} of the environment it runs with).
   */
  static FakeCredentialHelper install(Path bin, Path storeRoot, String name) throws IOException {
    Files.createDirectories(bin);
    Path script = bin.resolve("docker-credential-" + name);
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path dir = Files.createDirectories(storeRoot.resolve("docker-credential-" + name));
    return new FakeCredentialHelper(dir);
  }

  /** Puts credentials in the store as {@code store} would. */
  void put(String serverUrl, String username, String secret) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ServerURL", serverUrl);
    json.put("Username", username);
    json.put("Secret", secret);
    Files.write(file(serverUrl, ".json"), Json.write(json));
    Files.writeString(file(serverUrl, ".list"), "\"" + serverUrl + "\":\"" + username + "\"");
  }

  /** The JSON the store holds for {@code serverUrl}, or null. */
  String stored(String serverUrl) throws IOException {
    Path file = file(serverUrl, ".json");
    return Files.exists(file) ? Files.readString(file) : null;
  }

  /** Every call so far, as {@code "<verb> <server URL>"} (or {@code "list"}). */
  List<String> calls() throws IOException {
    Path calls = dir.resolve("calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  private Path file(String serverUrl, String suffix) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(serverUrl.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(hash) + suffix);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
