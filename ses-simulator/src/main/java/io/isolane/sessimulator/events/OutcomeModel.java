package io.isolane.sessimulator.events;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides what happens to each recipient: the SES mailbox-simulator addresses behave as SES
 * documents them; any other recipient follows the {@link Profile} of its domain (or the default).
 * Draws are deterministic for a seed: the n-th send to an address always meets the same fate (a
 * mailbox-simulator address, whose fate is its own, always gets the same latency).
 */
public final class OutcomeModel {
  /** SES's mailbox simulator domain. */
  public static final String SIMULATOR_DOMAIN = "simulator.amazonses.com";

  /** Addresses whose send counts are remembered before the counts start over. */
  static final int MAX_TRACKED = 1_000_000;

  private final long seed;
  private final Map<String, Profile> byDomain = new ConcurrentHashMap<>();
  private final Map<String, Integer> sendsTo = new ConcurrentHashMap<>();
  private volatile Profile fallback;

  public OutcomeModel(long seed, Profile fallback) {
    this.seed = seed;
    this.fallback = fallback;
  }

  /** Everything delivered; seed 42. */
  public static OutcomeModel deliverAll() {
    return new OutcomeModel(42, Profile.DELIVER_ALL);
  }

  /** Sets the profile of one recipient domain (e.g. gmail.com). */
  public OutcomeModel domain(String domain, Profile profile) {
    byDomain.put(domain.toLowerCase(Locale.ROOT), profile);
    return this;
  }

  /** Sets the profile of every domain without one of its own. */
  public OutcomeModel fallback(Profile profile) {
    this.fallback = profile;
    return this;
  }

  /** The fate of one recipient of one message. */
  public Fate fate(String recipient) {
    String address = recipient.toLowerCase(Locale.ROOT);
    int at = address.lastIndexOf('@');
    String domain = address.substring(at + 1);
    if (SIMULATOR_DOMAIN.equals(domain)) {
      // the address alone decides the fate, and its latency is drawn per address: no send count
      // to keep for addresses that are usually unique (success+<id>), map growth and all
      return simulated(address.substring(0, at), seeded(address));
    }
    Profile profile = byDomain.getOrDefault(domain, fallback);
    return drawn(profile, draws(address));
  }

  private SplittableRandom draws(String address) {
    if (sendsTo.size() > MAX_TRACKED) {
      sendsTo.clear(); // bounded memory; runs this large restart their per-address counts
    }
    int n = sendsTo.merge(address, 1, Integer::sum);
    return seeded(address + "#" + n);
  }

  private SplittableRandom seeded(String key) {
    long h = seed;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = h * 1_000_003L + b;
    }
    return new SplittableRandom(h);
  }

  private static Fate simulated(String local, SplittableRandom random) {
    int plus = local.indexOf('+');
    String base = plus < 0 ? local : local.substring(0, plus);
    long latency = 10 + random.nextLong(40);
    return switch (base) {
      case "bounce" -> new Fate(Fate.Kind.HARD_BOUNCE, latency, false, false, false, false);
      case "complaint" -> new Fate(Fate.Kind.DELIVERED, latency, false, true, false, false);
      case "ooto" -> new Fate(Fate.Kind.DELIVERED, latency, false, false, false, true);
      case "suppressionlist" ->
          new Fate(Fate.Kind.GLOBALLY_SUPPRESSED, latency, false, false, false, false);
      default -> new Fate(Fate.Kind.DELIVERED, latency, false, false, false, false);
    };
  }

  private static Fate drawn(Profile p, SplittableRandom random) {
    long latency =
        p.minLatencyMillis() + random.nextLong(p.maxLatencyMillis() - p.minLatencyMillis() + 1);
    double r = random.nextDouble();
    if (r < p.hardBounce()) {
      return new Fate(Fate.Kind.HARD_BOUNCE, latency, false, false, false, false);
    }
    if (r < p.hardBounce() + p.softBounce()) {
      return new Fate(Fate.Kind.SOFT_BOUNCE, latency, false, false, false, false);
    }
    boolean delayed = random.nextDouble() < p.deliveryDelay();
    boolean complaint = random.nextDouble() < p.complaint();
    boolean open = random.nextDouble() < p.open();
    boolean click = open && random.nextDouble() < p.click();
    return new Fate(Fate.Kind.DELIVERED, latency, delayed, complaint, open || click, false, click);
  }
}
