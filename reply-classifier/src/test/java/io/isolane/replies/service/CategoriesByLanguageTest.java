package io.isolane.replies.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.events.ReplyCategory;
import io.isolane.replies.Classification;
import io.isolane.replies.Fixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every intent and automated category in English, Portuguese, Spanish, Russian, German and French,
 * each reply quoting the original offer (whose footer says "unsubscribe") below the new text.
 */
class CategoriesByLanguageTest {
  private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
  private final ReplyClassifier classifier = new ReplyClassifier(1_000_000);

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          en | unsubscribe    | -                               | Re: Quick question | Please remove me from your mailing list. | -
          en | out_of_office  | Auto-Submitted: auto-replied    | Automatic reply: Quick question | I am out of the office and will be back on 9 March. For urgent matters contact jane@example.org. | 2026-03-09
          en | auto_reply     | X-Autoreply: yes                | Ticket #4521 received | We have received your request. This is an automated message, do not reply. | -
          en | referral       | -                               | Re: Quick question | I am not the right person for this. Please contact john.doe@example.org, he runs purchasing. | john.doe@example.org
          en | interested     | -                               | Re: Quick question | Sounds interesting, tell me more. Can we book a call next week? | -
          en | not_interested | -                               | Re: Quick question | Thanks, but we are not interested. | -
          pt | unsubscribe    | -                               | Re: Pergunta rápida | Por favor, me descadastre da sua lista. | -
          pt | out_of_office  | Auto-Submitted: auto-replied    | Resposta automática: Pergunta rápida | Estou fora do escritório, de volta em 10 de março. | 2026-03-10
          pt | auto_reply     | X-Autorespond: yes              | Recebemos sua mensagem | Recebemos sua solicitação. O chamado 8812 foi aberto para você. | -
          pt | referral       | -                               | Re: Pergunta rápida | Não sou a pessoa certa. Por favor, entre em contato com maria.souza@example.com.br. | maria.souza@example.com.br
          pt | interested     | -                               | Re: Pergunta rápida | Tenho interesse, podemos conversar amanhã? | -
          pt | not_interested | -                               | Re: Pergunta rápida | Obrigado, mas não temos interesse no momento. | -
          es | unsubscribe    | -                               | RE: Pregunta rápida | Por favor, quiero darme de baja de esta lista. | -
          es | out_of_office  | Precedence: auto_reply          | Respuesta automática: Pregunta rápida | Estoy fuera de la oficina. Regreso el 11 de marzo. | 2026-03-11
          es | auto_reply     | Auto-Submitted: auto-generated  | Solicitud recibida | Hemos recibido su solicitud número 5512. Le responderemos pronto, gracias. | -
          es | referral       | -                               | RE: Pregunta rápida | Ya no trabajo en esta área. Póngase en contacto con lucia.garcia@example.es, por favor. | lucia.garcia@example.es
          es | interested     | -                               | RE: Pregunta rápida | Me interesa, ¿podemos hablar el jueves? | -
          es | not_interested | -                               | RE: Pregunta rápida | No, gracias. No nos interesa por ahora. | -
          ru | unsubscribe    | -                               | Re: Вопрос | Отпишите меня, пожалуйста, от рассылки. | -
          ru | out_of_office  | X-MS-Exchange-Inbox-Rules-Loop: ivan@example.ru | Автоматический ответ: Вопрос | Я в отпуске, вернусь 12 марта. | 2026-03-12
          ru | auto_reply     | Auto-Submitted: auto-replied    | Ваше обращение принято | Мы получили ваше обращение №7781. Это автоматическое сообщение. | -
          ru | referral       | -                               | Re: Вопрос | Этим занимается мой коллега, свяжитесь с petrov@example.ru. | petrov@example.ru
          ru | interested     | -                               | Re: Вопрос | Нам интересно, давайте созвонимся в среду. | -
          ru | not_interested | -                               | Re: Вопрос | Спасибо, нам это не интересно. | -
          de | unsubscribe    | -                               | AW: Kurze Frage | Bitte tragen Sie mich aus Ihrem Verteiler aus. | -
          de | out_of_office  | Auto-Submitted: auto-replied    | Automatische Antwort: Kurze Frage | Ich bin nicht im Büro und ab dem 13. März wieder erreichbar. | 2026-03-13
          de | auto_reply     | X-Autoreply: yes                | Ihre Anfrage | Wir haben Ihre Anfrage erhalten. Ihre Ticket-Nummer ist 3321. | -
          de | referral       | -                               | AW: Kurze Frage | Dafür ist mein Kollege zuständig, bitte wenden Sie sich an k.mueller@example.de. | k.mueller@example.de
          de | interested     | -                               | AW: Kurze Frage | Wir haben Interesse, bitte schicken Sie mir ein Angebot. | -
          de | not_interested | -                               | AW: Kurze Frage | Danke, aber wir haben kein Interesse. | -
          fr | unsubscribe    | -                               | RE: Question rapide | Merci de me désinscrire de votre liste. | -
          fr | out_of_office  | Auto-Submitted: auto-replied    | Réponse automatique : Question rapide | Je suis absente du bureau, de retour le 16 mars. | 2026-03-16
          fr | auto_reply     | X-Autoreply: yes                | Accusé de réception | Nous avons bien reçu votre demande (ticket 9921), merci. | -
          fr | referral       | -                               | RE: Question rapide | Je ne suis plus en charge de ce sujet, contactez pierre.martin@example.fr. | pierre.martin@example.fr
          fr | interested     | -                               | RE: Question rapide | Je suis intéressée, pouvons-nous en parler mardi ? | -
          fr | not_interested | -                               | RE: Question rapide | Non merci, cela ne nous intéresse pas. | -
          """)
  void categoryLanguageAndDetails(
      String language, String category, String header, String subject, String text, String extra) {
    Classification result =
        classifier.classify(message(header, subject, text), RECEIVED, List.of(Fixtures.MAILBOX));

    assertThat(result.category()).isEqualTo(ReplyCategory.valueOf(category.toUpperCase()));
    assertThat(result.language()).isEqualTo(language);
    assertThat(result.newText()).isEqualTo(text);
    assertThat(result.evidence()).isNotEmpty();
    assertThat(result.confidence()).isGreaterThanOrEqualTo(0.7);
    switch (result.category()) {
      case OUT_OF_OFFICE -> assertThat(result.returnDate()).isEqualTo(LocalDate.parse(extra));
      case REFERRAL -> assertThat(result.referral()).isEqualTo(extra);
      default -> assertThat(result.returnDate()).isNull();
    }
  }

  private static byte[] message(String header, String subject, String text) {
    return Fixtures.crlf(
        "From: Someone <someone@customer.example>\n"
            + "To: Ana <ana@mail.tenant-a.example>\n"
            + (header == null ? "" : header + "\n")
            + "Subject: "
            + subject
            + "\nContent-Type: text/plain; charset=utf-8\n\n"
            + text
            + "\n\nOn Mon, 2 Mar 2026 at 09:00, Ana <ana@mail.tenant-a.example> wrote:\n"
            + "> Hi, would a short demo next week work for you?\n"
            + "> Not interested? Unsubscribe: https://tenant-a.example/u/abc\n");
  }
}
