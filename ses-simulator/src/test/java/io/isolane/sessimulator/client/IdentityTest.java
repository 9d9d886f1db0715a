package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.sessimulator.DnsView;
import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.BehaviorOnMxFailure;
import software.amazon.awssdk.services.sesv2.model.CreateEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.DkimStatus;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.IdentityType;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainStatus;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.VerificationStatus;

class IdentityTest {
  static final DnsView.Records DNS = DnsView.records();
  static SesSimulator simulator;
  static SesV2AsyncClient ses;

  @BeforeAll
  static void start() {
    simulator = SesSimulator.start(SimulatorConfig.defaults().withDns(DNS));
    ses = Simulators.client(simulator);
  }

  @AfterAll
  static void stop() {
    ses.close();
    simulator.close();
  }

  @Test
  void domainGetsThreeDkimTokensAndVerifiesOnceTheyArePublished() {
    CreateEmailIdentityResponse created =
        call(() -> ses.createEmailIdentity(r -> r.emailIdentity("Mail.Acme.Example")));

    assertThat(created.identityType()).isEqualTo(IdentityType.DOMAIN);
    assertThat(created.verifiedForSendingStatus()).isFalse();
    assertThat(created.dkimAttributes().tokens())
        .hasSize(3)
        .allMatch(t -> t.matches("[a-z0-9]{32}"));
    assertThat(created.dkimAttributes().status()).isEqualTo(DkimStatus.PENDING);

    for (String token : created.dkimAttributes().tokens()) {
      DNS.publish("CNAME", token + "._domainkey.mail.acme.example", token + ".dkim.amazonses.com");
    }
    GetEmailIdentityResponse identity =
        call(() -> ses.getEmailIdentity(r -> r.emailIdentity("mail.acme.example")));
    assertThat(identity.verifiedForSendingStatus()).isTrue();
    assertThat(identity.verificationStatus()).isEqualTo(VerificationStatus.SUCCESS);
    assertThat(identity.dkimAttributes().status()).isEqualTo(DkimStatus.SUCCESS);
    assertThat(identity.dkimAttributes().signingEnabled()).isTrue();
  }

  @Test
  void addressIdentityIsVerifiedAtOnce() {
    CreateEmailIdentityResponse created =
        call(() -> ses.createEmailIdentity(r -> r.emailIdentity("ana@solo.example")));

    assertThat(created.identityType()).isEqualTo(IdentityType.EMAIL_ADDRESS);
    assertThat(created.verifiedForSendingStatus()).isTrue();
  }

  @Test
  void customMailFromIsPendingUntilItsMxIsPublished() {
    call(() -> ses.createEmailIdentity(r -> r.emailIdentity("bounce-test.example")));
    call(
        () ->
            ses.putEmailIdentityMailFromAttributes(
                r ->
                    r.emailIdentity("bounce-test.example")
                        .mailFromDomain("bounce.bounce-test.example")
                        .behaviorOnMxFailure(BehaviorOnMxFailure.REJECT_MESSAGE)));

    GetEmailIdentityResponse pending =
        call(() -> ses.getEmailIdentity(r -> r.emailIdentity("bounce-test.example")));
    assertThat(pending.mailFromAttributes().mailFromDomain())
        .isEqualTo("bounce.bounce-test.example");
    assertThat(pending.mailFromAttributes().mailFromDomainStatus())
        .isEqualTo(MailFromDomainStatus.PENDING);
    assertThat(pending.mailFromAttributes().behaviorOnMxFailure())
        .isEqualTo(BehaviorOnMxFailure.REJECT_MESSAGE);

    DNS.publish("MX", "bounce.bounce-test.example", "feedback-smtp.us-east-1.amazonses.com");
    assertThat(
            call(() -> ses.getEmailIdentity(r -> r.emailIdentity("bounce-test.example")))
                .mailFromAttributes()
                .mailFromDomainStatus())
        .isEqualTo(MailFromDomainStatus.SUCCESS);
  }

  @Test
  void unverifiedMailFromWithRejectMessageRefusesToSend() {
    CreateEmailIdentityResponse created =
        call(() -> ses.createEmailIdentity(r -> r.emailIdentity("strict.example")));
    for (String token : created.dkimAttributes().tokens()) {
      DNS.publish("CNAME", token + "._domainkey.strict.example", token + ".dkim.amazonses.com");
    }
    call(
        () ->
            ses.putEmailIdentityMailFromAttributes(
                r ->
                    r.emailIdentity("strict.example")
                        .mailFromDomain("bounce.strict.example")
                        .behaviorOnMxFailure(BehaviorOnMxFailure.REJECT_MESSAGE)));

    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.sendEmail(
                            r ->
                                Simulators.simpleEmail(
                                    r, "ana@strict.example", "bob@example.org"))))
        .isInstanceOf(MailFromDomainNotVerifiedException.class);

    DNS.publish("MX", "bounce.strict.example", "feedback-smtp.us-east-1.amazonses.com");
    assertThat(
            call(() ->
                    ses.sendEmail(
                        r -> Simulators.simpleEmail(r, "ana@strict.example", "bob@example.org")))
                .messageId())
        .isNotBlank();
  }

  @Test
  void mailFromOutsideTheDomainIsRejected() {
    call(() -> ses.createEmailIdentity(r -> r.emailIdentity("own.example")));

    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.putEmailIdentityMailFromAttributes(
                            r ->
                                r.emailIdentity("own.example")
                                    .mailFromDomain("bounce.other.example"))))
        .isInstanceOf(software.amazon.awssdk.services.sesv2.model.BadRequestException.class);
  }

  @Test
  void duplicateMissingAndDeletedIdentitiesFailLikeSes() {
    call(() -> ses.createEmailIdentity(r -> r.emailIdentity("dup.example")));

    assertThatThrownBy(
            () -> call(() -> ses.createEmailIdentity(r -> r.emailIdentity("dup.example"))))
        .isInstanceOf(AlreadyExistsException.class)
        .satisfies(e -> assertThat(((AlreadyExistsException) e).statusCode()).isEqualTo(400));

    call(() -> ses.deleteEmailIdentity(r -> r.emailIdentity("dup.example")));
    assertThatThrownBy(() -> call(() -> ses.getEmailIdentity(r -> r.emailIdentity("dup.example"))))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404));
    assertThatThrownBy(
            () -> call(() -> ses.deleteEmailIdentity(r -> r.emailIdentity("dup.example"))))
        .isInstanceOf(NotFoundException.class);
  }
}
