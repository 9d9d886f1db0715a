package io.isolane.sessimulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.SimulatorConfig;
import io.isolane.sessimulator.state.Identity;
import io.isolane.sessimulator.state.SesState;
import io.isolane.sessimulator.state.Verification;
import io.isolane.sessimulator.web.Handlers;
import io.isolane.sessimulator.web.Handlers.Request;
import io.isolane.sessimulator.web.Json;
import io.isolane.sessimulator.web.SesException;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Email identities: domains with Easy DKIM, addresses, custom MAIL FROM. */
public final class IdentityApi {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SimulatorConfig config;
  private final SesState state;
  private final Verification verification;

  public IdentityApi(SimulatorConfig config, SesState state, Verification verification) {
    this.config = config;
    this.state = state;
    this.verification = verification;
  }

  public void mount(Router router) {
    router.post("/v2/email/identities").handler(Handlers.json("CreateEmailIdentity", this::create));
    router
        .get("/v2/email/identities/:EmailIdentity")
        .handler(Handlers.json("GetEmailIdentity", this::get));
    router
        .delete("/v2/email/identities/:EmailIdentity")
        .handler(Handlers.json("DeleteEmailIdentity", this::delete));
    router
        .put("/v2/email/identities/:EmailIdentity/mail-from")
        .handler(Handlers.json("PutEmailIdentityMailFromAttributes", this::putMailFrom));
  }

  private ObjectNode create(Request request) {
    String name = Json.required(request.body(), "EmailIdentity").toLowerCase(Locale.ROOT);
    boolean domain = !name.contains("@");
    List<String> tokens =
        domain ? IntStream.range(0, 3).mapToObj(i -> token()).toList() : List.of();
    Identity identity =
        new Identity(
            name,
            domain,
            tokens,
            Instant.now(),
            Json.tags(request.body()),
            Json.optional(request.body(), "ConfigurationSetName"));
    if (state.identities.putIfAbsent(name, identity) != null) {
      throw SesException.alreadyExists("Email identity " + name + " already exist.");
    }
    return Json.object()
        .put("IdentityType", domain ? "DOMAIN" : "EMAIL_ADDRESS")
        .put("VerifiedForSendingStatus", verification.verified(identity))
        .set("DkimAttributes", dkim(identity));
  }

  private ObjectNode get(Request request) {
    Identity identity = find(request.path("EmailIdentity"));
    ObjectNode response =
        Json.object()
            .put("IdentityType", identity.domain ? "DOMAIN" : "EMAIL_ADDRESS")
            .put("FeedbackForwardingStatus", true)
            .put("VerifiedForSendingStatus", verification.verified(identity))
            .put("VerificationStatus", verification.status(identity));
    response.set("DkimAttributes", dkim(identity));
    response.set("MailFromAttributes", mailFrom(identity));
    response.set("Policies", Json.object());
    response.set("Tags", Json.tagArray(identity.tags));
    if (identity.configurationSetName != null) {
      response.put("ConfigurationSetName", identity.configurationSetName);
    }
    return response;
  }

  private ObjectNode delete(Request request) {
    Identity identity = find(request.path("EmailIdentity"));
    state.identities.remove(identity.name);
    String arn = config.arn("identity/" + identity.name);
    state.tenants.values().forEach(t -> t.resources.remove(arn));
    return Json.object();
  }

  private ObjectNode putMailFrom(Request request) {
    Identity identity = find(request.path("EmailIdentity"));
    String mailFrom = Json.optional(request.body(), "MailFromDomain");
    String behavior = Json.optional(request.body(), "BehaviorOnMxFailure");
    if (mailFrom != null && !mailFrom.toLowerCase(Locale.ROOT).endsWith("." + domainOf(identity))) {
      throw SesException.badRequest(
          "MAIL FROM domain " + mailFrom + " must be a subdomain of " + domainOf(identity) + ".");
    }
    if (behavior != null && !List.of("USE_DEFAULT_VALUE", "REJECT_MESSAGE").contains(behavior)) {
      throw SesException.badRequest("Invalid BehaviorOnMxFailure: " + behavior + ".");
    }
    identity.mailFromDomain = mailFrom == null ? null : mailFrom.toLowerCase(Locale.ROOT);
    identity.behaviorOnMxFailure = behavior == null ? "USE_DEFAULT_VALUE" : behavior;
    return Json.object();
  }

  private ObjectNode dkim(Identity identity) {
    ObjectNode dkim = Json.object();
    if (!identity.domain) {
      return dkim.put("SigningEnabled", false).put("Status", "NOT_STARTED");
    }
    dkim.put("SigningEnabled", true)
        .put("Status", verification.status(identity))
        .put("SigningAttributesOrigin", "AWS_SES")
        .put("CurrentSigningKeyLength", "RSA_2048_BIT")
        .put("NextSigningKeyLength", "RSA_2048_BIT")
        .put("LastKeyGenerationTimestamp", Json.timestamp(identity.createdAt));
    dkim.set("Tokens", Json.array(identity.dkimTokens));
    return dkim;
  }

  private ObjectNode mailFrom(Identity identity) {
    ObjectNode mailFrom = Json.object().put("BehaviorOnMxFailure", identity.behaviorOnMxFailure);
    if (identity.mailFromDomain != null) {
      mailFrom
          .put("MailFromDomain", identity.mailFromDomain)
          .put("MailFromDomainStatus", verification.mailFromStatus(identity));
    }
    return mailFrom;
  }

  private Identity find(String name) {
    Identity identity = state.identities.get(name.toLowerCase(Locale.ROOT));
    if (identity == null) {
      throw SesException.notFound("Email identity " + name + " does not exist.");
    }
    return identity;
  }

  private static String domainOf(Identity identity) {
    return identity.domain
        ? identity.name
        : identity.name.substring(identity.name.indexOf('@') + 1);
  }

  private static String token() {
    StringBuilder token = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return token.toString();
  }
}
