package dev.weft.sdk.propagation;

import static dev.weft.sdk.propagation.Carriers.extract;
import static dev.weft.sdk.propagation.Carriers.headers;
import static dev.weft.sdk.propagation.Carriers.inject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.bootstrap.context.Context;
import dev.weft.core.api.baggage.Baggage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class W3CBaggagePropagatorTest {

  private static final W3CBaggagePropagator propagator = W3CBaggagePropagator.getInstance();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a=1|a=1",
        "a=1,b=2|a=1,b=2",
        "' a = 1 ,\tb=2\t'|a=1,b=2",
        "a=|a=", // an empty value is allowed
        "a=b=c|a=b=c", // '=' is a baggage-octet
        "a=1;p|a=1;p",
        "a=1;p1;p2=x|a=1;p1;p2=x",
        "'a=1 ; p1 ; p2 = x '|a=1;p1 ; p2 = x", // metadata is kept as it is, trimmed
        "a=%20x%2Cy%25|a= x,y%",
        "a=Am%C3%A9lie|a=Am\u00e9lie",
        "a=%e2%82%ac|a=\u20ac", // lower-case escapes decode too
        "a=%FF%FE|a=\ufffd\ufffd", // malformed UTF-8 becomes U+FFFD (spec: value)
        "a=1,a=2|a=2", // the last duplicate wins
        "b=1,a=2|b=1,a=2", // order is kept
        "'a=1,,, ,b=2'|a=1,b=2",
      })
  void extracts(String header, String expected) {
    assertThat(entries(extract(propagator, headers("baggage", header)))).isEqualTo(expected);
  }

  @Test
  void keysMayUseEveryTokenCharacter() {
    String key = "!#$%&'*+-.^_`|~09azAZ";
    assertThat(entries(extract(propagator, headers("baggage", key + "=v")))).isEqualTo(key + "=v");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a=1,=2,c,d=4|a=1,d=4", // no key, no '='
        "a b=1,c=2|c=2", // keys are tokens
        "a=x y,c=2|c=2", // no white space inside a value
        "'a=\"q\",c=2'|c=2", // no DQUOTE
        "a=\\\\,c=2|c=2", // no backslash
        "a=%ZZ,c=2|c=2", // '%' must start an escape
        "a=%4,c=2|c=2",
        "a=1;;,c=2|c=2", // an empty property
        "a=1;=x,c=2|c=2", // a property without a key
        "a=1;k=v v,c=2|c=2",
        "a=\u00e9,c=2|c=2", // non-ASCII must be percent-encoded
        "k\u00e9=1,c=2|c=2",
        "(a)=1,c=2|c=2",
        "a=1;p,b=2|a=1;p,b=2",
      })
  void skipsMalformedMembersOnly(String header, String expected) {
    assertThat(entries(extract(propagator, headers("baggage", header)))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ",", "=", "a", "a b=c", ";"})
  void headersWithoutValidMembersLeaveTheContextAlone(String header) {
    Context base = Baggage.builder().put("kept", "1").build().storeInContext(Context.root());
    assertThat(propagator.extract(base, headers("baggage", header), Carriers.GETTER))
        .isSameAs(base);
  }

  @Test
  void extractedBaggageReplacesTheContextsBaggage() {
    Context base = Baggage.builder().put("old", "1").build().storeInContext(Context.root());
    Context context = propagator.extract(base, headers("baggage", "new=2"), Carriers.GETTER);
    assertThat(entries(context)).isEqualTo("new=2");
  }

  @Test
  void atMost180Entries() {
    Baggage baggage = Baggage.fromContext(extract(propagator, headers("baggage", members(200))));
    assertThat(baggage.size()).isEqualTo(180);
    assertThat(baggage.nameAt(179)).isEqualTo("k179");
  }

  @Test
  void oversizedMembersAreSkipped() {
    String value = "x".repeat(BaggageCodec.MAX_ENTRY_BYTES - 2); // "b=" + value: 4096 bytes
    Baggage fits = Baggage.fromContext(extract(propagator, headers("baggage", "b=" + value)));
    assertThat(fits.get("b")).hasSize(4094);
    Baggage skipped =
        Baggage.fromContext(extract(propagator, headers("baggage", "a=1,c=" + value + "x,d=4")));
    assertThat(entries(skipped.storeInContext(Context.root()))).isEqualTo("a=1,d=4");
  }

  @Test
  void membersPastTheTotalLimitAreDropped() {
    String value = "x".repeat(3000);
    String header = "a=" + value + ",b=" + value + ",c=" + value + ",d=1";
    Baggage baggage = Baggage.fromContext(extract(propagator, headers("baggage", header)));
    // a and b end within 8192 bytes; c would end at 9008: it and everything after are dropped.
    assertThat(baggage.size()).isEqualTo(2);
    assertThat(baggage.get("d")).isNull();
  }

  @Test
  void injects() {
    Baggage baggage =
        Baggage.builder()
            .put("userId", "Am\u00e9lie")
            .put("serverNode", "DF 28")
            .put("isProduction", "false", "ttl=30;private")
            .build();
    assertThat(inject(propagator, baggage.storeInContext(Context.root())))
        .containsExactly(
            Map.entry(
                "baggage",
                "userId=Am%C3%A9lie,serverNode=DF%2028,isProduction=false;ttl=30;private"));
  }

  @Test
  void injectionEncodesEverythingButUnreservedAndSomeSubDelimiters() {
    StringBuilder ascii = new StringBuilder();
    for (char c = 0x20; c < 0x7F; c++) {
      ascii.append(c);
    }
    Context context =
        Baggage.builder().put("k", ascii.toString()).build().storeInContext(Context.root());
    assertThat(inject(propagator, context).get("baggage"))
        .isEqualTo(
            "k=%20!%22%23$%25&'()*%2B%2C-.%2F0123456789:%3B%3C%3D%3E%3F@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                + "%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~");
  }

  @Test
  void injectionSkipsEntriesThatCannotBeSent() {
    Baggage baggage =
        Baggage.builder()
            .put("bad key", "1")
            .put("k\u00e9", "1")
            .put("meta", "1", "a,b")
            .put("meta2", "1", ";")
            .put("ok", "1")
            .build();
    assertThat(inject(propagator, baggage.storeInContext(Context.root())))
        .containsExactly(Map.entry("baggage", "ok=1"));
  }

  @Test
  void injectionRespectsTheLimits() {
    Baggage.Builder many = Baggage.builder();
    for (int i = 0; i < 200; i++) {
      many.put("k" + i, "v");
    }
    String header = inject(propagator, many.build().storeInContext(Context.root())).get("baggage");
    assertThat(header.split(",")).hasSize(180);

    String big = "x".repeat(3000);
    Baggage large =
        Baggage.builder()
            .put("huge", "y".repeat(5000))
            .put("a", big)
            .put("b", big)
            .put("c", big)
            .build();
    header = inject(propagator, large.storeInContext(Context.root())).get("baggage");
    assertThat(header).isEqualTo("a=" + big + ",b=" + big);
  }

  @Test
  void injectsNothingWithoutBaggage() {
    assertThat(inject(propagator, Context.root())).isEmpty();
  }

  @Test
  void roundTrips() {
    Baggage baggage =
        Baggage.builder()
            .put("a", " spaces and, commas; = % \u20ac \ud83d\ude00 ")
            .put("b", "", "p1;p2=v")
            .put("c", "plain")
            .build();
    Map<String, String> headers = inject(propagator, baggage.storeInContext(Context.root()));
    assertThat(Baggage.fromContext(extract(propagator, headers))).isEqualTo(baggage);
  }

  /** {@code name=value[;metadata]} joined by commas. */
  static String entries(Context context) {
    Baggage baggage = Baggage.fromContext(context);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < baggage.size(); i++) {
      out.append(i == 0 ? "" : ",").append(baggage.nameAt(i)).append('=');
      out.append(baggage.valueAt(i));
      if (baggage.metadataAt(i) != null) {
        out.append(';').append(baggage.metadataAt(i));
      }
    }
    return out.toString();
  }

  private static String members(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append('k').append(i).append("=v");
    }
    return out.toString();
  }
}
