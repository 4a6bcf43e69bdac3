package dev.weft.sdk.export.otlp;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.ConfigProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds an {@link SSLContext} from the OTLP PEM settings with JDK classes only: a trust bundle of
 * certificates, and for mutual TLS a PKCS#8 private key (RSA or EC) with its certificate chain. A
 * file that cannot be used logs one WARN naming its key; that part then falls back to the JDK's
 * default (trust store, or no client certificate).
 */
final class PemTls {

  private static final WeftLogger log = WeftLogger.get("otlp");
  private static final String[] KEY_ALGORITHMS = {"RSA", "EC"};
  // Protects nothing: the key store lives in memory only, for the key manager factory.
  private static final char[] IN_MEMORY_PASSWORD = "weft".toCharArray();

  private PemTls() {}

  /**
   * The context for the given keys (each nullable, or naming an unset key), or null when no key is
   * set or nothing configured could be loaded.
   */
  static SSLContext sslContext(
      ConfigProperties config, String trustKey, String clientKeyKey, String clientCertKey) {
    String trustPath = config.getString(trustKey);
    String keyPath = config.getString(clientKeyKey);
    String certPath = config.getString(clientCertKey);
    TrustManager[] trust = trustPath == null ? null : trustManagers(trustKey, trustPath);
    KeyManager[] keys = null;
    if (keyPath != null && certPath != null) {
      keys = keyManagers(clientKeyKey, keyPath, clientCertKey, certPath);
    } else if (keyPath != null || certPath != null) {
      String missing = keyPath == null ? clientKeyKey : clientCertKey;
      log.warn(
          "Mutual TLS needs both "
              + clientKeyKey
              + " and "
              + clientCertKey
              + ", but "
              + missing
              + " ("
              + ConfigProperties.toEnvName(missing)
              + ") is not set; connecting without a client certificate");
    }
    if (trust == null && keys == null) {
      return null;
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null); // a null part means the JDK default
      return context;
    } catch (GeneralSecurityException e) {
      log.warn("Cannot create the OTLP TLS context; using the JDK defaults (" + e + ")");
      return null;
    }
  }

  private static TrustManager[] trustManagers(String key, String path) {
    try {
      Collection<? extends Certificate> certificates = certificates(path);
      KeyStore store = emptyKeyStore();
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      warnUnusable(key, path, e, "the JDK's default trust store");
      return null;
    }
  }

  private static KeyManager[] keyManagers(
      String keyKey, String keyPath, String certKey, String certPath) {
    PrivateKey privateKey;
    try {
      privateKey = privateKey(keyPath);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      warnUnusable(keyKey, keyPath, e, "no client certificate");
      return null;
    }
    try {
      Certificate[] chain = certificates(certPath).toArray(new Certificate[0]);
      KeyStore store = emptyKeyStore();
      store.setKeyEntry("client", privateKey, IN_MEMORY_PASSWORD, chain);
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, IN_MEMORY_PASSWORD);
      return factory.getKeyManagers();
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      warnUnusable(certKey, certPath, e, "no client certificate");
      return null;
    }
  }

  /** Every certificate in a PEM bundle (the JDK's X.509 factory reads PEM itself). */
  static Collection<? extends Certificate> certificates(String path)
      throws IOException, GeneralSecurityException {
    byte[] bytes = Files.readAllBytes(Paths.get(path));
    Collection<? extends Certificate> certificates =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(bytes));
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no PEM certificate found");
    }
    return certificates;
  }

  /** A {@code -----BEGIN PRIVATE KEY-----} (unencrypted PKCS#8) RSA or EC key. */
  static PrivateKey privateKey(String path) throws IOException, GeneralSecurityException {
    String pem = new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.US_ASCII);
    String begin = "-----BEGIN PRIVATE KEY-----";
    int start = pem.indexOf(begin);
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (start < 0 || end < start) {
      throw new GeneralSecurityException(
          pem.contains("-----BEGIN")
              ? "not an unencrypted PKCS#8 key; convert it with"
                  + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'"
              : "no PEM private key found");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next
      }
    }
    throw new GeneralSecurityException("the PKCS#8 key is neither RSA nor EC");
  }

  private static KeyStore emptyKeyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    return store;
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static void warnUnusable(String key, String path, Exception e, String fallback) {
    log.warn(
        "Cannot use "
            + key
            + " ("
            + ConfigProperties.toEnvName(key)
            + ") = '"
            + path
            + "': "
            + reason(e)
            + "; using "
            + fallback);
  }
}
