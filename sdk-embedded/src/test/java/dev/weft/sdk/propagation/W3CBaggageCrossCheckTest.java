package dev.weft.sdk.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.api.baggage.Baggage;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Weft's W3C baggage propagator against the official one (opentelemetry-api): same entries
 * extracted, same members injected, except where the official propagator departs from the spec or
 * from Weft's documented limits (second test).
 *
 * <p>Order is not compared: the official baggage iterates (and so injects) sorted by name, Weft's
 * keeps the order of the header. Both are allowed; Weft's keeps duplicates' order as the spec asks.
 */
class W3CBaggageCrossCheckTest {

  private static final W3CBaggagePropagator weft = W3CBaggagePropagator.getInstance();
  private static final io.opentelemetry.context.propagation.TextMapPropagator official =
      io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator.getInstance();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a=1",
        "b=2,a=1",
        " a = 1 ,\tb=2\t",
        "a=",
        "a=b=c",
        "a=1;p",
        "a=1;p1;p2=x",
        "a=1 ; p1 ; p2 = x ",
        "a=%20x%2Cy%25",
        "a=Am%C3%A9lie,serverNode=DF%2028,isProduction=false",
        "a=%e2%82%ac",
        "a=%FF%FE",
        "a=%41%42",
        "a=1,a=2",
        "a=1,,b=2",
        "a=1,=2,c,d=4",
        "a b=1,c=2",
        "a=x y,c=2",
        "a=\"q\",c=2",
        "a=\\,c=2",
        "a=%ZZ,c=2",
        "a=\u00e9,c=2",
        "!#$%&'*+-.^_`|~=v",
        "key1=value1;property1;property2, key2 = value2, key3=value3; propertyKey=propertyValue",
        "",
        ",",
        "=",
      })
  void extractsAndInjectsLikeTheOfficialPropagator(String header) {
    Map<String, String> headers = Carriers.headers("baggage", header);
    dev.weft.bootstrap.context.Context weftContext = Carriers.extract(weft, headers);
    io.opentelemetry.context.Context officialContext = Official.extract(official, headers);

    assertThat(entries(weftContext)).isEqualTo(Official.baggage(officialContext));
    assertThat(members(Carriers.inject(weft, weftContext)))
        .isEqualTo(members(Official.inject(official, officialContext)));
  }

  static Stream<Arguments> differences() {
    String v3000 = "x".repeat(3000);
    return Stream.of(
        // An empty property is not a property (property = key OWS ["=" OWS value]): Weft skips
        // the member; the official propagator keeps ";" as metadata.
        Arguments.of("a=1;;,c=2", "c=2"),
        Arguments.of("a=1;=x,c=2", "c=2"),
        // A '%' must start a two-digit escape ('%' itself "MUST be percent-encoded"): Weft skips
        // the member; the official propagator decodes a cut-off escape to an empty value.
        Arguments.of("a=%4,c=2", "c=2"),
        Arguments.of("a=x%,c=2", "c=2"),
        // Weft's limits are 180 entries, 4096 bytes per member, 8192 bytes in all, dropping only
        // what is over them; the official propagator keeps 64 entries, has no per-member limit and
        // drops the whole header when it is over 8192 bytes.
        Arguments.of(numbered(70), numbered(70)),
        Arguments.of("a=1,b=" + "y".repeat(4095) + ",c=3", "a=1,c=3"),
        Arguments.of("a=" + v3000 + ",b=" + v3000 + ",c=" + v3000, "a=" + v3000 + ",b=" + v3000));
  }

  /** Weft extracts {@code weftEntries} (a header of the expected entries) and injects them. */
  @ParameterizedTest
  @MethodSource("differences")
  void departsFromTheOfficialPropagatorWhereTheSpecSaysSo(String header, String weftEntries) {
    Map<String, String> headers = Carriers.headers("baggage", header);
    dev.weft.bootstrap.context.Context weftContext = Carriers.extract(weft, headers);
    io.opentelemetry.context.Context officialContext = Official.extract(official, headers);

    assertThat(W3CBaggagePropagatorTest.entries(weftContext)).isEqualTo(weftEntries);
    assertThat(entries(weftContext)).isNotEqualTo(Official.baggage(officialContext));
    assertThat(Carriers.inject(weft, weftContext)).containsEntry("baggage", weftEntries);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad key", "k,1", "k=1", "k;1"})
  void neverInjectsANameThatIsNotAToken(String name) {
    // The official propagator writes such names as they are, producing a header that a strict
    // receiver drops or misreads; keys are tokens (RFC 9110) and cannot be encoded.
    Baggage baggage = Baggage.builder().put(name, "v").put("ok", "1").build();
    assertThat(
            Carriers.inject(
                weft, baggage.storeInContext(dev.weft.bootstrap.context.Context.root())))
        .containsEntry("baggage", "ok=1");
    io.opentelemetry.context.Context officialContext =
        io.opentelemetry.api.baggage.Baggage.builder()
            .put(name, "v")
            .put("ok", "1")
            .build()
            .storeInContext(io.opentelemetry.context.Context.root());
    assertThat(Official.inject(official, officialContext).get("baggage")).contains(name);
  }

  /** Entries sorted by name, as {@code value[;metadata]}, the shape {@link Official} gives. */
  private static Map<String, String> entries(dev.weft.bootstrap.context.Context context) {
    Baggage baggage = Baggage.fromContext(context);
    Map<String, String> entries = new TreeMap<>();
    for (int i = 0; i < baggage.size(); i++) {
      String metadata = baggage.metadataAt(i);
      entries.put(baggage.nameAt(i), baggage.valueAt(i) + (metadata == null ? "" : ";" + metadata));
    }
    return entries;
  }

  private static Set<String> members(Map<String, String> headers) {
    String header = headers.get("baggage");
    return header == null ? Set.of() : new TreeSet<>(Arrays.asList(header.split(",")));
  }

  private static String numbered(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append('k').append(i).append("=v");
    }
    return out.toString();
  }
}
