package io.isolane.replies.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the return date an out-of-office reply states, in English, Portuguese, Spanish, Russian,
 * German and French ("back on 3 March", "de volta em 3 de março", "regreso el 3 de marzo", "вернусь
 * 3 марта", "zurück am 3. März", "de retour le 3 mars", numeric dates too). A date after a return
 * word wins; without one, the latest date stated (the end of "from ... to ...").
 */
public final class ReturnDates {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Map<String, Integer> MONTHS = new HashMap<>();

  static {
    month(1, "january jan janeiro enero ene января январь januar jänner janvier janv");
    month(2, "february feb fevereiro fev febrero февраля февраль februar février fevrier févr");
    month(3, "march mar março marco marzo марта март märz maerz mars");
    month(4, "april apr abril abr апреля апрель avril avr");
    month(5, "may maio mayo мая май mai");
    month(6, "june jun junho junio июня июнь juni juin");
    month(7, "july jul julho julio июля июль juli juillet juil");
    month(8, "august aug agosto ago августа август août aout");
    month(9, "september sep sept setembro set septiembre setiembre сентября сентябрь septembre");
    month(10, "october oct outubro out octubre октября октябрь oktober okt octobre");
    month(11, "november nov novembro noviembre ноября ноябрь novembre");
    month(12, "december dec dezembro dez diciembre dic декабря декабрь dezember décembre decembre");
  }

  private static final String MONTH = "(\\p{L}{3,10})\\.?";
  private static final String YEAR = "(?:,?\\s*(?:de\\s+|of\\s+)?(\\d{4}))?";

  /** "3 March", "3rd of March 2026", "3 de março de 2026", "3. März", "3 марта". */
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|\\.|º|er)?\\s+(?:de\\s+|of\\s+)?" + MONTH + YEAR,
          FLAGS);

  /** "March 3", "March 3rd, 2026". */
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "(?<!\\p{L})" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s*(\\d{4}))?",
          FLAGS);

  /** "2026-03-03", "03.03.2026", "3/3/2026", "03.03.". */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\d.])(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})([./])(\\d{1,2})(?:\\5(\\d{2,4}))?)(?![\\d])");

  private static final Pattern RETURN_WORD =
      Pattern.compile(
          "back|return|returning|until|till|through|de volta|retorno|retornarei|volto|regresso"
              + "|até|regreso|regresaré|vuelvo|volveré|hasta|вернусь|вернуться|выйду|буду|до"
              + "|zurück|wieder|bis|ab dem|retour|jusqu'au|jusqu’au|reviens|rentre",
          FLAGS);

  private ReturnDates() {}

  private static void month(int number, String names) {
    for (String name : names.split(" ")) {
      MONTHS.put(name, number);
    }
  }

  /** The stated return date, with the year inferred from the reply's date when omitted. */
  public static Optional<LocalDate> find(String text, LocalDate received) {
    LocalDate best = null;
    int bestScore = -1;
    for (Found found : dates(text, received)) {
      int windowStart = Math.max(0, found.start - 40);
      boolean afterReturnWord =
          RETURN_WORD.matcher(text.substring(windowStart, found.start)).find();
      int score = afterReturnWord ? 2 : 1;
      if (score > bestScore || score == bestScore && found.date.isAfter(best)) {
        best = found.date;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  private record Found(int start, LocalDate date) {}

  private static java.util.List<Found> dates(String text, LocalDate received) {
    java.util.List<Found> out = new java.util.ArrayList<>();
    Matcher m = DAY_MONTH.matcher(text);
    while (m.find()) {
      add(out, m.start(), received, m.group(3), MONTHS.get(lower(m.group(2))), m.group(1));
    }
    m = MONTH_DAY.matcher(text);
    while (m.find()) {
      add(out, m.start(), received, m.group(3), MONTHS.get(lower(m.group(1))), m.group(2));
    }
    m = NUMERIC.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        add(out, m.start(), received, m.group(1), Integer.valueOf(m.group(2)), m.group(3));
      } else {
        add(out, m.start(), received, m.group(7), Integer.valueOf(m.group(6)), m.group(4));
      }
    }
    return out;
  }

  private static void add(
      java.util.List<Found> out,
      int at,
      LocalDate received,
      String year,
      Integer month,
      String day) {
    if (month == null) {
      return;
    }
    try {
      LocalDate date = LocalDate.of(received.getYear(), month, Integer.parseInt(day));
      if (year != null) {
        int y = Integer.parseInt(year);
        date = date.withYear(y < 100 ? 2000 + y : y);
      } else if (date.isBefore(received.minusDays(7))) {
        date = date.plusYears(1);
      }
      if (!date.isBefore(received.minusDays(1)) && date.isBefore(received.plusYears(2))) {
        out.add(new Found(at, date));
      }
    } catch (DateTimeException | NumberFormatException e) {
      // not a date after all ("31 Feb", a ticket number ...)
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
