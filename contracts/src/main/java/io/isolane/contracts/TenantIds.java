package io.isolane.contracts;

import java.util.regex.Pattern;

/** The one rule for tenant ids: stable, URL-safe, lower case, and never containing a slash. */
public final class TenantIds {
  /** 3 to 63 characters: lower-case letters, digits and inner hyphens. */
  public static final String REGEX = "^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$";

  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private TenantIds() {}

  /** Whether {@code id} is a well-formed tenant id. */
  public static boolean isValid(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }

  /** Returns {@code id}, or throws when it is not a well-formed tenant id. */
  public static String requireValid(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("not a valid tenant id: " + id);
    }
    return id;
  }
}
