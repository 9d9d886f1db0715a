package io.isolane.sessimulator.sns;

import java.util.UUID;

/** SNS's AWS Query protocol answers: XML in the 2010-03-31 namespace. */
final class SnsXml {
  private static final String NS = "http://sns.amazonaws.com/doc/2010-03-31/";

  private SnsXml() {}

  /** {@code <ActionResponse><ActionResult>result</ActionResult><ResponseMetadata/>}. */
  static String response(String action, String result) {
    return "<"
        + action
        + "Response xmlns=\""
        + NS
        + "\"><"
        + action
        + "Result>"
        + result
        + "</"
        + action
        + "Result><ResponseMetadata><RequestId>"
        + UUID.randomUUID()
        + "</RequestId></ResponseMetadata></"
        + action
        + "Response>";
  }

  /** An error; its {@code Type} is Receiver for a 5xx status (the server's fault), else Sender. */
  static String error(int status, String code, String message) {
    return "<ErrorResponse xmlns=\""
        + NS
        + "\"><Error><Type>"
        + (status >= 500 ? "Receiver" : "Sender")
        + "</Type><Code>"
        + escape(code)
        + "</Code><Message>"
        + escape(message)
        + "</Message></Error><RequestId>"
        + UUID.randomUUID()
        + "</RequestId></ErrorResponse>";
  }

  static String element(String name, String value) {
    return "<" + name + ">" + escape(value) + "</" + name + ">";
  }

  static String escape(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
