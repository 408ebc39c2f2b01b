package io.github.querylint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.config.ConfigLoader;
import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.testing.JsonSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed docs are what the descriptors, prose and fixtures say today. Run with
 * {@code -Dquerylint.updateDocs=true} to rewrite them.
 */
class RuleDocsTest {

    @TempDir
    Path dir;

    static Path projectDir() {
        String project = System.getProperty("querylint.project.dir");
        return Path.of(project == null ? ".." : project).toAbsolutePath().normalize();
    }

    static Map<String, String> generated() throws Exception {
        return new RuleDocs(RuleDocs.allDescriptors(), RuleFixturesTest.fixtures()).generate();
    }

    @Test
    void committedDocsAreUpToDate() throws Exception {
        Map<String, String> files = generated();
        boolean update = Boolean.getBoolean("querylint.updateDocs");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = projectDir().resolve(e.getKey());
            String committed = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (!e.getValue().equals(committed)) {
                if (update) {
                    AtomicFiles.write(file, e.getValue());
                } else {
                    stale.add(e.getKey());
                }
            }
        }
        try (Stream<Path> pages = Files.list(projectDir().resolve("docs/rules"))) {
            for (Path page : pages.toList()) {
                String rel = "docs/rules/" + page.getFileName();
                if (rel.endsWith(".md") && !files.containsKey(rel)) {
                    if (update) {
                        Files.delete(page);
                    } else {
                        stale.add(rel + " (no rule has this id)");
                    }
                }
            }
        }
        assertThat(stale).as("generated docs differ from the committed ones; regenerate them with\n  "
                + RuleDocs.REGENERATE + "\nand commit the result").isEmpty();
    }

    @Test
    void everyRuleHasProseAndBothKindsOfExample() throws Exception {
        RuleDocs docs = new RuleDocs(RuleDocs.allDescriptors(), RuleFixturesTest.fixtures());
        for (var d : RuleDocs.allDescriptors()) {
            List<RuleDocs.Example> examples = docs.examples(d.id());
            assertThat(examples).as("examples of %s", d.id()).anyMatch(RuleDocs.Example::compliant);
            assertThat(examples).as("examples of %s", d.id()).anyMatch(e -> !e.compliant());
            String page = docs.page(d);
            assertThat(page).as(d.id()).contains("## Why", "## What it does not flag", "## Suppression");
            assertThat(page).as(d.id()).doesNotContain("~ L");
        }
    }

    @Test
    void examplesAreCutAtTheEndOfTheirCase() {
        List<String> lines = List.of(
                "    // example: noncompliant",
                "    List<String> all() {",
                "        //~ L1 expect unbounded-result",
                "        return jdbc.queryForList(\"SELECT a FROM t WHERE x = '}'\", String.class);",
                "    }",
                "",
                "    List<String> next() {",
                "    }");
        assertThat(RuleDocs.cut(lines, 1, "java")).isEqualTo("""
                List<String> all() {
                    return jdbc.queryForList("SELECT a FROM t WHERE x = '}'", String.class);
                }
                """);
        List<String> sql = List.of("-- example: compliant", "--~ L1 expect none", "SELECT a FROM t;", "SELECT b FROM t;");
        assertThat(RuleDocs.cut(sql, 1, "sql")).isEqualTo("SELECT a FROM t;\n");
    }

    @Test
    void exampleConfigurationsValidateAgainstThePublishedSchema() throws Exception {
        Path tmp = dir.resolve("querylint-config.schema.json");
        Files.writeString(tmp, generated().get("docs/schemas/querylint-config.schema.json"));
        ConfigLoader loader = new ConfigLoader(RuleDocs.allDescriptors());
        List<String> examples = new ArrayList<>(List.of(RuleDocs.exampleConfig(), "", "rules:\n  parse-error: false\n",
                "includes: src/**\nrules:\n  excessive-joins: {maxJoins: 8, severity: error, enabled: true}\n"));
        examples.add(readmeConfig());
        for (String yaml : examples) {
            loader.parse("example.yml", yaml); // the loader accepts it...
            assertThat(JsonSchemas.errors(tmp, Yaml.toJson(yaml))).as(yaml).isEmpty(); // ...and so does the schema
        }
    }

    @Test
    void theSchemaRefusesWhatTheLoaderRefuses() throws Exception {
        Path tmp = dir.resolve("querylint-config.schema.json");
        Files.writeString(tmp, generated().get("docs/schemas/querylint-config.schema.json"));
        ConfigLoader loader = new ConfigLoader(RuleDocs.allDescriptors());
        for (String yaml : List.of("exclude: [a]\n", "rules:\n  selectstar: false\n",
                "rules:\n  excessive-joins:\n    maxJoin: 3\n", "rules:\n  excessive-joins:\n    maxJoins: '3'\n",
                "rules:\n  select-star:\n    severity: fatal\n", "dialect: db3\n", "root: 1\n",
                "parseTimeoutMillis: 0\n", "excludes: [1, 2]\n")) {
            assertThat(JsonSchemas.errors(tmp, Yaml.toJson(yaml))).as(yaml).isNotEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.parse("bad.yml", yaml)).as(yaml)
                    .isInstanceOf(ConfigException.class);
        }
    }

    /** The .querylint.yml example of the project README, so that the README cannot drift either. */
    private static String readmeConfig() throws Exception {
        String readme = Files.readString(projectDir().resolve("README.md"));
        int at = readme.indexOf("## Configuration");
        int start = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** YAML to JSON text, for the schema validator. */
    static final class Yaml {
        private Yaml() {
        }

        static String toJson(String yaml) throws Exception {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(yaml);
            return tree == null || tree.isMissingNode() ? "{}" : new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(tree);
        }
    }
}
