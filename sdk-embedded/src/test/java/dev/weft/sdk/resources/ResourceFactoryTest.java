package dev.weft.sdk.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.Version;
import dev.weft.core.api.common.AttributeKey;
import dev.weft.core.api.common.Attributes;
import dev.weft.core.config.ConfigProperties;
import dev.weft.sdk.testing.LogCapture;
import dev.weft.sdk.testing.TestConfigs;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ResourceFactoryTest {

  private static final String HOST =
      "io.opentelemetry.instrumentation.resources.HostResourceProvider";
  private static final String OS_PROVIDER =
      "io.opentelemetry.instrumentation.resources.OsResourceProvider";

  @Test
  void defaultsNameTheSdkTheDistroAndAnUnknownService() {
    Attributes attributes = create(TestConfigs.of());
    assertThat(string(attributes, "telemetry.sdk.name")).isEqualTo("opentelemetry");
    assertThat(string(attributes, "telemetry.sdk.language")).isEqualTo("java");
    assertThat(string(attributes, "telemetry.sdk.version")).isEqualTo("1.68.0");
    assertThat(string(attributes, "telemetry.distro.name")).isEqualTo("weft");
    assertThat(string(attributes, "telemetry.distro.version")).isEqualTo(Version.get());
    assertThat(string(attributes, "service.name")).isEqualTo("unknown_service:java");
  }

  @Test
  void serviceNameComesFromResourceAttributesUnlessOtelServiceNameIsSet() {
    assertThat(
            string(
                create(TestConfigs.of("otel.resource.attributes", "service.name=from-attrs")),
                "service.name"))
        .isEqualTo("from-attrs");
    assertThat(
            string(
                create(
                    TestConfigs.of(
                        "otel.resource.attributes", "service.name=from-attrs",
                        "otel.service.name", "from-key")),
                "service.name"))
        .isEqualTo("from-key");
  }

  @Test
  void resourceAttributesArePercentDecodedAndBadEntriesReported() {
    try (LogCapture log = LogCapture.start()) {
      Attributes attributes =
          create(
              TestConfigs.of(
                  "otel.resource.attributes",
                  "deployment.environment.name=prod%20eu,broken,team=a%2Cb"));
      assertThat(string(attributes, "deployment.environment.name")).isEqualTo("prod eu");
      assertThat(string(attributes, "team")).isEqualTo("a,b");
      assertThat(log.lines())
          .singleElement()
          .asString()
          .contains("WARN", "otel.resource.attributes", "'broken'");
    }
  }

  @Test
  void disabledKeysAreRemovedLast() {
    Attributes attributes =
        create(
            TestConfigs.of(
                "otel.resource.attributes", "secret=1,kept=2",
                "otel.resource.disabled.keys", "secret, telemetry.distro.version"));
    assertThat(string(attributes, "secret")).isNull();
    assertThat(string(attributes, "telemetry.distro.version")).isNull();
    assertThat(string(attributes, "kept")).isEqualTo("2");
  }

  @Test
  void configurationWinsOverDetectors() {
    Attributes attributes =
        ResourceFactory.create(
                TestConfigs.of("otel.resource.attributes", "host.name=configured"),
                List.of(new HostDetector()))
            .attributes();
    assertThat(string(attributes, "host.name")).isEqualTo("configured");
  }

  @Test
  void providersCanBeDisabledByTheOfficialClassNames() {
    Attributes attributes =
        ResourceFactory.create(
                TestConfigs.of(ResourceFactory.DISABLED_PROVIDERS, HOST),
                ResourceFactory.defaultDetectors())
            .attributes();
    assertThat(string(attributes, "host.name")).isNull();
    assertThat(string(attributes, "host.arch")).isNull();
    assertThat(string(attributes, "os.description")).isNotNull();
  }

  @Test
  void enabledProvidersAreTheOnlyOnesRun() {
    Attributes attributes =
        ResourceFactory.create(
                TestConfigs.of(ResourceFactory.ENABLED_PROVIDERS, OS_PROVIDER),
                ResourceFactory.defaultDetectors())
            .attributes();
    assertThat(string(attributes, "os.description")).isNotNull();
    assertThat(string(attributes, "host.name")).isNull();
    assertThat(attributes.get(AttributeKey.longKey("process.pid"))).isNull();
    assertThat(string(attributes, "process.runtime.name")).isNull();
  }

  @Test
  void aFailingDetectorIsLeftOut() {
    ResourceDetector broken =
        new ResourceDetector() {
          @Override
          public String providerClassName() {
            return "test.Broken";
          }

          @Override
          public void detect(Attributes.Builder out) {
            throw new IllegalStateException("no");
          }
        };
    Attributes attributes =
        ResourceFactory.create(TestConfigs.of(), List.of(broken, new OsDetector())).attributes();
    assertThat(string(attributes, "os.description")).isNotNull();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void detectsThisLinuxProcess() {
    Attributes attributes = ResourceFactory.create(TestConfigs.of()).attributes();
    assertThat(string(attributes, "host.name")).isNotBlank();
    assertThat(string(attributes, "host.arch")).isNotBlank();
    assertThat(string(attributes, "os.type")).isEqualTo("linux");
    assertThat(string(attributes, "os.description")).startsWith("Linux ");
    assertThat(attributes.get(AttributeKey.longKey("process.pid")))
        .isEqualTo(ProcessHandle.current().pid());
    String executable = string(attributes, "process.executable.path");
    assertThat(executable)
        .isEqualTo(
            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    assertThat(attributes.get(AttributeKey.stringArrayKey("process.command_args")))
        .first()
        .isEqualTo(executable);
    assertThat(string(attributes, "process.runtime.name"))
        .isEqualTo(System.getProperty("java.runtime.name"));
    assertThat(string(attributes, "process.runtime.version"))
        .isEqualTo(System.getProperty("java.runtime.version"));
    assertThat(string(attributes, "process.runtime.description"))
        .contains(System.getProperty("java.vm.name"));
  }

  private static Attributes create(ConfigProperties config) {
    return ResourceFactory.create(config, List.of()).attributes();
  }

  private static String string(Attributes attributes, String key) {
    return attributes.get(AttributeKey.stringKey(key));
  }
}
