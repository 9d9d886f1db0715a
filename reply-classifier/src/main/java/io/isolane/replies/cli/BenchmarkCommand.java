package io.isolane.replies.cli;

import io.isolane.replies.service.IntentModel;
import io.isolane.replies.service.LanguageGuesser;
import io.isolane.replies.service.ReplyClassifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures single-threaded classification throughput on generated replies of 5-20 KB: a short
 * answer in one of six languages (two of ten decided by the model, the rest by rules) over a long
 * quoted thread, half of them multipart/alternative with an HTML copy, quoted-printable encoded.
 * Run it pinned to one core, e.g. {@code taskset -c 0 java -cp target/reply-classifier-*-cli.jar
 * io.isolane.replies.cli.BenchmarkCommand 20}.
 */
public final class BenchmarkCommand {
  private static final String[] ANSWERS = {
    "Thanks, but we are not interested at the moment.",
    "Please remove me from your mailing list.",
    "Tenho interesse, podemos conversar amanhã às 10h?",
    "Estoy fuera de la oficina. Regreso el 11 de marzo.",
    "Спасибо, нам это не интересно. Отпишите меня, пожалуйста.",
    "Dafür ist mein Kollege zuständig, bitte wenden Sie sich an k.mueller@example.de.",
    "Je suis intéressée, pouvons-nous en parler mardi ?",
    "Sounds good. Can we book a call next week? Tell me more about pricing.",
    // no rule decides these two: the model does
    "Could you send me a proposal and pricing for my team?",
    "Не нужно, у нас уже есть поставщик.",
  };
  private static final String QUOTED =
      "> Hi, I hope this finds you well. We help teams like yours send mail that reaches the inbox"
          + " and keeps every customer's reputation separate. Would a short demo next week work?\n";

  private BenchmarkCommand() {}

  public static void main(String[] args) {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<byte[]> corpus = corpus(200, new Random(7));
    long bytes = corpus.stream().mapToLong(m -> m.length).sum();
    long loadStart = System.nanoTime();
    IntentModel model = IntentModel.shared();
    long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
    long languageMillis = LanguageGuesser.loadMillis();
    ReplyClassifier classifier = new ReplyClassifier(ClassifyCommand.MAX_BYTES);
    run(classifier, corpus, 3);
    System.gc();
    long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    long cpuStart = processCpuNanos();
    long[] done = run(classifier, corpus, seconds);
    double cpu = (processCpuNanos() - cpuStart) / 1e9;
    double elapsed = done[1] / 1e9;
    // per CPU second: what one core does when the machine is shared with other work
    System.out.printf(
        "{\"messages\":%d,\"seconds\":%.1f,\"per_second\":%.0f,\"per_cpu_second\":%.0f,"
            + "\"mean_bytes\":%d,\"heap_after_warmup_mb\":%.1f,\"model_load_ms\":%d,"
            + "\"language_load_ms\":%d}%n",
        done[0],
        elapsed,
        done[0] / elapsed,
        done[0] / cpu,
        bytes / corpus.size(),
        used / 1048576.0,
        model == null ? -1 : loadMillis,
        languageMillis);
  }

  /** CPU time of the whole process (all threads: Lingua's, GC, JIT). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Classifies the corpus round-robin for about {@code seconds}; returns count and nanos. */
  private static long[] run(ReplyClassifier classifier, List<byte[]> corpus, int seconds) {
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    long count = 0;
    while (System.nanoTime() < deadline) {
      for (byte[] message : corpus) {
        classifier.classify(message);
        count++;
      }
    }
    return new long[] {count, System.nanoTime() - start};
  }

  static List<byte[]> corpus(int size, Random random) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String answer = ANSWERS[i % ANSWERS.length];
      int target = 5_000 + random.nextInt(15_000);
      StringBuilder quoted = new StringBuilder();
      while (quoted.length() < (i % 2 == 0 ? target : target / 2)) {
        quoted.append(QUOTED);
      }
      String text =
          answer + "\n\nOn Mon, 2 Mar 2026 at 10:00, Ana <ana@x.example> wrote:\n" + quoted;
      out.add(message(text, i % 2 == 1).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String message(String text, boolean withHtml) {
    String head =
        "From: Someone <someone@customer.example>\r\nTo: ana@x.example\r\n"
            + "Subject: Re: Quick question\r\nMIME-Version: 1.0\r\n";
    String plain =
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"
            + "\r\n\r\n"
            + QuotedPrintable.encode(text);
    if (!withHtml) {
      return head + plain;
    }
    String html =
        "<html><body><div>"
            + text.replace("\n", "<br>\n").replace("> ", "&gt; ")
            + "</div></body></html>";
    return head
        + "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\n"
        + plain
        + "\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n"
        + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        + QuotedPrintable.encode(html)
        + "\r\n--alt--\r\n";
  }
}
