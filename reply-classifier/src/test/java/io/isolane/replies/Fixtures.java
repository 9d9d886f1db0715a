package io.isolane.replies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test messages: hand-written fixtures under {@code src/test/resources/mail}, or inline text. */
public final class Fixtures {
  /** The tenant mailbox the fixtures' mail was sent to / from. */
  public static final String MAILBOX = "ana@mail.tenant-a.example";

  private Fixtures() {}

  /** A fixture's raw bytes, e.g. {@code bounces/exim-user-unknown.eml}. */
  public static byte[] mail(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/mail/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inline message text with LF line ends turned into CRLF, as UTF-8. */
  public static byte[] crlf(String message) {
    return message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
