package dev.weft.sdk.export.otlp;

import dev.weft.bootstrap.WeftLogger;
import dev.weft.core.config.AgentSettings;
import dev.weft.core.config.ConfigProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The OTLP exporter settings of one signal, resolved as the OpenTelemetry Java agent resolves them:
 * a per-signal key ({@code otel.exporter.otlp.traces.*}, {@code .metrics.*}, {@code .logs.*}) wins
 * over the generic one, and a per-signal header map replaces the generic map rather than merging
 * with it. Immutable.
 */
public final class OtlpExporterConfig {

  public static final String GRPC = "grpc";
  public static final String HTTP_PROTOBUF = "http/protobuf";

  private static final WeftLogger log = WeftLogger.get("otlp");
  private static final String GENERIC = "otel.exporter.otlp.";
  private static final String RETRY_DISABLED = "otel.java.exporter.otlp.retry.disabled";
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final OtlpSignal signal;
  private final String protocol;
  private final URI endpoint;
  private final Map<String, String> headers;
  private final boolean gzip;
  private final Duration timeout;
  private final SSLContext sslContext;
  private final boolean retryEnabled;

  private OtlpExporterConfig(
      OtlpSignal signal,
      String protocol,
      URI endpoint,
      Map<String, String> headers,
      boolean gzip,
      Duration timeout,
      SSLContext sslContext,
      boolean retryEnabled) {
    this.signal = signal;
    this.protocol = protocol;
    this.endpoint = endpoint;
    this.headers = headers;
    this.gzip = gzip;
    this.timeout = timeout;
    this.sslContext = sslContext;
    this.retryEnabled = retryEnabled;
  }

  /**
   * The trace exporter's settings. Bad values (endpoint, TLS files) log one WARN naming the key and
   * fall back to the default; this method never throws for configuration reasons.
   */
  public static OtlpExporterConfig forTraces(ConfigProperties config, AgentSettings settings) {
    return forSignal(OtlpSignal.TRACES, config, settings);
  }

  /**
   * The settings of {@code signal}'s exporter. Bad values (endpoint, TLS files) log one WARN naming
   * the key and fall back to the default; this method never throws for configuration reasons.
   */
  public static OtlpExporterConfig forSignal(
      OtlpSignal signal, ConfigProperties config, AgentSettings settings) {
    String prefix = GENERIC + signal.key() + ".";
    String protocol = protocolOf(signal, settings);
    URI endpoint = endpoint(signal, config, protocol);
    Map<String, String> headers =
        config.getString(prefix + "headers") != null
            ? config.getMap(prefix + "headers")
            : config.getMap(GENERIC + "headers");
    String compression =
        config.getOneOf(
            prefix + "compression", settings.otlpCompression(), List.of("gzip", "none"));
    Duration timeout = config.getDuration(prefix + "timeout", settings.otlpTimeout());
    SSLContext sslContext =
        "https".equals(endpoint.getScheme())
            ? PemTls.sslContext(
                config,
                keyOf(config, prefix, "certificate"),
                keyOf(config, prefix, "client.key"),
                keyOf(config, prefix, "client.certificate"))
            : null;
    boolean retryEnabled = !config.getBoolean(RETRY_DISABLED, false);
    return new OtlpExporterConfig(
        signal,
        protocol,
        endpoint,
        headers,
        compression.equals("gzip"),
        timeout,
        sslContext,
        retryEnabled);
  }

  private static String protocolOf(OtlpSignal signal, AgentSettings settings) {
    switch (signal) {
      case METRICS:
        return settings.otlpMetricsProtocol();
      case LOGS:
        return settings.otlpLogsProtocol();
      default:
        return settings.otlpTracesProtocol();
    }
  }

  /** The signal these settings are for. */
  public OtlpSignal signal() {
    return signal;
  }

  /** {@code grpc} or {@code http/protobuf}. */
  public String protocol() {
    return protocol;
  }

  /**
   * For http/protobuf the full URL requests are posted to; for grpc the scheme, host and port of
   * the collector (any path is ignored).
   */
  public URI endpoint() {
    return endpoint;
  }

  /** Extra request headers (or gRPC metadata), values already percent-decoded. */
  public Map<String, String> headers() {
    return headers;
  }

  public boolean gzip() {
    return gzip;
  }

  /** The limit for one request, including connecting; zero means none (the export's applies). */
  public Duration timeout() {
    return timeout;
  }

  /** TLS built from the configured PEM files, or null for the JDK's defaults. */
  public SSLContext sslContext() {
    return sslContext;
  }

  /** False when {@code otel.java.exporter.otlp.retry.disabled=true}. */
  public boolean retryEnabled() {
    return retryEnabled;
  }

  /** {@code otlp http/protobuf http://localhost:4318/v1/traces gzip}, then any non-defaults. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("otlp ").append(protocol).append(' ').append(endpoint);
    if (gzip) {
      out.append(" gzip");
    }
    if (!headers.isEmpty()) {
      out.append(" headers=").append(headers.keySet()); // names only: values are credentials
    }
    if (!timeout.equals(DEFAULT_TIMEOUT)) {
      out.append(" timeout=").append(timeout.toMillis()).append("ms");
    }
    if (sslContext != null) {
      out.append(" tls=custom");
    }
    if (!retryEnabled) {
      out.append(" retry=off");
    }
    return out.toString();
  }

  private static URI endpoint(OtlpSignal signal, ConfigProperties config, String protocol) {
    boolean grpc = protocol.equals(GRPC);
    URI fallback =
        URI.create(grpc ? "http://localhost:4317" : "http://localhost:4318/" + signal.httpPath());
    String signalKey = GENERIC + signal.key() + ".endpoint";
    String own = config.getString(signalKey);
    if (own != null) {
      URI uri = parse(signalKey, own, fallback);
      // The per-signal URL is used as it is; only a missing path becomes "/".
      return grpc || !uri.getRawPath().isEmpty() ? uri : uri.resolve("/");
    }
    String genericKey = GENERIC + "endpoint";
    String generic = config.getString(genericKey);
    if (generic == null) {
      return fallback;
    }
    if (grpc) {
      return parse(genericKey, generic, fallback);
    }
    String joined = (generic.endsWith("/") ? generic : generic + "/") + signal.httpPath();
    return parse(genericKey, joined, fallback);
  }

  private static URI parse(String key, String value, URI fallback) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    log.warn(
        "Invalid value '"
            + value
            + "' for "
            + key
            + " ("
            + ConfigProperties.toEnvName(key)
            + "): expected an http:// or https:// URL; using '"
            + fallback
            + "'");
    return fallback;
  }

  /** The per-signal key when it is set, else the generic one (which may be unset too). */
  private static String keyOf(ConfigProperties config, String prefix, String option) {
    String signalKey = prefix + option;
    return config.getString(signalKey) != null ? signalKey : GENERIC + option;
  }
}
