package io.github.querylint.core.reliability;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds small trees in a temporary directory and runs the analyzer on them. */
final class Trees {

    private Trees() {
    }

    static Path write(Path root, String relative, String text) {
        return write(root, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path root, String relative, byte[] bytes) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Analyzer analyzer(Rule... extra) {
        List<Rule> rules = new java.util.ArrayList<>(List.of(new StarProbe()));
        rules.addAll(List.of(extra));
        return new Analyzer(rules);
    }

    static AnalysisResult analyze(Path root) {
        return analyze(root, QueryLintConfig.DEFAULTS, 2);
    }

    static AnalysisResult analyze(Path root, QueryLintConfig config, int threads) {
        return analyzer().analyze(new AnalysisRequest(root, List.of(root), config, Baseline.EMPTY, threads,
                StandardCharsets.UTF_8));
    }

    /** The healthy files every hostile tree also holds, and the finding each must still give. */
    static void healthy(Path root) {
        write(root, "src/main/java/shop/OrderDao.java", """
                package shop;

                class OrderDao {
                    java.util.List<?> all(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT * FROM orders");
                    }
                }
                """);
        write(root, "src/main/resources/db/migration/V1__views.sql", """
                CREATE VIEW recent AS SELECT id FROM orders;
                SELECT * FROM customers;
                """);
        write(root, "src/main/resources/mapper/OrderMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                <mapper namespace="shop.OrderMapper">
                  <select id="all" resultType="map">
                    SELECT * FROM order_lines
                  </select>
                </mapper>
                """);
    }

    /** The findings {@link #healthy} must give: path and line of each star query. */
    static final List<String> HEALTHY_FINDINGS = List.of(
            "src/main/java/shop/OrderDao.java:5",
            "src/main/resources/db/migration/V1__views.sql:2",
            "src/main/resources/mapper/OrderMapper.xml:4");

    static List<String> findingLines(AnalysisResult result) {
        return result.findings().stream().filter(f -> f.ruleId().equals(StarProbe.ID))
                .map(f -> f.location().path() + ":" + f.location().line()).toList();
    }

    static List<Notice> noticesFor(AnalysisResult result, String path) {
        return result.notices().stream().filter(n -> n.location().path().equals(path)).toList();
    }

    static String describe(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        findings.forEach(f -> sb.append(f.location()).append(' ').append(f.ruleId()).append('\n'));
        return sb.toString();
    }
}
