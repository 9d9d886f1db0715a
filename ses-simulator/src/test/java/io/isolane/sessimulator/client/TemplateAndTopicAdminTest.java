package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.sessimulator.SesSimulator;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.GetEmailTemplateResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.Topic;

/** Template management and SNS topic administration through the real SDK clients. */
class TemplateAndTopicAdminTest {
  static SesSimulator simulator;
  static SesV2AsyncClient ses;
  static SnsAsyncClient sns;

  @BeforeAll
  static void start() {
    simulator = Simulators.start();
    ses = Simulators.client(simulator);
    sns = Simulators.sns(simulator);
  }

  @AfterAll
  static void stop() {
    sns.close();
    ses.close();
    simulator.close();
  }

  @Test
  void templatesAreCreatedReadAndDeleted() {
    call(
        () ->
            ses.createEmailTemplate(
                r ->
                    r.templateName("receipt")
                        .templateContent(c -> c.subject("Receipt {{n}}").text("t"))));

    GetEmailTemplateResponse template =
        call(() -> ses.getEmailTemplate(r -> r.templateName("receipt")));
    assertThat(template.templateName()).isEqualTo("receipt");
    assertThat(template.templateContent().subject()).isEqualTo("Receipt {{n}}");
    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.createEmailTemplate(
                            r -> r.templateName("receipt").templateContent(c -> c.subject("x")))))
        .isInstanceOf(AlreadyExistsException.class);

    call(() -> ses.deleteEmailTemplate(r -> r.templateName("receipt")));
    assertThatThrownBy(() -> call(() -> ses.getEmailTemplate(r -> r.templateName("receipt"))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> call(() -> ses.deleteEmailTemplate(r -> r.templateName("receipt"))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void topicsAreListedDescribedReconfiguredAndDeleted() {
    String arn = sns.createTopic(r -> r.name("admin-topic")).join().topicArn();
    assertThat(sns.createTopic(r -> r.name("admin-topic")).join().topicArn())
        .as("CreateTopic is idempotent")
        .isEqualTo(arn);

    assertThat(sns.listTopics(r -> {}).join().topics()).extracting(Topic::topicArn).contains(arn);
    assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).join().attributes())
        .containsEntry("SignatureVersion", "1")
        .containsEntry("SubscriptionsConfirmed", "0");

    sns.setTopicAttributes(
            r -> r.topicArn(arn).attributeName("SignatureVersion").attributeValue("2"))
        .join();
    assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).join().attributes())
        .containsEntry("SignatureVersion", "2");
    assertThatThrownBy(
            () ->
                sns.setTopicAttributes(
                        r -> r.topicArn(arn).attributeName("SignatureVersion").attributeValue("3"))
                    .join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(
            () -> sns.subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint("arn:x")).join())
        .hasCauseInstanceOf(InvalidParameterException.class);

    sns.deleteTopic(r -> r.topicArn(arn)).join();
    assertThat(sns.listTopics(r -> {}).join().topics())
        .extracting(Topic::topicArn)
        .doesNotContain(arn);
  }
}
