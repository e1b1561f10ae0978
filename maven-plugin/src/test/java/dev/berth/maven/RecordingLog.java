package dev.berth.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps the info lines. */
final class RecordingLog implements Log {
  final List<String> lines = new ArrayList<>();

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public void debug(CharSequence content) {}

  @Override
  public void debug(CharSequence content, Throwable error) {}

  @Override
  public void debug(Throwable error) {}

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public void info(CharSequence content) {
    lines.add(content.toString());
  }

  @Override
  public void info(CharSequence content, Throwable error) {
    lines.add(content.toString());
  }

  @Override
  public void info(Throwable error) {}

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public void warn(CharSequence content) {}

  @Override
  public void warn(CharSequence content, Throwable error) {}

  @Override
  public void warn(Throwable error) {}

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public void error(CharSequence content) {}

  @Override
  public void error(CharSequence content, Throwable error) {}

  @Override
  public void error(Throwable error) {}
}
