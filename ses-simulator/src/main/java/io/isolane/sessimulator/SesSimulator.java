package io.isolane.sessimulator;

import io.isolane.sessimulator.api.AccountApi;
import io.isolane.sessimulator.api.ConfigurationSetApi;
import io.isolane.sessimulator.api.DedicatedIpApi;
import io.isolane.sessimulator.api.FaultApi;
import io.isolane.sessimulator.api.IdentityApi;
import io.isolane.sessimulator.api.MessagesApi;
import io.isolane.sessimulator.api.SendApi;
import io.isolane.sessimulator.api.SuppressionApi;
import io.isolane.sessimulator.api.TemplateApi;
import io.isolane.sessimulator.api.TenantApi;
import io.isolane.sessimulator.events.EventPublisher;
import io.isolane.sessimulator.inbound.InboundApi;
import io.isolane.sessimulator.inbound.OutOfOfficeReplies;
import io.isolane.sessimulator.inbound.Receiver;
import io.isolane.sessimulator.sending.SendGuard;
import io.isolane.sessimulator.sending.SendQuota;
import io.isolane.sessimulator.sns.Sns;
import io.isolane.sessimulator.sns.SnsApi;
import io.isolane.sessimulator.sns.SnsSigner;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.state.Verification;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.OperationGate;
import io.isolane.sessimulator.web.SesException;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Amazon SES v2 endpoint for the real AWS SDK: point {@code SesV2AsyncClient} at {@link
 * #endpoint()} with any static credentials. Runs standalone ({@link #main}) or inside a test JVM
 * ({@link #start}); it owns its own Vert.x instance.
 */
public final class SesSimulator implements AutoCloseable {
  /** SES v2 accepts messages up to 40 MB; base64 and JSON framing add about a third. */
  private static final long BODY_LIMIT = 56L * 1024 * 1024;

  private final Vertx vertx;
  private final int port;
  private final SimulatorConfig config;
  private final SesState state;
  private final Sns sns;
  private final OperationGate gate;
  private final SendQuota quota;

  private SesSimulator(
      Vertx vertx,
      int port,
      SimulatorConfig config,
      SesState state,
      Sns sns,
      OperationGate gate,
      SendQuota quota) {
    this.vertx = vertx;
    this.port = port;
    this.config = config;
    this.state = state;
    this.sns = sns;
    this.gate = gate;
    this.quota = quota;
  }

  /** Starts a simulator and returns once it listens. */
  public static SesSimulator start(SimulatorConfig config) {
    Vertx vertx = Vertx.vertx();
    SesState state = new SesState();
    OperationGate gate = new OperationGate(config.controlPlaneRate());
    SendQuota quota = new SendQuota(config.maxSendRate(), config.max24HourSend());
    Router router = Router.router(vertx);
    try {
      // one server per core on one port (Vert.x shares even a random port within a deployment)
      int cores = Runtime.getRuntime().availableProcessors();
      int port = listen(vertx, router, config.host(), config.port(), cores);
      String baseUrl = "http://" + publicHost(config.host()) + ":" + port;
      Sns sns = new Sns(vertx, config, new SnsSigner(config.snsSigningKeyBits()), baseUrl);
      mount(vertx, router, config, state, sns, gate, quota);
      return new SesSimulator(vertx, port, config, state, sns, gate, quota);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("SES simulator did not start", e);
    }
  }

  /** Deploys {@code instances} HTTP server verticles on the port; returns the bound port. */
  private static int listen(Vertx vertx, Router router, String host, int port, int instances)
      throws Exception {
    AtomicInteger bound = new AtomicInteger();
    vertx
        .deployVerticle(
            () ->
                new AbstractVerticle() {
                  @Override
                  public void start(Promise<Void> started) {
                    vertx
                        .createHttpServer()
                        .requestHandler(router)
                        .listen(port, host)
                        .onSuccess(server -> bound.set(server.actualPort()))
                        .<Void>mapEmpty()
                        .onComplete(started);
                  }
                },
            new DeploymentOptions().setInstances(instances))
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    return bound.get();
  }

  private static void mount(
      Vertx vertx,
      Router router,
      SimulatorConfig config,
      SesState state,
      Sns sns,
      OperationGate gate,
      SendQuota quota) {
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router
        .route()
        .handler(
            ctx -> {
              ctx.put(OperationGate.CONTEXT_KEY, gate);
              ctx.next();
            });
    new FaultApi(gate).mount(router);
    Verification verification = new Verification(config, state);
    new AccountApi(state, quota).mount(router);
    new IdentityApi(config, state, verification).mount(router);
    new ConfigurationSetApi(config, state).mount(router);
    new TenantApi(config, state).mount(router);
    new SuppressionApi(state).mount(router);
    new DedicatedIpApi(state).mount(router);
    new TemplateApi(state).mount(router);
    Receiver receiver = new Receiver(sns);
    EventPublisher events =
        new EventPublisher(
            vertx, config, state, sns, config.outcomes(), new OutOfOfficeReplies(receiver));
    new SendApi(config, state, new SendGuard(config, state, verification, quota), events)
        .mount(router);
    new InboundApi(receiver).mount(router);
    new MessagesApi(state).mount(router);
    new SnsApi(config, sns).mount(router);
    router
        .route()
        .last()
        .handler(
            ctx ->
                Handlers.error(
                    ctx,
                    new SesException(
                        404,
                        "UnknownOperationException",
                        "Unknown operation "
                            + ctx.request().method()
                            + " "
                            + ctx.request().path())));
  }

  private static String publicHost(String host) {
    return "0.0.0.0".equals(host) ? "localhost" : host;
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** The endpoint to give the AWS SDK's {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://" + publicHost(config.host()) + ":" + port());
  }

  /** The simulator's SNS, for in-JVM tests. */
  public Sns sns() {
    return sns;
  }

  /** Call counts, injected faults and the control-plane rate, for in-JVM tests. */
  public OperationGate operations() {
    return gate;
  }

  /**
   * The account's live send quota (what SendEmail/SendBulkEmail enforce and GetAccount reports),
   * for in-JVM tests; {@link SendQuota#change} changes it.
   */
  public SendQuota sendingQuota() {
    return quota;
  }

  /**
   * Changes the account's send quota from now on, as {@code PUT /_simulator/account/sending-quota}
   * does: recipients per second (the token bucket's capacity follows it) and per rolling 24 hours.
   *
   * @throws IllegalArgumentException if a value is not a positive finite number
   */
  public SendQuota.Snapshot setSendingQuota(double maxSendRate, double max24HourSend) {
    return quota.change(maxSendRate, max24HourSend);
  }

  /** The simulator's state, for in-JVM tests. */
  public SesState state() {
    return state;
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  /** Runs standalone. Arguments: {@code [port]} (default 8086). */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8086;
    SesSimulator simulator = start(SimulatorConfig.defaults().withHost("0.0.0.0").withPort(port));
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "ses-simulator-stop"));
    System.out.println("SES simulator listening on port " + simulator.port());
    Thread.currentThread().join();
  }
}
