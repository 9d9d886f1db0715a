package io.isolane.sessimulator.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isolane.sessimulator.SimulatorConfig;
import io.isolane.sessimulator.sending.OutgoingEmail;
import io.isolane.sessimulator.web.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@code mail} object every SES event record carries. */
final class MailObject {
  private MailObject() {}

  static ObjectNode of(
      SimulatorConfig config,
      OutgoingEmail email,
      String messageId,
      String identityArn,
      Instant acceptedAt) {
    ObjectNode mail =
        Json.object()
            .put("timestamp", SesTime.iso(acceptedAt))
            .put("source", email.fromHeader())
            .put("sourceArn", identityArn)
            .put("sendingAccountId", config.accountId())
            .put("messageId", messageId);
    mail.set("destination", Json.array(email.recipients()));
    mail.put("headersTruncated", false);
    ArrayNode headers = mail.putArray("headers");
    header(headers, "From", email.fromHeader());
    header(headers, "To", String.join(", ", email.to()));
    if (!email.cc().isEmpty()) {
      header(headers, "Cc", String.join(", ", email.cc()));
    }
    if (email.subject() != null) {
      header(headers, "Subject", email.subject());
    }
    header(headers, "MIME-Version", "1.0");
    ObjectNode common = mail.putObject("commonHeaders");
    common.set("from", Json.array(List.of(email.fromHeader())));
    common.set("to", Json.array(email.to()));
    if (!email.cc().isEmpty()) {
      common.set("cc", Json.array(email.cc()));
    }
    common.put("messageId", messageId);
    if (email.subject() != null) {
      common.put("subject", email.subject());
    }
    mail.set("tags", tags(email, acceptedAt, identityArn));
    return mail;
  }

  private static ObjectNode tags(OutgoingEmail email, Instant acceptedAt, String identityArn) {
    ObjectNode tags = Json.object();
    tag(tags, "ses:operation", "SendEmail");
    if (email.configurationSetName() != null) {
      tag(tags, "ses:configuration-set", email.configurationSetName());
    }
    tag(tags, "ses:source-ip", "127.0.0.1");
    tag(tags, "ses:from-domain", email.from().substring(email.from().lastIndexOf('@') + 1));
    tag(tags, "ses:caller-identity", "ses-simulator");
    if (email.tenantName() != null) {
      tag(tags, "ses:tenant-name", email.tenantName());
    }
    for (Map.Entry<String, String> custom : email.tags().entrySet()) {
      tag(tags, custom.getKey(), custom.getValue());
    }
    return tags;
  }

  private static void tag(ObjectNode tags, String name, String value) {
    tags.set(name, Json.array(List.of(value)));
  }

  private static void header(ArrayNode headers, String name, String value) {
    headers.addObject().put("name", name).put("value", value);
  }
}
