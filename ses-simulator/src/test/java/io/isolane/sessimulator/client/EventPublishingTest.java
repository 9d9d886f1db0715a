package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import io.isolane.sessimulator.events.OutcomeModel;
import io.isolane.sessimulator.events.Profile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.EventType;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/** SES event records reach the configuration set's SNS destination in SES's JSON shape. */
class EventPublishingTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SIM = "@simulator.amazonses.com";
  static SesSimulator simulator;
  static SesV2AsyncClient ses;
  static SnsAsyncClient sns;
  static HttpReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    OutcomeModel outcomes =
        OutcomeModel.deliverAll()
            .domain("bouncy.example", new Profile(1, 0, 0, 0, 0, 0, 5, 10))
            .domain("engaged.example", new Profile(0, 0, 1, 0, 1, 1, 5, 10))
            .domain("full.example", new Profile(0, 1, 0, 0, 0, 0, 5, 10));
    simulator =
        SesSimulator.start(
            SimulatorConfig.defaults()
                .withOutcomes(outcomes)
                .withSnsRetries(3, Duration.ofMillis(50)));
    ses = Simulators.client(simulator);
    sns = Simulators.sns(simulator);
    receiver = new HttpReceiver();
    String topic = sns.createTopic(r -> r.name("acme-events")).join().topicArn();
    sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint(receiver.url())).join();
    JsonNode confirmation =
        JSON.readTree(
            receiver
                .await(r -> "SubscriptionConfirmation".equals(r.header("x-amz-sns-message-type")))
                .body());
    sns.confirmSubscription(r -> r.topicArn(topic).token(confirmation.path("Token").asText()))
        .join();

    call(() -> ses.createEmailIdentity(r -> r.emailIdentity("mail.acme.example")));
    call(() -> ses.createTenant(r -> r.tenantName("acme")));
    for (String resource :
        List.of("identity/mail.acme.example", "configuration-set/acme-marketing")) {
      if (resource.startsWith("configuration-set")) {
        call(() -> ses.createConfigurationSet(r -> r.configurationSetName("acme-marketing")));
      }
      call(
          () ->
              ses.createTenantResourceAssociation(
                  r ->
                      r.tenantName("acme")
                          .resourceArn("arn:aws:ses:us-east-1:123456789012:" + resource)));
    }
    call(
        () ->
            ses.createConfigurationSetEventDestination(
                r ->
                    r.configurationSetName("acme-marketing")
                        .eventDestinationName("sns")
                        .eventDestination(
                            d ->
                                d.enabled(true)
                                    .matchingEventTypes(
                                        EventType.SEND,
                                        EventType.DELIVERY,
                                        EventType.BOUNCE,
                                        EventType.COMPLAINT,
                                        EventType.DELIVERY_DELAY,
                                        EventType.OPEN,
                                        EventType.CLICK,
                                        EventType.REJECT,
                                        EventType.RENDERING_FAILURE)
                                    .snsDestination(s -> s.topicArn(topic)))));
  }

  @AfterAll
  static void stop() {
    receiver.close();
    sns.close();
    ses.close();
    simulator.close();
  }

  @Test
  void deliveredMessageYieldsSendAndDeliveryRecordsInSesShape() throws Exception {
    String id = send("success" + SIM);

    JsonNode sendRecord = record(id, "Send");
    assertThat(sendRecord.path("send").isObject()).isTrue();
    assertThat(sendRecord.path("send").size()).isZero();
    JsonNode mail = sendRecord.path("mail");
    assertThat(mail.path("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(mail.path("source").asText()).isEqualTo("Ana <ana@mail.acme.example>");
    assertThat(mail.path("sourceArn").asText())
        .isEqualTo("arn:aws:ses:us-east-1:123456789012:identity/mail.acme.example");
    assertThat(mail.path("sendingAccountId").asText()).isEqualTo("123456789012");
    assertThat(mail.path("messageId").asText()).isEqualTo(id);
    assertThat(mail.path("destination").get(0).asText()).isEqualTo("success" + SIM);
    assertThat(mail.path("headersTruncated").isBoolean()).isTrue();
    assertThat(mail.path("headers").get(0).path("name").asText()).isEqualTo("From");
    assertThat(mail.path("commonHeaders").path("from").get(0).asText())
        .isEqualTo("Ana <ana@mail.acme.example>");
    assertThat(mail.path("commonHeaders").path("to").get(0).asText()).isEqualTo("success" + SIM);
    assertThat(mail.path("commonHeaders").path("messageId").asText()).isEqualTo(id);
    assertThat(mail.path("commonHeaders").path("subject").asText()).isEqualTo("Hello");
    JsonNode tags = mail.path("tags");
    assertThat(tags.path("ses:configuration-set").get(0).asText()).isEqualTo("acme-marketing");
    assertThat(tags.path("ses:tenant-name").get(0).asText()).isEqualTo("acme");
    assertThat(tags.path("ses:operation").get(0).asText()).isEqualTo("SendEmail");
    assertThat(tags.path("campaign").get(0).asText()).isEqualTo("spring");

    JsonNode delivery = record(id, "Delivery").path("delivery");
    assertThat(delivery.path("timestamp").asText()).endsWith("Z");
    assertThat(delivery.path("processingTimeMillis").isNumber()).isTrue();
    assertThat(delivery.path("recipients").get(0).asText()).isEqualTo("success" + SIM);
    assertThat(delivery.path("smtpResponse").asText()).startsWith("250 ");
    assertThat(delivery.path("reportingMTA").asText()).endsWith(".amazonses.com");
    assertThat(delivery.path("remoteMtaIp").asText()).isNotBlank();
  }

  @Test
  void bounceAddressHardBouncesWithADsnAndIsNotSuppressed() throws Exception {
    String id = send("bounce+label1" + SIM);

    JsonNode bounce = record(id, "Bounce").path("bounce");
    assertThat(bounce.path("bounceType").asText()).isEqualTo("Permanent");
    assertThat(bounce.path("bounceSubType").asText()).isEqualTo("General");
    JsonNode recipient = bounce.path("bouncedRecipients").get(0);
    assertThat(recipient.path("emailAddress").asText()).isEqualTo("bounce+label1" + SIM);
    assertThat(recipient.path("action").asText()).isEqualTo("failed");
    assertThat(recipient.path("status").asText()).isEqualTo("5.1.1");
    assertThat(recipient.path("diagnosticCode").asText()).contains("550 5.1.1");
    assertThat(bounce.path("feedbackId").asText()).matches("0100[0-9a-f]{12}-.*-000000");
    assertThat(bounce.path("reportingMTA").asText()).startsWith("dns; ");
    assertThat(bounce.path("timestamp").asText()).endsWith("Z");
    assertThat(simulator.state().accountSuppression).doesNotContainKey("bounce+label1" + SIM);
  }

  @Test
  void complaintAddressIsDeliveredThenComplains() throws Exception {
    String id = send("complaint" + SIM);

    record(id, "Delivery");
    JsonNode complaint = record(id, "Complaint").path("complaint");
    assertThat(complaint.path("complainedRecipients").get(0).path("emailAddress").asText())
        .isEqualTo("complaint" + SIM);
    assertThat(complaint.path("complaintFeedbackType").asText()).isEqualTo("abuse");
    assertThat(complaint.path("userAgent").asText()).isEqualTo("Amazon SES Mailbox Simulator");
    assertThat(complaint.has("complaintSubType")).isTrue();
    assertThat(complaint.path("feedbackId").asText()).isNotBlank();
  }

  @Test
  void suppressionListAddressBouncesAsSuppressed() throws Exception {
    String id = send("suppressionlist" + SIM);

    JsonNode bounce = record(id, "Bounce").path("bounce");
    assertThat(bounce.path("bounceType").asText()).isEqualTo("Permanent");
    assertThat(bounce.path("bounceSubType").asText()).isEqualTo("Suppressed");
  }

  @Test
  void recipientsOnTheAccountOrTenantListAreAcceptedButBounceAsSuppressed() throws Exception {
    call(
        () ->
            ses.putSuppressedDestination(
                r -> r.emailAddress("listed@example.org").reason(SuppressionListReason.BOUNCE)));
    call(
        () ->
            ses.putSuppressedDestination(
                r ->
                    r.emailAddress("tenant-listed@example.org")
                        .reason(SuppressionListReason.COMPLAINT)
                        .tenantName("acme")));

    String account = send("listed@example.org");
    String tenant = send("tenant-listed@example.org");

    record(account, "Send");
    assertThat(record(account, "Bounce").path("bounce").path("bounceSubType").asText())
        .isEqualTo("OnAccountSuppressionList");
    assertThat(record(tenant, "Bounce").path("bounce").path("bounceSubType").asText())
        .isEqualTo("OnTenantSuppressionList");
  }

  @Test
  void outcomeModelBouncesADomainAndTheBouncedAddressIsSuppressedForTheTenant() throws Exception {
    String id = send("nobody@bouncy.example");

    assertThat(record(id, "Bounce").path("bounce").path("bounceType").asText())
        .isEqualTo("Permanent");
    assertThat(
            call(() ->
                    ses.getSuppressedDestination(
                        r -> r.emailAddress("nobody@bouncy.example").tenantName("acme")))
                .suppressedDestination()
                .reason())
        .isEqualTo(SuppressionListReason.BOUNCE);
  }

  @Test
  void engagedRecipientIsDelayedThenDeliveredOpensAndClicks() throws Exception {
    String id = send("reader@engaged.example");

    JsonNode delay = record(id, "DeliveryDelay").path("deliveryDelay");
    assertThat(delay.path("delayType").asText()).isEqualTo("General");
    assertThat(delay.path("delayedRecipients").get(0).path("emailAddress").asText())
        .isEqualTo("reader@engaged.example");
    assertThat(delay.path("delayedRecipients").get(0).path("status").asText()).isEqualTo("4.4.1");
    assertThat(delay.path("delayedRecipients").get(0).path("diagnosticCode").asText())
        .startsWith("smtp; 421");
    assertThat(delay.path("expirationTime").asText()).endsWith("Z");
    assertThat(delay.path("timestamp").asText()).endsWith("Z");
    record(id, "Delivery");
    JsonNode open = record(id, "Open").path("open");
    assertThat(open.path("timestamp").asText()).endsWith("Z");
    assertThat(open.path("userAgent").asText()).isNotBlank();
    assertThat(open.path("ipAddress").asText()).isNotBlank();
    JsonNode click = record(id, "Click").path("click");
    assertThat(click.path("link").asText()).startsWith("https://");
    assertThat(click.path("linkTags").isObject()).isTrue();
    assertThat(click.path("ipAddress").asText()).isNotBlank();
  }

  @Test
  void softBounceIsDelayedThenBouncesTransiently() throws Exception {
    String id = send("someone@full.example");

    record(id, "DeliveryDelay");
    JsonNode bounce = record(id, "Bounce").path("bounce");
    assertThat(bounce.path("bounceType").asText()).isEqualTo("Transient");
    assertThat(bounce.path("bounceSubType").asText()).isEqualTo("MailboxFull");
    assertThat(bounce.path("bouncedRecipients").get(0).path("status").asText()).isEqualTo("4.2.2");
  }

  @Test
  void destinationsOnlyReceiveTheirMatchingEventTypes() throws Exception {
    call(() -> ses.createConfigurationSet(r -> r.configurationSetName("bounces-only")));
    call(
        () ->
            ses.createTenantResourceAssociation(
                r ->
                    r.tenantName("acme")
                        .resourceArn(
                            "arn:aws:ses:us-east-1:123456789012:configuration-set/bounces-only")));
    call(
        () ->
            ses.createConfigurationSetEventDestination(
                r ->
                    r.configurationSetName("bounces-only")
                        .eventDestinationName("sns")
                        .eventDestination(
                            d ->
                                d.enabled(true)
                                    .matchingEventTypes(EventType.BOUNCE)
                                    .snsDestination(
                                        s ->
                                            s.topicArn(
                                                "arn:aws:sns:us-east-1:123456789012:acme-events")))));

    String delivered = send("success" + SIM, "bounces-only");
    String bounced = send("bounce" + SIM, "bounces-only");

    record(bounced, "Bounce");
    assertThat(simulator.state().events.stream().filter(e -> e.messageId().equals(delivered)))
        .as("no Send or Delivery for a BOUNCE-only destination")
        .isEmpty();
    assertThat(simulator.state().events.stream().filter(e -> e.messageId().equals(bounced)))
        .extracting(e -> e.eventType())
        .containsExactly("Bounce");
  }

  @Test
  void messageCarryingTheEicarTestVirusIsRejected() throws Exception {
    String id =
        call(() ->
                ses.sendEmail(
                    r ->
                        r.fromEmailAddress("ana@mail.acme.example")
                            .destination(d -> d.toAddresses("victim@example.org"))
                            .configurationSetName("acme-marketing")
                            .tenantName("acme")
                            .content(
                                c ->
                                    c.simple(
                                        m ->
                                            m.subject(x -> x.data("Invoice"))
                                                .body(
                                                    b ->
                                                        b.text(
                                                            t ->
                                                                t.data(
                                                                    "X5O!P%@AP[4\\PZX54(P^)7CC)7}$"
                                                                        + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")))))))
            .messageId();

    assertThat(record(id, "Reject").path("reject").path("reason").asText())
        .isEqualTo("Bad content");
    assertThat(simulator.state().events.stream().filter(e -> e.messageId().equals(id)))
        .extracting(e -> e.eventType())
        .containsExactly("Reject");
  }

  @Test
  void templateWithAMissingVariableFailsToRender() throws Exception {
    call(
        () ->
            ses.createEmailTemplate(
                r ->
                    r.templateName("greeting")
                        .templateContent(c -> c.subject("Hi {{name}}").text("x"))));
    String id =
        call(() ->
                ses.sendEmail(
                    r ->
                        r.fromEmailAddress("ana@mail.acme.example")
                            .destination(d -> d.toAddresses("reader@example.org"))
                            .configurationSetName("acme-marketing")
                            .tenantName("acme")
                            .content(
                                c ->
                                    c.template(
                                        t -> t.templateName("greeting").templateData("{}")))))
            .messageId();

    JsonNode failure = record(id, "Rendering Failure").path("failure");
    assertThat(failure.path("templateName").asText()).isEqualTo("greeting");
    assertThat(failure.path("errorMessage").asText())
        .isEqualTo("Attribute 'name' is not present in the rendering data.");
    record(id, "Send");
  }

  private static String send(String to) {
    return send(to, "acme-marketing");
  }

  private static String send(String to, String configurationSet) {
    return call(() ->
            ses.sendEmail(
                r ->
                    r.fromEmailAddress("Ana <ana@mail.acme.example>")
                        .destination(d -> d.toAddresses(to))
                        .configurationSetName(configurationSet)
                        .tenantName("acme")
                        .emailTags(t -> t.name("campaign").value("spring"))
                        .content(
                            c ->
                                c.simple(
                                    m ->
                                        m.subject(s -> s.data("Hello"))
                                            .body(b -> b.text(t -> t.data("Hi")))))))
        .messageId();
  }

  /** The SES record of {@code eventType} for message {@code id}, as delivered through SNS. */
  static JsonNode record(String id, String eventType) throws Exception {
    HttpReceiver.Received received =
        receiver.await(
            r -> {
              try {
                JsonNode note = JSON.readTree(r.body());
                if (!"Notification".equals(note.path("Type").asText())) {
                  return false;
                }
                JsonNode record = JSON.readTree(note.path("Message").asText());
                return eventType.equals(record.path("eventType").asText())
                    && id.equals(record.path("mail").path("messageId").asText());
              } catch (Exception e) {
                return false;
              }
            });
    JsonNode note = JSON.readTree(received.body());
    assertThat(note.path("Subject").asText()).isEqualTo("Amazon SES Email Event Notification");
    assertThat(SnsSignatureVerifier.verify(note)).isTrue();
    return JSON.readTree(note.path("Message").asText());
  }
}
