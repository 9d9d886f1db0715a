package io.isolane.replies.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.replies.Fixtures;
import io.isolane.replies.ParsedMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MIME reading: charsets, transfer encodings, encoded-word headers, structure, HTML. */
class MailParserTest {
  private final MailParser parser = new MailParser();

  /** Each charset, in both transfer encodings, in the body and in an encoded-word subject. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          UTF-8        | Não tenho interesse, obrigado — ¡gracias! Спасибо. 谢谢
          ISO-8859-1   | Não tenho interesse, obrigado. Déjà vu, ¿qué tal?
          ISO-8859-2   | Dziękuję, nie jestem zainteresowany. Děkuji.
          ISO-8859-5   | Спасибо, нам это не нужно.
          ISO-8859-15  | Le prix est de 100 € - merci, Œuvre.
          windows-1250 | Dziękuję bardzo, żółć.
          windows-1251 | Пожалуйста, отпишите меня от рассылки.
          windows-1252 | “Thanks” – we’re not interested… €5
          KOI8-R       | Я в отпуске, вернусь 3 марта.
          ISO-2022-JP  | 来週までオフィスを不在にしています。
          GB2312       | 我们对此不感兴趣，谢谢。
          GBK          | 我們對此不感興趣，謝謝。鎔
          Shift_JIS    | 配信停止をお願いします。
          """)
  void bodyAndSubjectAreDecodedInEveryCharset(String charset, String text) {
    Charset cs = Charset.forName(charset);
    for (String encoding : new String[] {"base64", "quoted-printable"}) {
      ParsedMail mail = parser.parse(message(cs, encoding, text));
      assertThat(mail.text()).as(encoding).isEqualTo(text);
      assertThat(mail.subject()).as(encoding).isEqualTo("Re: " + text);
    }
  }

  @Test
  void gb2312LabelledMailWithGbkCharactersReadsAsGbk() {
    // senders label GBK text GB2312; 鎔 is GBK-only
    byte[] gbk = "不感兴趣 鎔".getBytes(Charset.forName("GBK"));
    byte[] raw = concat(head("text/plain; charset=gb2312", "base64"), b64(gbk));
    assertThat(parser.parse(raw).text()).isEqualTo("不感兴趣 鎔");
  }

  @Test
  void undeclaredCharsetIsUtf8WhenValidElseWindows1252() {
    byte[] utf8 =
        concat("Subject: x\r\n\r\n".getBytes(), "Olá, não".getBytes(StandardCharsets.UTF_8));
    byte[] latin =
        concat("Subject: x\r\n\r\n".getBytes(), "Olá, não".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(parser.parse(utf8).text()).isEqualTo("Olá, não");
    assertThat(parser.parse(latin).text()).isEqualTo("Olá, não");
  }

  @Test
  void rawUtf8HeaderIsReadAsUtf8() {
    byte[] raw = "Subject: Re: Привет\r\n\r\nok".getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(raw).subject()).isEqualTo("Re: Привет");
  }

  @Test
  void unknownCharsetFallsBackInsteadOfFailing() {
    byte[] raw =
        concat(head("text/plain; charset=x-no-such-charset", "8bit"), "plain words".getBytes());
    assertThat(parser.parse(raw).text()).isEqualTo("plain words");
  }

  @Test
  void alternativePrefersPlainTextAndNestedPartsAreFound() {
    ParsedMail mail =
        parser.parse(
            Fixtures.crlf(
                """
                Subject: nested
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Plain version =E2=9C=93
                --inner
                Content-Type: text/html; charset=utf-8

                <p>HTML version</p>
                --inner--
                --outer
                Content-Type: application/pdf; name="offer.pdf"
                Content-Disposition: attachment; filename="offer.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer--
                """));
    assertThat(mail.text()).isEqualTo("Plain version ✓");
  }

  @Test
  void htmlOnlyMailBecomesTextWithBlockquotesAsQuotedLines() {
    ParsedMail mail =
        parser.parse(
            Fixtures.crlf(
                """
                Subject: html
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style><script>var x=1;</script></head>
                <body><div>Yes, I am <b>interested</b>.</div><div>Call me&nbsp;Monday.<br>Bob</div>
                <div class="gmail_quote">On Mon, 2 Mar 2026 at 10:00, Ana &lt;ana@x.example&gt; wrote:<br>
                <blockquote><p>Would you like a demo?</p></blockquote></div></body></html>
                """));
    assertThat(mail.text())
        .isEqualTo(
            "Yes, I am interested.\nCall me Monday.\nBob\n"
                + "On Mon, 2 Mar 2026 at 10:00, Ana <ana@x.example> wrote:\n> Would you like a demo?");
  }

  @Test
  void inputWithoutAnyHeaderIsRejected() {
    assertThatThrownBy(() -> parser.parse(new byte[0]))
        .isInstanceOf(UnreadableMailException.class)
        .hasMessageContaining("no RFC 5322 header");
  }

  private static byte[] message(Charset cs, String encoding, String text) {
    String subject =
        "=?"
            + cs.name()
            + "?B?"
            + Base64.getEncoder().encodeToString(("Re: " + text).getBytes(cs))
            + "?=";
    byte[] body = text.getBytes(cs);
    byte[] encoded = "base64".equals(encoding) ? b64(body) : qp(body);
    String header =
        "From: someone@example.org\r\nSubject: "
            + subject
            + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=\""
            + cs.name()
            + "\"\r\nContent-Transfer-Encoding: "
            + encoding
            + "\r\n\r\n";
    return concat(header.getBytes(StandardCharsets.US_ASCII), encoded);
  }

  private static byte[] head(String contentType, String encoding) {
    return ("Subject: x\r\nContent-Type: "
            + contentType
            + "\r\nContent-Transfer-Encoding: "
            + encoding
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] b64(byte[] bytes) {
    return Base64.getMimeEncoder().encode(bytes);
  }

  /** Quoted-printable, every non-printable byte escaped, soft line breaks at 76. */
  private static byte[] qp(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (byte b : bytes) {
      int v = b & 0xff;
      String piece =
          v >= 33 && v <= 126 && v != '=' ? String.valueOf((char) v) : String.format("=%02X", v);
      if (column + piece.length() > 75) {
        out.append("=\r\n");
        column = 0;
      }
      out.append(piece);
      column += piece.length();
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
