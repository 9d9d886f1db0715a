package io.isolane.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SesTagsTest {

  @Test
  void everythingOutsideSesCharactersBecomesAnUnderscore() {
    assertThat(SesTags.value("ana@mail.example.com")).isEqualTo("ana_mail_example_com");
    assertThat(SesTags.value("Order-123_x")).isEqualTo("Order-123_x");
    assertThat(SesTags.value("a b/ç")).isEqualTo("a_b__");
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsOneUnderscore() {
    assertThat(SesTags.value("go\uD83D\uDE80now")).isEqualTo("go_now");
  }

  @Test
  void valuesAreCutAt256Characters() {
    assertThat(SesTags.value("x".repeat(300))).hasSize(256);
    assertThat(SesTags.value("@".repeat(300))).isEqualTo("_".repeat(256));
  }

  @Test
  void aTagCarriesTheValueItWasMadeOf() {
    assertThat(SesTags.carries("ana_mail_example", "ana@mail.example")).isTrue();
    assertThat(SesTags.carries("ana_mail_example", "bob@mail.example")).isFalse();
    assertThat(SesTags.carries(null, "ana@mail.example")).isFalse();
  }
}
