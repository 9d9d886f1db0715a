package io.isolane.tenant.service;

/** The resource does not exist for this tenant (also when another tenant owns it). */
public class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String kind;

  public NotFound(String kind, String id) {
    super("no " + kind + " " + id);
    this.kind = kind;
  }

  /** What was looked for: tenant, domain, mailbox, api-key. */
  public String kind() {
    return kind;
  }
}
