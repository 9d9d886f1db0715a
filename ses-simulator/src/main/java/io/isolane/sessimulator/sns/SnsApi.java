package io.isolane.sessimulator.sns;

import io.isolane.sessimulator.SimulatorConfig;
import io.isolane.sessimulator.web.OperationGate;
import io.isolane.sessimulator.web.Operations;
import io.isolane.sessimulator.web.SesException;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * SNS's AWS Query API (form-encoded {@code Action=...} on {@code /}, XML answers) for the
 * operations the platform uses, the SubscribeURL/UnsubscribeURL links, and the signing certificate.
 */
public final class SnsApi {
  private static final Set<String> PROTOCOLS = Set.of("http", "https");

  private final SimulatorConfig config;
  private final Sns sns;

  public SnsApi(SimulatorConfig config, Sns sns) {
    this.config = config;
    this.sns = sns;
  }

  public void mount(Router router) {
    router.route("/").handler(this::handle);
    router
        .get(sns.signer().certificatePath())
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "application/x-pem-file")
                    .end(sns.signer().certificatePem()));
  }

  private void handle(RoutingContext ctx) {
    MultiMap params = ctx.request().params();
    String action = params.get("Action");
    try {
      if (action != null && Operations.SNS.contains(action)) {
        OperationGate.admit(ctx, action);
      }
      String result =
          switch (action == null ? "" : action) {
            case "CreateTopic" -> createTopic(params);
            case "DeleteTopic" -> deleteTopic(params);
            case "ListTopics" -> listTopics();
            case "GetTopicAttributes" -> topicAttributes(params);
            case "SetTopicAttributes" -> setTopicAttribute(params);
            case "Subscribe" -> subscribe(params);
            case "ConfirmSubscription" -> confirm(params);
            case "Unsubscribe" -> unsubscribe(params);
            case "ListSubscriptionsByTopic" -> subscriptions(params);
            case "Publish" -> publish(params);
            default -> throw new SnsError(400, "InvalidAction", "Unknown action " + action);
          };
      ctx.response().putHeader("Content-Type", "text/xml").end(SnsXml.response(action, result));
    } catch (SnsError e) {
      ctx.response()
          .setStatusCode(e.status)
          .putHeader("Content-Type", "text/xml")
          .end(SnsXml.error(e.status, e.code, e.getMessage()));
    } catch (SesException e) {
      // an injected fault, in SNS's shape
      ctx.response()
          .setStatusCode(e.status())
          .putHeader("Content-Type", "text/xml")
          .end(SnsXml.error(e.status(), e.code(), e.getMessage()));
    }
  }

  private String createTopic(MultiMap params) {
    SnsTopic topic = sns.createTopic(required(params, "Name"));
    String version = attributes(params).get("SignatureVersion");
    if (version != null) {
      topic.signatureVersion = signatureVersion(version);
    }
    return SnsXml.element("TopicArn", topic.arn);
  }

  private String deleteTopic(MultiMap params) {
    sns.deleteTopic(required(params, "TopicArn"));
    return "";
  }

  private String listTopics() {
    StringBuilder members = new StringBuilder("<Topics>");
    sns.topics()
        .forEach(
            t ->
                members
                    .append("<member>")
                    .append(SnsXml.element("TopicArn", t.arn))
                    .append("</member>"));
    return members.append("</Topics>").toString();
  }

  private String topicAttributes(MultiMap params) {
    SnsTopic topic = topic(params);
    Map<String, String> attributes = new HashMap<>();
    attributes.put("TopicArn", topic.arn);
    attributes.put("Owner", config.accountId());
    attributes.put("SignatureVersion", topic.signatureVersion);
    attributes.put(
        "SubscriptionsConfirmed",
        Long.toString(topic.subscriptions.values().stream().filter(s -> s.confirmed).count()));
    attributes.put(
        "SubscriptionsPending",
        Long.toString(topic.subscriptions.values().stream().filter(s -> !s.confirmed).count()));
    StringBuilder xml = new StringBuilder("<Attributes>");
    attributes.forEach(
        (k, v) ->
            xml.append("<entry>")
                .append(SnsXml.element("key", k))
                .append(SnsXml.element("value", v))
                .append("</entry>"));
    return xml.append("</Attributes>").toString();
  }

  private String setTopicAttribute(MultiMap params) {
    SnsTopic topic = topic(params);
    if (!"SignatureVersion".equals(required(params, "AttributeName"))) {
      throw new SnsError(400, "InvalidParameter", "Invalid parameter: AttributeName");
    }
    topic.signatureVersion = signatureVersion(required(params, "AttributeValue"));
    return "";
  }

  private String subscribe(MultiMap params) {
    SnsTopic topic = topic(params);
    String protocol = required(params, "Protocol").toLowerCase(java.util.Locale.ROOT);
    if (!PROTOCOLS.contains(protocol)) {
      throw new SnsError(400, "InvalidParameter", "Invalid parameter: Protocol");
    }
    String endpoint = required(params, "Endpoint");
    if (!endpoint.toLowerCase(java.util.Locale.ROOT).startsWith(protocol + "://")) {
      throw new SnsError(400, "InvalidParameter", "Invalid parameter: Endpoint");
    }
    boolean raw = "true".equalsIgnoreCase(attributes(params).get("RawMessageDelivery"));
    SnsSubscription subscription = sns.subscribe(topic, protocol, endpoint, raw);
    boolean returnArn = "true".equalsIgnoreCase(params.get("ReturnSubscriptionArn"));
    return SnsXml.element("SubscriptionArn", returnArn ? subscription.arn : "pending confirmation");
  }

  private String confirm(MultiMap params) {
    SnsTopic topic = topic(params);
    SnsSubscription subscription =
        sns.confirm(topic, required(params, "Token"))
            .orElseThrow(() -> new SnsError(400, "InvalidParameter", "Invalid token"));
    return SnsXml.element("SubscriptionArn", subscription.arn);
  }

  private String unsubscribe(MultiMap params) {
    if (!sns.unsubscribe(required(params, "SubscriptionArn"))) {
      throw new SnsError(404, "NotFound", "Subscription does not exist");
    }
    return "";
  }

  private String subscriptions(MultiMap params) {
    SnsTopic topic = topic(params);
    StringBuilder xml = new StringBuilder("<Subscriptions>");
    for (SnsSubscription s : topic.subscriptions.values()) {
      xml.append("<member>")
          .append(SnsXml.element("TopicArn", s.topicArn))
          .append(SnsXml.element("Protocol", s.protocol))
          .append(SnsXml.element("SubscriptionArn", s.confirmed ? s.arn : "PendingConfirmation"))
          .append(SnsXml.element("Owner", config.accountId()))
          .append(SnsXml.element("Endpoint", s.endpoint))
          .append("</member>");
    }
    return xml.append("</Subscriptions>").toString();
  }

  private String publish(MultiMap params) {
    SnsTopic topic = topic(params);
    String id = sns.publish(topic, params.get("Subject"), required(params, "Message"));
    return SnsXml.element("MessageId", id);
  }

  private SnsTopic topic(MultiMap params) {
    String arn = required(params, "TopicArn");
    return sns.topic(arn).orElseThrow(() -> new SnsError(404, "NotFound", "Topic does not exist"));
  }

  private static String signatureVersion(String value) {
    if (!Set.of("1", "2").contains(value)) {
      throw new SnsError(400, "InvalidParameter", "Invalid parameter: SignatureVersion");
    }
    return value;
  }

  /** {@code Attributes.entry.N.key} / {@code .value} pairs. */
  private static Map<String, String> attributes(MultiMap params) {
    Map<String, String> out = new HashMap<>();
    for (int i = 1; params.contains("Attributes.entry." + i + ".key"); i++) {
      out.put(
          params.get("Attributes.entry." + i + ".key"),
          params.get("Attributes.entry." + i + ".value"));
    }
    return out;
  }

  private static String required(MultiMap params, String name) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      throw new SnsError(400, "InvalidParameter", "Invalid parameter: " + name);
    }
    return value;
  }

  /** An SNS error: status, code and message. */
  static final class SnsError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    SnsError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }
}
