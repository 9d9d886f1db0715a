package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.state.SentMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntryResult;
import software.amazon.awssdk.services.sesv2.model.BulkEmailStatus;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

class SendEmailTest {
  static final String MESSAGE_ID = "0100[0-9a-f]{12}-[0-9a-f-]{36}-[0-9]{6}";
  static SesSimulator simulator;
  static SesV2AsyncClient ses;

  @BeforeAll
  static void start() {
    simulator = Simulators.start();
    ses = Simulators.client(simulator);
    call(() -> ses.createEmailIdentity(r -> r.emailIdentity("mail.acme.example")));
    call(() -> ses.createConfigurationSet(r -> r.configurationSetName("acme-tx")));
    call(() -> ses.createTenant(r -> r.tenantName("acme")));
    associate("acme", "identity/mail.acme.example");
    associate("acme", "configuration-set/acme-tx");
  }

  @AfterAll
  static void stop() {
    ses.close();
    simulator.close();
  }

  @Test
  void simpleMessageIsAcceptedWithAnSesMessageIdAndRendered() throws Exception {
    String id =
        call(() ->
                ses.sendEmail(
                    r ->
                        Simulators.simpleEmail(r, "Ana <ana@mail.acme.example>", "bob@example.org")
                            .configurationSetName("acme-tx")
                            .tenantName("acme")
                            .emailTags(t -> t.name("campaign").value("spring"))))
            .messageId();

    assertThat(id).matches(MESSAGE_ID);
    SentMessage sent = sent(id);
    assertThat(sent.from()).isEqualTo("ana@mail.acme.example");
    assertThat(sent.to()).containsExactly("bob@example.org");
    assertThat(sent.tenantName()).isEqualTo("acme");
    assertThat(sent.configurationSetName()).isEqualTo("acme-tx");
    assertThat(sent.tags()).containsEntry("campaign", "spring");
    assertThat(sent.mime()).contains("Subject: Hello", "Hi Bob", "Message-ID: <" + id);
    assertThat(simulator.state().sendLog.stream().filter(r -> r.messageId().equals(id)))
        .singleElement()
        .satisfies(r -> assertThat(r.tags()).containsEntry("campaign", "spring"))
        .satisfies(r -> assertThat(r.tenantName()).isEqualTo("acme"));
    assertThat(readApi("/_simulator/messages?tenant=acme")).contains(id);
    assertThat(readApi("/_simulator/messages/" + id + "/mime"))
        .contains("From: Ana <ana@mail.acme.example>");
  }

  @Test
  void customHeadersOfSimpleContentAppearInTheMessage() {
    String id =
        call(() ->
                ses.sendEmail(
                    r ->
                        r.fromEmailAddress("ana@mail.acme.example")
                            .destination(d -> d.toAddresses("bob@example.org"))
                            .configurationSetName("acme-tx")
                            .tenantName("acme")
                            .content(
                                c ->
                                    c.simple(
                                        m ->
                                            m.subject(s -> s.data("Offer"))
                                                .body(b -> b.text(t -> t.data("Hi")))
                                                .headers(
                                                    h ->
                                                        h.name("List-Unsubscribe")
                                                            .value("<https://u.example/t>"),
                                                    h ->
                                                        h.name("List-Unsubscribe-Post")
                                                            .value(
                                                                "List-Unsubscribe=One-Click"))))))
            .messageId();

    assertThat(sent(id).mime())
        .contains(
            "List-Unsubscribe: <https://u.example/t>\r\n",
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
  }

  @Test
  void rawMessageTakesItsAddressesFromItsHeaders() {
    String raw =
        "From: ana@mail.acme.example\r\nTo: carol@example.org\r\nSubject: Raw one\r\n\r\nbody\r\n";
    String id =
        call(() ->
                ses.sendEmail(
                    r ->
                        r.content(
                            c ->
                                c.raw(
                                    m ->
                                        m.data(SdkBytes.fromString(raw, StandardCharsets.UTF_8))))))
            .messageId();

    SentMessage sent = sent(id);
    assertThat(sent.to()).containsExactly("carol@example.org");
    assertThat(sent.subject()).isEqualTo("Raw one");
    assertThat(sent.mime()).isEqualTo(raw);
  }

  @Test
  void storedAndInlineTemplatesAreRendered() {
    call(
        () ->
            ses.createEmailTemplate(
                r ->
                    r.templateName("welcome")
                        .templateContent(
                            c -> c.subject("Welcome {{name}}").text("Hello {{name}}!"))));

    String stored =
        call(() ->
                ses.sendEmail(
                    r ->
                        r.fromEmailAddress("ana@mail.acme.example")
                            .destination(d -> d.toAddresses("dan@example.org"))
                            .content(
                                c ->
                                    c.template(
                                        t ->
                                            t.templateName("welcome")
                                                .templateData("{\"name\":\"Dan\"}")))))
            .messageId();
    String inline =
        call(() ->
                ses.sendEmail(
                    r ->
                        r.fromEmailAddress("ana@mail.acme.example")
                            .destination(d -> d.toAddresses("eve@example.org"))
                            .content(
                                c ->
                                    c.template(
                                        t ->
                                            t.templateContent(
                                                    x ->
                                                        x.subject("Hi {{who}}")
                                                            .html("<p>{{who}}</p>"))
                                                .templateData("{\"who\":\"Eve\"}")))))
            .messageId();

    assertThat(sent(stored).subject()).isEqualTo("Welcome Dan");
    assertThat(sent(stored).mime()).contains("Hello Dan!");
    assertThat(sent(inline).mime()).contains("<p>Eve</p>");
    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.sendEmail(
                            r ->
                                r.fromEmailAddress("ana@mail.acme.example")
                                    .destination(d -> d.toAddresses("x@example.org"))
                                    .content(c -> c.template(t -> t.templateName("missing"))))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void unverifiedFromIsRejectedNamingTheIdentity() {
    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.sendEmail(
                            r ->
                                Simulators.simpleEmail(
                                    r, "mallory@unknown.example", "bob@example.org"))))
        .isInstanceOf(MessageRejectedException.class)
        .hasMessageContaining("Email address is not verified")
        .hasMessageContaining("mallory@unknown.example");
  }

  @Test
  void moreThanFiftyRecipientsAreRejected() {
    List<String> many = IntStream.range(0, 51).mapToObj(i -> "r" + i + "@example.org").toList();

    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.sendEmail(
                            r ->
                                Simulators.simpleEmail(
                                    r, "ana@mail.acme.example", many.toArray(String[]::new)))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Recipient count exceeds 50.");
  }

  @Test
  void rawMessageOverFortyMegabytesIsRejected() {
    byte[] huge = new byte[40 * 1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    byte[] header =
        "From: ana@mail.acme.example\r\nTo: bob@example.org\r\nSubject: big\r\n\r\n"
            .getBytes(StandardCharsets.UTF_8);
    System.arraycopy(header, 0, huge, 0, header.length);

    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.sendEmail(
                            r -> r.content(c -> c.raw(m -> m.data(SdkBytes.fromByteArray(huge)))))))
        .isInstanceOf(MessageRejectedException.class)
        .hasMessageContaining("40 MB");
  }

  @Test
  void pausedConfigurationSetAndPausedTenantRefuseToSend() throws Exception {
    call(() -> ses.createConfigurationSet(r -> r.configurationSetName("paused-set")));
    call(
        () ->
            ses.putConfigurationSetSendingOptions(
                r -> r.configurationSetName("paused-set").sendingEnabled(false)));
    assertThatThrownBy(() -> sendFromAna(r -> r.configurationSetName("paused-set")))
        .isInstanceOf(SendingPausedException.class);

    call(() -> ses.createTenant(r -> r.tenantName("suspended")));
    associate("suspended", "identity/mail.acme.example");
    Simulators.adminPut(
        simulator,
        "/_simulator/tenants/suspended/sending-status",
        "{\"SendingStatus\":\"DISABLED\"}");
    assertThatThrownBy(() -> sendFromAna(r -> r.tenantName("suspended")))
        .isInstanceOf(SendingPausedException.class);
  }

  @Test
  void identityNotAssociatedWithTheTenantIsRejected() {
    call(() -> ses.createTenant(r -> r.tenantName("other")));

    assertThatThrownBy(() -> sendFromAna(r -> r.tenantName("other")))
        .isInstanceOf(SesV2Exception.class)
        .hasMessageContaining("Tenant not associated with resources")
        .satisfies(
            e -> {
              SesV2Exception error = (SesV2Exception) e;
              assertThat(error.statusCode()).isEqualTo(403);
              assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            });
  }

  @Test
  void missingConfigurationSetIsNotFound() {
    assertThatThrownBy(() -> sendFromAna(r -> r.configurationSetName("nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void bulkSendReportsEachEntry() {
    call(
        () ->
            ses.createEmailTemplate(
                r -> r.templateName("bulk").templateContent(c -> c.subject("Hi {{n}}").text("x"))));

    List<BulkEmailEntryResult> results =
        call(() ->
                ses.sendBulkEmail(
                    r ->
                        r.fromEmailAddress("ana@mail.acme.example")
                            .defaultContent(
                                c ->
                                    c.template(
                                        t ->
                                            t.templateName("bulk").templateData("{\"n\":\"all\"}")))
                            .bulkEmailEntries(
                                e -> e.destination(d -> d.toAddresses("one@example.org")),
                                e ->
                                    e.destination(d -> d.toAddresses("two@example.org"))
                                        .replacementEmailContent(
                                            c ->
                                                c.replacementTemplate(
                                                    t ->
                                                        t.replacementTemplateData(
                                                            "{\"n\":\"Two\"}"))))))
            .bulkEmailEntryResults();

    assertThat(results)
        .extracting(BulkEmailEntryResult::status)
        .containsOnly(BulkEmailStatus.SUCCESS);
    assertThat(sent(results.get(1).messageId()).subject()).isEqualTo("Hi Two");
    assertThat(sent(results.get(0).messageId()).subject()).isEqualTo("Hi all");
  }

  private static SentMessage sent(String id) {
    return simulator.state().sent.stream()
        .filter(m -> m.messageId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** Ana's standard message to Bob, adjusted by {@code options}. */
  private static SendEmailResponse sendFromAna(UnaryOperator<SendEmailRequest.Builder> options) {
    return call(
        () ->
            ses.sendEmail(
                r ->
                    options.apply(
                        Simulators.simpleEmail(r, "ana@mail.acme.example", "bob@example.org"))));
  }

  private static String readApi(String path) throws Exception {
    return Simulators.get(simulator.endpoint() + path).body();
  }

  private static void associate(String tenant, String resource) {
    call(
        () ->
            ses.createTenantResourceAssociation(
                r ->
                    r.tenantName(tenant)
                        .resourceArn("arn:aws:ses:us-east-1:123456789012:" + resource)));
  }
}
