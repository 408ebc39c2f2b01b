package io.github.querylint.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.report.Report;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same tree gives byte-identical reports across runs and thread counts, notices included. */
class DeterminismTest {

    @TempDir
    Path root;

    @Test
    void reportsAreByteIdenticalAcrossRunsAndThreadCounts() {
        Trees.healthy(root);
        for (int i = 0; i < 30; i++) {
            Trees.write(root, "src/main/java/app/p" + (i % 4) + "/Dao" + i + ".java", """
                    package app;

                    class Dao%d {
                        java.util.List<?> a(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                            return jdbc.queryForList("SELECT * FROM t%d WHERE a = ?", 1);
                        }

                        java.util.List<?> b(jakarta.persistence.EntityManager em) {
                            return em.createQuery("select x from X%d x where x.broken = (").getResultList();
                        }
                    }
                    """.formatted(i, i, i));
            Trees.write(root, "src/main/resources/db/migration/V" + (i + 2) + "__m.sql",
                    "SELECT * FROM m" + i + ";\nSELEC broken" + i + ";\r\nSELECT id FROM n" + i + " WHERE id = 1;\n");
        }
        Trees.write(root, "src/main/java/app/Broken.java", "class Broken { void a() { query(\"x\" }");
        Trees.write(root, "src/main/resources/db/bin.sql", new byte[] {0, 1, 2});

        Map<String, String> first = render(Trees.analyze(root, QueryLintConfig.DEFAULTS, 1));
        assertThat(first.get("text")).contains("Notices:");
        for (int threads : new int[] {1, 4, 2}) {
            Map<String, String> again = render(Trees.analyze(root, QueryLintConfig.DEFAULTS, threads));
            for (String format : first.keySet()) {
                assertThat(again.get(format).getBytes(StandardCharsets.UTF_8))
                        .as(format + " with " + threads + " threads")
                        .isEqualTo(first.get(format).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static Map<String, String> render(AnalysisResult result) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Report report : Reports.all()) {
            out.put(report.format(), report.render(result, ReportContext.defaults()));
        }
        return out;
    }
}
