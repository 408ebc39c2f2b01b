package io.github.querylint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reports' JSON prints exactly what Jackson's tree and pretty printer printed before it. */
class JsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String jacksonPretty(Object node) throws Exception {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return MAPPER.writer(printer).writeValueAsString(node) + "\n";
    }

    @Test
    void randomTreesPrintAsJacksonPrintedThem() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            ObjectNode jackson = MAPPER.createObjectNode();
            Json.Obj ours = new Json.Obj();
            fill(random, jackson, ours, 0);
            assertThat(Json.pretty(ours)).isEqualTo(jacksonPretty(jackson));
            assertThat(Json.compact(ours)).isEqualTo(MAPPER.writeValueAsString(jackson));
            ArrayNode jacksonArray = MAPPER.createArrayNode();
            Json.Arr ourArray = new Json.Arr();
            if (random.nextBoolean()) {
                jacksonArray.add(jackson);
                ourArray.add(ours);
            }
            assertThat(Json.pretty(ourArray)).isEqualTo(jacksonPretty(jacksonArray));
        }
    }

    @Test
    void everyCharacterIsEscapedAsJacksonEscapedIt() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("\ud83d\ude00 \ud800 \udc00 \u2028\u2029\ufeff\uffff");
        ObjectNode jackson = MAPPER.createObjectNode().put(all.toString(), all.toString());
        Json.Obj ours = new Json.Obj().put(all.toString(), all.toString());
        assertThat(Json.compact(ours)).isEqualTo(MAPPER.writeValueAsString(jackson));
        assertThat(Json.pretty(ours)).isEqualTo(jacksonPretty(jackson));
    }

    @Test
    void aKeyPutAgainKeepsItsPlace() throws Exception {
        Json.Obj ours = new Json.Obj().put("a", 1).put("b", "x").put("a", true);
        assertThat(Json.compact(ours)).isEqualTo("{\"a\":true,\"b\":\"x\"}");
        assertThat(Json.compact(new Json.Obj().put("q", (String) null))).isEqualTo("{\"q\":null}");
    }

    private static void fill(Random random, ObjectNode jackson, Json.Obj ours, int depth) {
        int fields = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < fields; i++) {
            String key = text(random);
            switch (random.nextInt(depth > 3 ? 5 : 7)) {
                case 0 -> {
                    String value = text(random);
                    jackson.put(key, value);
                    ours.put(key, value);
                }
                case 1 -> {
                    int value = random.nextInt(2_000_001) - 1_000_000;
                    jackson.put(key, value);
                    ours.put(key, value);
                }
                case 2 -> {
                    long value = random.nextLong();
                    jackson.put(key, value);
                    ours.put(key, value);
                }
                case 3 -> {
                    boolean value = random.nextBoolean();
                    jackson.put(key, value);
                    ours.put(key, value);
                }
                case 4 -> {
                    jackson.put(key, (String) null);
                    ours.put(key, (String) null);
                }
                case 5 -> fill(random, jackson.putObject(key), ours.putObject(key), depth + 1);
                default -> {
                    ArrayNode ja = jackson.putArray(key);
                    Json.Arr oa = ours.putArray(key);
                    int items = random.nextInt(4);
                    for (int j = 0; j < items; j++) {
                        if (random.nextBoolean()) {
                            String value = text(random);
                            ja.add(value);
                            oa.add(value);
                        } else {
                            fill(random, ja.addObject(), oa.addObject(), depth + 1);
                        }
                    }
                }
            }
        }
    }

    private static String text(Random random) {
        String alphabet = "ab \"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f\u00e9\u2028\ud83d\ude00<>&'%{}[]:,";
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
