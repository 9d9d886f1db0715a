package io.isolane.sessimulator.sns;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs SNS messages as SNS does (RSA PKCS#1 v1.5: SHA1 for SignatureVersion 1, SHA256 for 2) with
 * a key generated at start-up. Its self-signed certificate names {@code sns.amazonaws.com}, as
 * SNS's does, and is served at {@link #certificatePath()}.
 */
public final class SnsSigner {
  private final KeyPair keys;
  private final String certificatePem;
  private final String certificatePath;

  public SnsSigner(int keyBits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(keyBits);
      keys = generator.generateKeyPair();
      certificatePem = pem(selfSigned(keys));
      byte[] id = new byte[16];
      ThreadLocalRandom.current().nextBytes(id);
      certificatePath = "/SimpleNotificationService-" + HexFormat.of().formatHex(id) + ".pem";
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException("cannot create the SNS signing key", e);
    }
  }

  /** Base64 signature of {@code stringToSign} for SignatureVersion "1" or "2". */
  public String sign(String stringToSign, String signatureVersion) {
    try {
      Signature signature =
          Signature.getInstance("2".equals(signatureVersion) ? "SHA256withRSA" : "SHA1withRSA");
      signature.initSign(keys.getPrivate());
      signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign an SNS message", e);
    }
  }

  /** The certificate, PEM-encoded. */
  public String certificatePem() {
    return certificatePem;
  }

  /** Path (on the simulator's endpoint) the certificate is served at. */
  public String certificatePath() {
    return certificatePath;
  }

  private static X509Certificate selfSigned(KeyPair keys)
      throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
    X500Name name = new X500Name("CN=sns.amazonaws.com");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            name,
            keys.getPublic());
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
  }

  private static String pem(X509Certificate certificate) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
