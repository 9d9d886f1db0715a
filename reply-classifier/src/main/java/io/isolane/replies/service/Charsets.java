package io.isolane.replies.service;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes mail text the way mail clients do: a declared charset is read as the superset real
 * senders mean (GB2312 labels carry GBK, ISO-8859-1 carries windows-1252 ...), an undeclared or
 * unknown one as UTF-8 when the bytes are valid UTF-8 and windows-1252 otherwise. Never throws.
 */
public final class Charsets {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Labels whose real-world content is a superset encoding. */
  private static final Map<String, String> SUPERSETS =
      Map.ofEntries(
          Map.entry("gb2312", "GB18030"),
          Map.entry("gb_2312-80", "GB18030"),
          Map.entry("euc-cn", "GB18030"),
          Map.entry("gbk", "GB18030"),
          Map.entry("x-gbk", "GB18030"),
          Map.entry("cp936", "GB18030"),
          Map.entry("shift_jis", "windows-31j"),
          Map.entry("shift-jis", "windows-31j"),
          Map.entry("sjis", "windows-31j"),
          Map.entry("x-sjis", "windows-31j"),
          Map.entry("ks_c_5601-1987", "x-windows-949"),
          Map.entry("euc-kr", "x-windows-949"),
          Map.entry("iso-8859-1", "windows-1252"),
          Map.entry("latin1", "windows-1252"),
          Map.entry("us-ascii", "windows-1252"),
          Map.entry("ascii", "windows-1252"),
          Map.entry("iso-8859-9", "windows-1254"),
          Map.entry("iso-8859-8-i", "ISO-8859-8"),
          Map.entry("utf8", "UTF-8"),
          Map.entry("unicode-1-1-utf-7", "UTF-8"));

  private Charsets() {}

  /** The charset to read a declared label with, or null when the label is missing or unknown. */
  public static Charset forLabel(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String name = label.trim().replace("\"", "").toLowerCase(Locale.ROOT);
    try {
      return Charset.forName(SUPERSETS.getOrDefault(name, name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /** Decodes bytes declared as {@code label}, replacing what cannot be decoded. */
  public static String decode(byte[] bytes, String label) {
    Charset declared = forLabel(label);
    // Latin-1 and ASCII labels are often wrong about UTF-8 text; Latin-1 text is almost never valid
    // UTF-8
    if (declared == null || declared.equals(WINDOWS_1252)) {
      return guess(bytes);
    }
    return new String(bytes, declared);
  }

  private static String guess(byte[] bytes) {
    try {
      CharBuffer strict =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return strict.toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, WINDOWS_1252);
    }
  }
}
