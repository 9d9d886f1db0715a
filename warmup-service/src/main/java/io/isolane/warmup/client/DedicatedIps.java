package io.isolane.warmup.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/** SES dedicated IPs: which pool an IP is in, a pool's IPs, and an IP's warm-up percentage. */
@ApplicationScoped
public class DedicatedIps {
  private static final int PAGE = 100;

  private final SesV2AsyncClient ses;

  public DedicatedIps(SesV2AsyncClient ses) {
    this.ses = ses;
  }

  /** The pool the account's dedicated IP is in; empty when SES does not know the IP or no pool. */
  public Uni<Optional<String>> poolOf(String ip) {
    return onCallersContext(
        Uni.createFrom()
            .completionStage(() -> ses.getDedicatedIp(r -> r.ip(ip)))
            .map(r -> Optional.ofNullable(r.dedicatedIp().poolName()))
            .onFailure(e -> unwrap(e) instanceof NotFoundException)
            .recoverWithItem(Optional.empty()));
  }

  /**
   * The IPs SES lists in the pool ({@code GetDedicatedIps}, every page); empty for a pool SES does
   * not know (yet, or no more).
   */
  public Uni<List<String>> ipsOf(String pool) {
    return onCallersContext(
        page(pool, null, new ArrayList<>())
            .onFailure(e -> unwrap(e) instanceof NotFoundException)
            .recoverWithItem(List.of()));
  }

  private Uni<List<String>> page(String pool, String token, List<String> found) {
    return Uni.createFrom()
        .completionStage(
            () -> ses.getDedicatedIps(r -> r.poolName(pool).nextToken(token).pageSize(PAGE)))
        .chain(
            r -> {
              r.dedicatedIps().forEach(ip -> found.add(ip.ip().toLowerCase()));
              return r.nextToken() == null || r.nextToken().isEmpty()
                  ? Uni.createFrom().item(found)
                  : page(pool, r.nextToken(), found);
            });
  }

  /** Sets how far along its warm-up SES should treat the IP (100 = warmed). */
  public Uni<Void> setWarmupPercentage(String ip, int percentage) {
    return onCallersContext(
        Uni.createFrom()
            .completionStage(
                () ->
                    ses.putDedicatedIpWarmupAttributes(r -> r.ip(ip).warmupPercentage(percentage)))
            .replaceWithVoid());
  }

  // the SDK completes on its own threads; a reactive database session must resume on its context
  private static <T> Uni<T> onCallersContext(Uni<T> call) {
    Context context = Vertx.currentContext();
    return context == null
        ? call
        : call.emitOn(task -> context.runOnContext(ignored -> task.run()));
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
