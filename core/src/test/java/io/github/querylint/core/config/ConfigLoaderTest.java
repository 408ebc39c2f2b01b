package io.github.querylint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code .querylint.yml}: what it accepts, what it refuses (with file, line and key), and how files stack up. */
class ConfigLoaderTest {

    private static final Option<Integer> MAX_JOINS = Option.ofInt("maxJoins", "joins allowed", 5);
    private static final List<RuleDescriptor> RULES = List.of(
            new RuleDescriptor("select-star", "Star", "Stars", Severity.WARNING, List.of(), "0.1.0"),
            new RuleDescriptor("excessive-joins", "Joins", "Joins", Severity.WARNING, List.of(MAX_JOINS), "0.1.0"),
            new RuleDescriptor("missing-pagination", "Pages", "Pages", Severity.WARNING, List.of(), "0.1.0"));
    private static final ConfigLoader LOADER = new ConfigLoader(RULES);

    @Test
    void readsEverySetting() {
        QueryLintConfig config = LOADER.parse("q.yml", """
                root: true
                dialect: postgresql
                includes: ["src/**"]
                excludes: "**/generated/**"
                parseTimeoutMillis: 2000
                maxFileBytes: 1000000
                rules:
                  excessive-joins:
                    maxJoins: 4
                    severity: error
                  select-star:
                    enabled: false
                  missing-pagination: false
                """);
        assertThat(config.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(config.includes()).containsExactly("src/**");
        assertThat(config.excludes()).containsExactly("**/generated/**");
        assertThat(config.parseTimeoutMillis()).isEqualTo(2000);
        assertThat(config.maxFileBytes()).isEqualTo(1_000_000);
        assertThat(config.rule("excessive-joins").options()).containsEntry("maxJoins", 4);
        assertThat(config.rule("excessive-joins").severity()).isEqualTo(Severity.ERROR);
        assertThat(config.rule("select-star").enabled()).isFalse();
        assertThat(config.rule("missing-pagination").enabled()).isFalse();
        assertThat(config.rule("parse-error").enabled()).isTrue();
    }

    @Test
    void anEmptyFileMeansDefaults() {
        QueryLintConfig config = LOADER.parse("q.yml", "# nothing yet\n");
        assertThat(config.dialect()).isEqualTo(SqlDialect.ANSI);
        assertThat(config.rules()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key        | dialect: h2\\nexclude: [a]                                   | q.yml:2: exclude: unknown key
            unknown rule           | rules:\\n  select-star: true\\n  selectstar: true          | q.yml:3: rules.selectstar: unknown rule
            unknown option         | rules:\\n  select-star:\\n    severity: info\\n  excessive-joins:\\n    severity: info\\n    maxJoin: 3 | q.yml:6: rules.excessive-joins.maxJoin: unknown option
            option of wrong type   | rules:\\n  excessive-joins:\\n    maxJoins: many          | q.yml:3: rules.excessive-joins.maxJoins must be a whole number
            quoted number          | rules:\\n  excessive-joins:\\n    maxJoins: '4'           | q.yml:3: rules.excessive-joins.maxJoins must be a whole number
            bad severity           | rules:\\n  select-star:\\n    enabled: true\\n    severity: fatal | q.yml:4: rules.select-star.severity: unknown severity 'fatal'
            bad enabled            | rules:\\n  select-star:\\n    enabled: maybe           | q.yml:3: rules.select-star.enabled must be true or false
            rule as a string       | rules:\\n  select-star: loud                            | q.yml:2: rules.select-star must be true, false or a mapping
            bad dialect            | dialect: db3                                             | q.yml:1: dialect: unknown dialect 'db3'
            bad excludes           | excludes:\\n  - a\\n  - {b: c}                           | q.yml:1: excludes must be a glob or a list of globs
            bad root               | root: yes please                                         | q.yml:1: root must be true or false
            negative timeout       | parseTimeoutMillis: -3                                   | q.yml:1: parseTimeoutMillis must be a positive whole number
            repeated key           | rules:\\n  select-star: true\\n  select-star: false      | q.yml:3: rules.select-star: key given twice
            not yaml               | rules: [a, b                                             | q.yml:1: not valid YAML
            not a mapping          | - select-star                                            | q.yml: the top level must be a mapping
            """)
    void refusesWithFileLineAndKey(String what, String yaml, String message) {
        assertThatThrownBy(() -> LOADER.parse("q.yml", yaml.replace("\\n", "\n")))
                .as(what).isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
    }

    @Test
    void theClosestFileWinsKeyByKey(@TempDir Path tmp) throws Exception {
        Path module = Files.createDirectories(tmp.resolve("repo/module"));
        Files.writeString(tmp.resolve("repo/.querylint.yml"), """
                dialect: mysql
                excludes: ["**/legacy/**"]
                rules:
                  excessive-joins:
                    maxJoins: 7
                    severity: error
                  select-star: false
                """);
        Files.writeString(module.resolve(".querylint.yml"), """
                excludes: ["**/generated/**"]
                rules:
                  excessive-joins:
                    maxJoins: 3
                """);
        QueryLintConfig config = LOADER.loadFor(module).orElseThrow();
        assertThat(config.dialect()).isEqualTo(SqlDialect.MYSQL);
        assertThat(config.excludes()).containsExactly("**/generated/**");
        assertThat(config.rule("excessive-joins").options()).containsEntry("maxJoins", 3);
        assertThat(config.rule("excessive-joins").severity()).isEqualTo(Severity.ERROR);
        assertThat(config.rule("select-star").enabled()).isFalse();
        assertThat(config.source()).contains(module.resolve(".querylint.yml").toString());
    }

    @Test
    void rootTrueStopsTheWalk(@TempDir Path tmp) throws Exception {
        Path module = Files.createDirectories(tmp.resolve("repo/module/sub"));
        Files.writeString(tmp.resolve(".querylint.yml"), "dialect: oracle\nrules:\n  select-star: false\n");
        Files.writeString(tmp.resolve("repo/.querylint.yml"), "root: true\ndialect: h2\n");
        Files.writeString(tmp.resolve("repo/module/.querylint.yml"), "rules:\n  excessive-joins:\n    maxJoins: 2\n");
        QueryLintConfig config = LOADER.loadFor(module).orElseThrow();
        assertThat(config.dialect()).isEqualTo(SqlDialect.H2);
        assertThat(config.rule("select-star").enabled()).isTrue();
        assertThat(config.rule("excessive-joins").options()).containsEntry("maxJoins", 2);
    }

    @Test
    void anExplicitFileIsReadAlone(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("a"));
        Files.writeString(tmp.resolve(".querylint.yml"), "dialect: oracle\n");
        Path file = Files.writeString(dir.resolve("custom.yml"), "rules:\n  select-star: false\n");
        QueryLintConfig config = LOADER.load(file);
        assertThat(config.dialect()).isEqualTo(SqlDialect.ANSI);
        assertThat(config.rule("select-star").enabled()).isFalse();
    }

    @Test
    void aBadParentFileIsReportedWithItsOwnName(@TempDir Path tmp) throws Exception {
        Path module = Files.createDirectories(tmp.resolve("module"));
        Files.writeString(tmp.resolve(".querylint.yml"), "dialect: ansi\nrulez: {}\n");
        Files.writeString(module.resolve(".querylint.yml"), "dialect: h2\n");
        assertThatThrownBy(() -> LOADER.loadFor(module)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(tmp.resolve(".querylint.yml") + ":2: rulez: unknown key");
    }

    @Test
    void noFileNoConfiguration(@TempDir Path tmp) {
        // the walk goes up to the file system root; a temp dir rarely has a .querylint.yml above it
        assertThat(ConfigLoader.find(tmp).isEmpty() == LOADER.loadFor(tmp).isEmpty()).isTrue();
        assertThat(ConfigFiles.read(RULES, tmp).isEmpty() == LOADER.loadFor(tmp).isEmpty()).isTrue();
    }

    /** The front ends skip the YAML reader when no file is found: the lookup must find what loadFor reads. */
    @Test
    void theLookupFindsTheClosestFileFromADirectoryOrAFile(@TempDir Path tmp) throws Exception {
        Path module = Files.createDirectories(tmp.resolve("module/src"));
        Path source = Files.writeString(module.resolve("Dao.java"), "class Dao {}");
        Files.writeString(tmp.resolve(".querylint.yml"), "dialect: h2\n");
        assertThat(ConfigFiles.closest(module)).contains(tmp.resolve(".querylint.yml"));
        assertThat(ConfigFiles.closest(source)).contains(tmp.resolve(".querylint.yml"));
        Files.writeString(module.resolve(".querylint.yml"), "dialect: ansi\n");
        assertThat(ConfigFiles.closest(source)).contains(module.resolve(".querylint.yml"));
        assertThat(LOADER.loadFor(source)).isPresent();
        assertThat(ConfigFiles.read(RULES, source)).hasValueSatisfying(c -> assertThat(c.dialect()).isEqualTo(LOADER.loadFor(source).get().dialect()));
    }
}
