package dev.berth.model;

import java.util.Objects;

/**
 * When the engine restarts a container that stops, as {@code docker run --restart} sets it.
 *
 * <pre>{@code
 * RestartPolicy p = RestartPolicy.parse("on-failure:5");
 * p.name();        // "on-failure"
 * p.maxRetries();  // 5
 * RestartPolicy.unlessStopped().toString();  // "unless-stopped"
 * }</pre>
 */
public final class RestartPolicy {
  private static final String NO = "no";
  private static final String ALWAYS = "always";
  private static final String UNLESS_STOPPED = "unless-stopped";
  private static final String ON_FAILURE = "on-failure";
  private static final String EXPECTED =
      "expected no, always, unless-stopped, on-failure or on-failure:N with N 0 or more";

  private final String name;
  private final int maxRetries;

  private RestartPolicy(String name, int maxRetries) {
    this.name = name;
    this.maxRetries = maxRetries;
  }

  /** Never restart: {@code no}, the engine's default. */
  public static RestartPolicy no() {
    return new RestartPolicy(NO, 0);
  }

  /** Always restart, even after the engine restarts: {@code always}. */
  public static RestartPolicy always() {
    return new RestartPolicy(ALWAYS, 0);
  }

  /** Restart unless stopped by hand: {@code unless-stopped}. */
  public static RestartPolicy unlessStopped() {
    return new RestartPolicy(UNLESS_STOPPED, 0);
  }

  /** Restart after a non-zero exit, without limit: {@code on-failure}. */
  public static RestartPolicy onFailure() {
    return new RestartPolicy(ON_FAILURE, 0);
  }

  /**
   * Restart after a non-zero exit, at most {@code maxRetries} times ({@code 0} means no limit):
   * {@code on-failure:N}.
   *
   * @throws IllegalArgumentException if {@code maxRetries} is negative
   */
  public static RestartPolicy onFailure(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException(
          "restart retries " + maxRetries + " is not valid: the count must be 0 or more");
    }
    return new RestartPolicy(ON_FAILURE, maxRetries);
  }

  /**
   * Parses a {@code --restart} value: {@code no}, {@code always}, {@code unless-stopped}, {@code
   * on-failure} or {@code on-failure:N}.
   *
   * @throws IllegalArgumentException for any other policy, a retry count with a policy other than
   *     {@code on-failure}, or a count that is not a whole number 0 or more
   */
  public static RestartPolicy parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("restart policy is missing: " + EXPECTED);
    }
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    if (!name.equals(NO) && !name.equals(ALWAYS) && !name.equals(UNLESS_STOPPED)
        && !name.equals(ON_FAILURE)) {
      String reason = name.isEmpty() ? "no policy is given" : "unknown policy \"" + name + "\"";
      throw invalid(text, reason);
    }
    if (colon < 0) {
      return new RestartPolicy(name, 0);
    }
    if (!name.equals(ON_FAILURE)) {
      throw invalid(text, "only on-failure takes a maximum retry count");
    }
    String count = text.substring(colon + 1);
    boolean digits = count.chars().allMatch(c -> c >= '0' && c <= '9');
    if (count.isEmpty() || count.length() > 9 || !digits) {
      throw invalid(text, "the maximum retry count must be a whole number 0 or more");
    }
    return new RestartPolicy(ON_FAILURE, Integer.parseInt(count));
  }

  /**
   * The policy's name as the Engine API's {@code RestartPolicy.Name} takes it: {@code no},
   * {@code always}, {@code unless-stopped} or {@code on-failure}.
   */
  public String name() {
    return name;
  }

  /** How many times {@code on-failure} retries, 0 for no limit; always 0 for other policies. */
  public int maxRetries() {
    return maxRetries;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestartPolicy p && p.name.equals(name) && p.maxRetries == maxRetries;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, maxRetries);
  }

  /** The {@code --restart} form, such as {@code always} or {@code on-failure:5}. */
  @Override
  public String toString() {
    return maxRetries > 0 ? name + ":" + maxRetries : name;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException(
        "restart policy \"" + text + "\" is not valid: " + reason + "; " + EXPECTED);
  }
}
