package io.isolane.sessimulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutcomeModelTest {
  static final Profile GMAIL = new Profile(0.05, 0.03, 0.1, 0.002, 0.4, 0.2, 100, 2000);

  @Test
  void sameSeedSameSendsSameFates() {
    assertThat(fates(new OutcomeModel(7, GMAIL))).isEqualTo(fates(new OutcomeModel(7, GMAIL)));
    assertThat(fates(new OutcomeModel(7, GMAIL))).isNotEqualTo(fates(new OutcomeModel(8, GMAIL)));
  }

  @Test
  void ratesFollowTheDomainProfile() {
    OutcomeModel model =
        OutcomeModel.deliverAll()
            .domain("gmail.com", GMAIL)
            .domain("outlook.com", Profile.DELIVER_ALL);

    long gmailHard =
        IntStream.range(0, 20_000)
            .mapToObj(i -> model.fate("user" + i + "@gmail.com"))
            .filter(f -> f.kind() == Fate.Kind.HARD_BOUNCE)
            .count();
    long outlookHard =
        IntStream.range(0, 2_000)
            .mapToObj(i -> model.fate("user" + i + "@outlook.com"))
            .filter(f -> f.kind() != Fate.Kind.DELIVERED)
            .count();

    assertThat(gmailHard).isBetween(800L, 1200L); // 5% of 20,000 = 1,000
    assertThat(outlookHard).isZero();
  }

  @Test
  void latencyStaysWithinTheProfile() {
    OutcomeModel model = new OutcomeModel(1, GMAIL);
    IntStream.range(0, 1000)
        .mapToObj(i -> model.fate("u" + i + "@x.example"))
        .forEach(f -> assertThat(f.latencyMillis()).isBetween(100L, 2000L));
  }

  @Test
  void mailboxSimulatorAddressesIgnoreProfilesAndLabels() {
    OutcomeModel model = new OutcomeModel(1, new Profile(1, 0, 0, 0, 0, 0, 1, 1));
    String sim = "@simulator.amazonses.com";

    assertThat(model.fate("success" + sim).kind()).isEqualTo(Fate.Kind.DELIVERED);
    assertThat(model.fate("bounce+x" + sim).kind()).isEqualTo(Fate.Kind.HARD_BOUNCE);
    assertThat(model.fate("complaint" + sim).complaint()).isTrue();
    assertThat(model.fate("ooto" + sim).autoReply()).isTrue();
    assertThat(model.fate("suppressionlist" + sim).kind()).isEqualTo(Fate.Kind.GLOBALLY_SUPPRESSED);
  }

  @Test
  void impossibleProfilesAreRefused() {
    assertThatThrownBy(() -> new Profile(0.7, 0.7, 0, 0, 0, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Profile(0, 0, 0, 0, 0, 0, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Fate.Kind> fates(OutcomeModel model) {
    return IntStream.range(0, 500)
        .mapToObj(i -> model.fate("u" + (i % 50) + "@gmail.com").kind())
        .toList();
  }
}
