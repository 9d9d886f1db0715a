package io.isolane.sending.service;

import io.isolane.sending.client.SesSender;
import io.isolane.sending.config.SendingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * This instance's view of the SES account's max send rate: read with GetAccount once, re-read every
 * {@code account-refresh} in the background (SES raises quotas), halved on throttling.
 */
@ApplicationScoped
public class AccountRates {
  private static final Logger LOG = Logger.getLogger(AccountRates.class);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final SesSender ses;
  private final SendingConfig config;
  private volatile long readAt;
  private volatile AccountRate account;

  public AccountRates(SesSender ses, SendingConfig config) {
    this.ses = ses;
    this.config = config;
  }

  /** The account rate, once SES has told the account's max send rate. */
  Uni<AccountRate> current(long now) {
    if (account != null) {
      if (now - readAt > config.accountRefresh().toNanos()) {
        readAt = now;
        ses.maxSendRate().thenAccept(max -> account.accountMax(max, System.nanoTime()));
      }
      return Uni.createFrom().item(account);
    }
    return Uni.createFrom()
        .completionStage(ses::maxSendRate)
        .ifNoItem()
        .after(READ_TIMEOUT)
        .fail()
        .map(
            max -> {
              account = new AccountRate(max, config.accountRateIncrease(), now);
              readAt = now;
              LOG.infof("SES account max send rate %.1f/s", max);
              return account;
            });
  }

  /** SES throttled {@code throttles} sends: back off (AIMD). */
  void throttled(int throttles, long now) {
    if (throttles > 0 && account != null) {
      account.throttled(now);
      LOG.infof("SES throttled %d sends; account rate now %.1f/s", throttles, account.rate());
    }
  }
}
