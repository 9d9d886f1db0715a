package io.isolane.replies.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only the reply's own words survive: quote headers, quoted lines, Outlook blocks, signatures. */
class QuoteStripperTest {
  private static final String OWN = "Please take me off your list.";
  private static final String QUOTED = "\n> Hi Bob,\n> would you like a demo?\n> Ana\n";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "On Mon, Mar 2, 2026 at 10:00 AM Ana Lima <ana@mail.tenant-a.example> wrote:",
        "On Mon, Mar 2, 2026 at 10:00 AM Ana Lima <\nana@mail.tenant-a.example> wrote:",
        "Em seg., 2 de mar. de 2026 às 10:00, Ana Lima <ana@mail.tenant-a.example> escreveu:",
        "El lun, 2 mar 2026 a las 10:00, Ana Lima (<ana@mail.tenant-a.example>) escribió:",
        "2 марта 2026 г., в 10:00, Ana Lima <ana@mail.tenant-a.example> написал(а):",
        "пн, 2 мар. 2026 г. в 10:00, Ana Lima <ana@mail.tenant-a.example>:",
        "Am Mo., 2. März 2026 um 10:00 Uhr schrieb Ana Lima <ana@mail.tenant-a.example>:",
        "Le lun. 2 mars 2026 à 10:00, Ana Lima <ana@mail.tenant-a.example> a écrit :",
        "02.03.2026, 10:00, \"Ana Lima\" <ana@mail.tenant-a.example>:",
        "Ana Lima <ana@mail.tenant-a.example> wrote:",
      })
  void quoteHeaderAndEverythingAfterItIsCut(String header) {
    String reply = OWN + "\n\n" + header + "\n" + QUOTED;
    assertThat(QuoteStripper.newText(reply)).isEqualTo(OWN);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "From: Ana Lima <ana@mail.tenant-a.example>\nSent: Monday, March 2, 2026 10:00 AM\nTo: Bob",
        "________________________________\nFrom: Ana Lima\nSent: Monday, March 2, 2026 10:00",
        "De: Ana Lima <ana@mail.tenant-a.example>\nEnviado: segunda-feira, 2 de março de 2026 10:00",
        "De: Ana Lima <ana@mail.tenant-a.example>\nEnviado el: lunes, 2 de marzo de 2026 10:00",
        "Von: Ana Lima <ana@mail.tenant-a.example>\nGesendet: Montag, 2. März 2026 10:00",
        "От: Ana Lima <ana@mail.tenant-a.example>\nОтправлено: 2 марта 2026 г. 10:00",
        "De : Ana Lima <ana@mail.tenant-a.example>\nEnvoyé : lundi 2 mars 2026 10:00",
        "*From:* Ana Lima\n*Sent:* Monday, March 2, 2026",
        "-----Original Message-----\nFrom: Ana",
        "-----Mensagem original-----",
        "-----Mensaje original-----",
        "-----Исходное сообщение-----",
        "-----Ursprüngliche Nachricht-----",
        "-----Message d'origine-----",
        "---------- Forwarded message ---------",
        "Begin forwarded message:",
        "-------- Weitergeleitete Nachricht --------",
        "-------- Message transféré --------",
        "---------- Mensagem encaminhada ---------",
        "-------- Пересылаемое сообщение --------",
      })
  void outlookBlocksAndMarkersCutTheRest(String block) {
    String reply = OWN + "\n\n" + block + "\nSubject: Demo\n\nHi Bob, would you like a demo?";
    assertThat(QuoteStripper.newText(reply)).isEqualTo(OWN);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "-- \nBob Smith\nCEO",
        "Sent from my iPhone",
        "Enviado do meu iPhone",
        "Enviado desde mi iPhone",
        "Von meinem iPhone gesendet",
        "Envoyé de mon iPhone",
        "Отправлено с iPhone",
        "Get Outlook for Android",
      })
  void signaturesAreCut(String signature) {
    assertThat(QuoteStripper.newText(OWN + "\n\n" + signature)).isEqualTo(OWN);
  }

  @Test
  void interleavedAnswersKeepTheOwnLinesOnly() {
    String reply = "> Would Tuesday work?\nYes, Tuesday is fine.\n> And 10am?\nBetter 11am.";
    assertThat(QuoteStripper.newText(reply)).isEqualTo("Yes, Tuesday is fine.\nBetter 11am.");
  }

  @Test
  void ordinaryTextIsKeptWhole() {
    String text = "From what you wrote, it sounds useful.\nSend me the details.";
    assertThat(QuoteStripper.newText(text)).isEqualTo(text);
  }
}
