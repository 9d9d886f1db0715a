package io.isolane.replies.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Return dates as out-of-office replies state them. */
class ReturnDatesTest {
  private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          I will be back on 3 March.                                      | 2026-03-03
          Back on March 3rd, 2026.                                        | 2026-03-03
          I'm out from 2 March to 6 March with limited access to email.   | 2026-03-06
          Returning Monday, 9th of March.                                 | 2026-03-09
          De volta em 3 de março.                                         | 2026-03-03
          Estarei ausente até 15/03/2026.                                 | 2026-03-15
          Regreso el 3 de marzo de 2026.                                  | 2026-03-03
          Вернусь 3 марта.                                                | 2026-03-03
          В отпуске до 20.03.2026.                                        | 2026-03-20
          Ab dem 13. März bin ich wieder erreichbar.                      | 2026-03-13
          Ich bin bis zum 4. März nicht im Büro.                          | 2026-03-04
          De retour le 5 mars.                                            | 2026-03-05
          Absente jusqu'au 1er avril.                                     | 2026-04-01
          Back on 2026-04-07.                                             | 2026-04-07
          Back on 10 January.                                             | 2027-01-10
          """)
  void statedReturnDateIsFound(String text, LocalDate expected) {
    assertThat(ReturnDates.find(text, RECEIVED)).contains(expected);
  }

  @Test
  void noDateNoReturnDate() {
    assertThat(ReturnDates.find("I am on vacation with limited access to email.", RECEIVED))
        .isEmpty();
    assertThat(ReturnDates.find("Ticket 31/02 and version 4.99", RECEIVED)).isEmpty();
  }
}
