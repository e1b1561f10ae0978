package dev.berth.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** A plain GET for the tests, as a user's test would make it. */
record HttpGet(int status, String body) {
  static HttpGet get(String host, int port, String path) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL("http", host, port, path).openConnection();
    c.setConnectTimeout(2000);
    c.setReadTimeout(5000);
    try {
      int status = c.getResponseCode();
      InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new HttpGet(status, body);
    } finally {
      c.disconnect();
    }
  }
}
