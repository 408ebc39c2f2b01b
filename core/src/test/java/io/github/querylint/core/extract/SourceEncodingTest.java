package io.github.querylint.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.QueryUnit;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source encoding of the request decides how Java and mapper files are read. */
class SourceEncodingTest {

    private static final String JAVA = """
            class Names {
                java.util.List<String> names(java.sql.Statement st) throws Exception {
                    st.executeQuery("SELECT nom FROM clients WHERE ville = 'Orléans'");
                    return null;
                }
            }
            """;

    private static AnalysisResult analyze(Path root, Charset encoding) {
        return new Analyzer(List.of()).analyze(new AnalysisRequest(root, List.of(root), QueryLintConfig.DEFAULTS,
                Baseline.EMPTY, 1, encoding));
    }

    @Test
    void readsLatin1SourcesWhenToldSo(@TempDir Path root) throws Exception {
        Files.write(root.resolve("Names.java"), JAVA.getBytes(StandardCharsets.ISO_8859_1));

        AnalysisResult result = analyze(root, StandardCharsets.ISO_8859_1);

        assertThat(result.queries()).extracting(QueryUnit::text)
                .containsExactly("SELECT nom FROM clients WHERE ville = 'Orléans'");
        assertThat(result.notices()).extracting(Notice::kind).doesNotContain(Notice.Kind.UNREADABLE_FILE);
    }

    @Test
    void saysSoWhenTheEncodingIsWrongAndStillExtracts(@TempDir Path root) throws Exception {
        Files.write(root.resolve("Names.java"), JAVA.getBytes(StandardCharsets.ISO_8859_1));

        AnalysisResult result = analyze(root, StandardCharsets.UTF_8);

        assertThat(result.notices()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.UNREADABLE_FILE);
            assertThat(n.message()).contains("not valid UTF-8");
        });
        assertThat(result.queries()).hasSize(1);
        assertThat(result.queries().get(0).location().line()).isEqualTo(3);
    }

    @Test
    void skipsAByteOrderMarkWithoutShiftingColumns(@TempDir Path root) throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = JAVA.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(root.resolve("Names.java"), all);

        AnalysisResult result = analyze(root, StandardCharsets.UTF_8);

        assertThat(result.queries()).singleElement().satisfies(q -> {
            assertThat(q.text()).contains("Orléans");
            assertThat(q.location().line()).isEqualTo(3);
            assertThat(q.location().column()).isEqualTo(12);
        });
        assertThat(result.notices()).isEmpty();
    }

    @Test
    void readsMapperXmlInTheRequestedEncoding(@TempDir Path root) throws Exception {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <mapper namespace="a.B">
                  <select id="x">SELECT nom FROM clients WHERE ville = 'Orléans'</select>
                </mapper>
                """;
        Files.write(root.resolve("B.xml"), xml.getBytes(StandardCharsets.ISO_8859_1));

        AnalysisResult result = analyze(root, StandardCharsets.ISO_8859_1);

        assertThat(result.queries()).extracting(QueryUnit::text)
                .containsExactly("SELECT nom FROM clients WHERE ville = 'Orléans'");
    }
}
