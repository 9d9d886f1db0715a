package io.isolane.replies.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lingua, restricted to the configured languages, names the language of one-sentence replies. */
class LanguageGuesserTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en | Thanks, but we already have a provider and are happy with it.
          pt | Obrigado, mas já temos um fornecedor e estamos satisfeitos.
          es | Gracias, pero ya tenemos un proveedor y estamos contentos.
          ru | Спасибо, у нас уже есть поставщик, и нас всё устраивает.
          de | Danke, aber wir haben schon einen Anbieter und sind zufrieden.
          fr | Merci, mais nous avons déjà un prestataire et en sommes satisfaits.
          it | Grazie, ma abbiamo già un fornitore e ne siamo soddisfatti.
          nl | Bedankt, maar we hebben al een leverancier en zijn daar tevreden mee.
          pl | Dziękuję, nie jestem zainteresowany. Mamy już dostawcę.
          cs | Děkuji, nemáme zájem. Už máme dodavatele.
          uk | Дякую, нам це не цікаво, у нас вже є постачальник.
          ja | 来週までオフィスを不在にしています。
          zh | 我们对此不感兴趣，谢谢。
          ko | 관심 없습니다. 감사합니다.
          """)
  void namesTheLanguage(String language, String text) {
    assertThat(LanguageGuesser.guess(text)).isEqualTo(language);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "12345 -- 2026-03-02", "+1 555 0100"})
  void saysNothingWithoutLetters(String text) {
    assertThat(LanguageGuesser.guess(text)).isNull();
  }

  @Test
  void readsOnlyTheBeginningOfALongText() {
    // a French reply over a long English thread that no quote marker cut off
    String text =
        "Merci, nous ne sommes pas intéressés pour le moment. ".repeat(8)
            + "Thanks for the offer, we would love to hear more. ".repeat(200);
    assertThat(LanguageGuesser.guess(text)).isEqualTo("fr");
  }
}
