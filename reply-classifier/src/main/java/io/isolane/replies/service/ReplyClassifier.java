package io.isolane.replies.service;

import io.isolane.contracts.events.ReplyCategory;
import io.isolane.replies.Classification;
import io.isolane.replies.ParsedMail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Classifies one raw message. Deterministic signals decide in order of certainty: delivery reports,
 * automation headers, then the reply's own words (quotes and signature removed): unsubscribe,
 * absence, referral, (not) interested. Pure and thread-safe: the consumer, the HTTP API and the
 * command line share it.
 */
public final class ReplyClassifier {
  /**
   * Least model probability that decides a category no rule found: the threshold with the best
   * accuracy, among those where the model is right at least 80% of the times it speaks, in a 4-fold
   * cross-validation inside the training part ({@code EvaluateCommand --cv}; never the held-out
   * part).
   */
  static final double MODEL_THRESHOLD = 0.35;

  private final int maxBytes;
  private final MailParser parser = new MailParser();

  public ReplyClassifier(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Classifies a message received today. */
  public Classification classify(byte[] raw) {
    return classify(raw, LocalDate.now(), List.of());
  }

  /**
   * Classifies a raw RFC 5322 message.
   *
   * @param received the day it arrived (return dates without a year are read from it)
   * @param ownAddresses the tenant's addresses: never a failed recipient or a referral
   * @throws UnreadableMailException when the input is too large or not a message at all
   */
  public Classification classify(byte[] raw, LocalDate received, List<String> ownAddresses) {
    if (raw.length > maxBytes) {
      throw new UnreadableMailException("message of " + raw.length + " bytes exceeds " + maxBytes);
    }
    ParsedMail mail = parser.parse(raw);
    String from = Addresses.of(mail.header("from"));
    String newText = QuoteStripper.newText(mail.text());
    Draft draft = new Draft(mail, from, newText);
    mail.notes().forEach(n -> draft.evidence.add("note: " + n));
    Optional<BounceDetector.Detected> bounce = BounceDetector.detect(mail, ownAddresses);
    if (bounce.isPresent()) {
      draft.evidence.addAll(bounce.get().evidence());
      return draft.finish(
          ReplyCategory.BOUNCE, bounce.get().confidence(), null, null, bounce.get());
    }
    return byWords(draft, received, ownAddresses);
  }

  private Classification byWords(Draft draft, LocalDate received, List<String> own) {
    Optional<AutoReplyDetector.Detected> auto = AutoReplyDetector.detect(draft.mail, draft.newText);
    if (auto.isPresent() && auto.get().confidence() >= 0.8) {
      return automatic(draft, auto.get(), received, own);
    }
    Optional<IntentRules.Match> unsubscribe =
        IntentRules.unsubscribe(draft.newText)
            .or(() -> IntentRules.unsubscribe(subjectOnly(draft)));
    if (unsubscribe.isPresent()) {
      return draft.fromRule(unsubscribe.get());
    }
    if (auto.isPresent()) {
      return automatic(draft, auto.get(), received, own);
    }
    List<String> notReferrals = new ArrayList<>(own);
    notReferrals.add(draft.from);
    Optional<IntentRules.Match> intent =
        IntentRules.referral(draft.newText, notReferrals)
            .or(() -> IntentRules.interest(draft.newText));
    if (intent.isPresent()) {
      return draft.fromRule(intent.get());
    }
    draft.evidence.add("no rule matched");
    return byModel(draft, received);
  }

  /** The model's answer when no rule decided, if it is fairly sure and the text says enough. */
  private static Classification byModel(Draft draft, LocalDate received) {
    Optional<IntentModel.Prediction> prediction =
        draft.newText.isBlank() ? Optional.empty() : IntentModel.predictShared(draft.newText);
    if (prediction.isEmpty()
        || prediction.get().category() == ReplyCategory.OTHER
        || prediction.get().probability() < MODEL_THRESHOLD) {
      return draft.finish(ReplyCategory.OTHER, 0.1, null, null, null);
    }
    IntentModel.Prediction p = prediction.get();
    draft.evidence.add(
        String.format(
            java.util.Locale.ROOT,
            "model: %s p=%.2f",
            p.category().name().toLowerCase(java.util.Locale.ROOT),
            p.probability()));
    // an absence notice without automation headers still says when its author is back
    LocalDate back =
        p.category() == ReplyCategory.OUT_OF_OFFICE
            ? ReturnDates.find(draft.newText, received).orElse(null)
            : null;
    // the model is less certain than a rule: its confidence is scaled below the rules'
    return draft.finish(p.category(), Math.round(p.probability() * 60) / 100.0, back, null, null);
  }

  private static Classification automatic(
      Draft draft, AutoReplyDetector.Detected auto, LocalDate received, List<String> own) {
    draft.evidence.addAll(auto.evidence());
    LocalDate back = null;
    String referral = null;
    if (auto.category() == ReplyCategory.OUT_OF_OFFICE) {
      String subject = draft.mail.subject() == null ? "" : draft.mail.subject();
      back = ReturnDates.find(subject + "\n" + draft.newText, received).orElse(null);
      List<String> notReferrals = new ArrayList<>(own);
      notReferrals.add(draft.from);
      referral =
          IntentRules.referral(draft.newText, notReferrals)
              .map(IntentRules.Match::referral)
              .orElse(null);
      if (back != null) {
        draft.evidence.add("return date " + back);
      }
    }
    return draft.finish(auto.category(), auto.confidence(), back, referral, null);
  }

  /** The subject, when it is not a reply to ours ("Re: ..."): "Unsubscribe" as a subject counts. */
  private static String subjectOnly(Draft draft) {
    String subject = draft.mail.subject();
    return subject == null || subject.matches("(?is)^\\s*(re|aw|res|rv|sv|ответ|отв)\\s*:.*")
        ? ""
        : subject;
  }

  /** What is known so far about one message. */
  private static final class Draft {
    final ParsedMail mail;
    final String from;
    final String newText;
    final List<String> evidence = new ArrayList<>();

    Draft(ParsedMail mail, String from, String newText) {
      this.mail = mail;
      this.from = from;
      this.newText = newText;
    }

    Classification fromRule(IntentRules.Match match) {
      evidence.add("phrase '" + match.phrase() + "'");
      return finish(match.category(), match.confidence(), null, match.referral(), null);
    }

    Classification finish(
        ReplyCategory category,
        double confidence,
        LocalDate back,
        String referral,
        BounceDetector.Detected bounce) {
      String language = LanguageGuesser.guess(newText.isBlank() ? mail.subject() : newText);
      return new Classification(
          category,
          confidence,
          mail.subject(),
          from,
          language,
          newText,
          back,
          referral,
          bounce == null ? null : bounce.bounce(),
          evidence,
          MessageIds.referencedBy(mail));
    }
  }
}
