package io.isolane.sending.service;

/**
 * Splits the account's tokens over the tenants that can send now by water-filling: every tenant
 * gets as much as it can use up to an equal share, and what small tenants leave is shared among the
 * rest. A tenant's backlog size never matters, only its budget.
 */
final class FairShare {
  private FairShare() {}

  /** Quotas for {@code budgets} (each tenant's own limit now) out of {@code tokens}. */
  static int[] split(int tokens, int[] budgets, int rotation) {
    int n = budgets.length;
    int[] quota = new int[n];
    int left = tokens;
    boolean progress = true;
    while (left > 0 && progress) {
      progress = false;
      int hungry = 0;
      for (int i = 0; i < n; i++) {
        if (quota[i] < budgets[i]) {
          hungry++;
        }
      }
      if (hungry == 0) {
        break;
      }
      int share = Math.max(1, left / hungry);
      for (int k = 0; k < n && left > 0; k++) {
        int i = (k + rotation) % n; // the rotation decides who gets the odd tokens
        int give = Math.min(Math.min(share, budgets[i] - quota[i]), left);
        if (give > 0) {
          quota[i] += give;
          left -= give;
          progress = true;
        }
      }
    }
    return quota;
  }
}
