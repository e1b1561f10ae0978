package dev.berth.model;

import java.util.regex.Pattern;

/**
 * Recognizes IP address literals without ever resolving a name, unlike {@link
 * java.net.InetAddress#getByName}, which would look a host name up in DNS.
 */
final class IpLiteral {
  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

  private IpLiteral() {}

  /** True for a dotted-quad IPv4 address such as {@code 127.0.0.1} (no leading zeros). */
  static boolean isIpv4(String text) {
    return IPV4.matcher(text).matches();
  }

  /**
   * True for an IPv6 address such as {@code ::1}, {@code fe80::1:2} or {@code ::ffff:1.2.3.4},
   * without brackets or zone.
   */
  static boolean isIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    String head = gap >= 0 ? text.substring(0, gap) : text;
    String tail = gap >= 0 ? text.substring(gap + 2) : "";
    int headGroups = countGroups(head, gap < 0);
    int tailGroups = countGroups(tail, true);
    if (headGroups < 0 || tailGroups < 0) {
      return false;
    }
    int groups = headGroups + tailGroups;
    return gap >= 0 ? groups <= 7 : groups == 8;
  }

  /** True for either kind of address. */
  static boolean isIp(String text) {
    return isIpv4(text) || isIpv6(text);
  }

  /**
   * Counts the 16-bit groups in a colon-separated run, an IPv4 tail counting as two; -1 if the
   * run is malformed. Only the last run of the address may end in an IPv4 address.
   */
  private static int countGroups(String run, boolean mayEndInIpv4) {
    if (run.isEmpty()) {
      return 0;
    }
    String[] parts = run.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      if (last && mayEndInIpv4 && isIpv4(parts[i])) {
        groups += 2;
      } else if (HEX_GROUP.matcher(parts[i]).matches()) {
        groups++;
      } else {
        return -1;
      }
    }
    return groups;
  }
}
