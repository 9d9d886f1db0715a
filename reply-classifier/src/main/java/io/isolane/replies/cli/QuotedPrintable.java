package io.isolane.replies.cli;

import java.nio.charset.StandardCharsets;

/** Quoted-printable encoding (RFC 2045) for generated benchmark mail. */
final class QuotedPrintable {
  private static final int LINE = 75;

  private QuotedPrintable() {}

  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      int column = 0;
      for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
        int v = b & 0xff;
        String piece =
            v >= 33 && v <= 126 && v != '=' || v == ' '
                ? String.valueOf((char) v)
                : String.format("=%02X", v);
        if (column + piece.length() > LINE) {
          out.append("=\r\n");
          column = 0;
        }
        out.append(piece);
        column += piece.length();
      }
      out.append("\r\n");
    }
    return out.toString();
  }
}
