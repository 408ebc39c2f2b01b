package io.github.querylint.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates {@code docs/rules/<id>.md}, {@code docs/rules/README.md} and
 * {@code docs/schemas/querylint-config.schema.json} from the rules' descriptors, their rationale
 * prose ({@code io/github/querylint/rules/<id>.md} resources) and the cases of their fixtures tagged
 * {@code example: noncompliant} or {@code example: compliant}. Paths are relative to the project root.
 */
final class RuleDocs {

    static final String REGENERATE = "./mvnw -o -q -B -pl rules -am verify -Dquerylint.updateDocs=true";

    private static final Pattern EXAMPLE = Pattern.compile("example:\\s*(noncompliant|compliant)\\b");
    private static final Pattern MARKER = Pattern.compile("~\\s*L(\\d+)\\s+expect\\b");
    private static final List<String> FIXTURE_KINDS = List.of("java", "sql", "xml");

    /** One example cut out of a fixture. */
    record Example(boolean compliant, String language, String code) {
    }

    private final List<RuleDescriptor> descriptors;
    private final Path fixtures;

    RuleDocs(List<RuleDescriptor> descriptors, Path fixtures) {
        this.descriptors = descriptors.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
        this.fixtures = fixtures;
    }

    /** Every generated file by its path relative to the project root, in a stable order. */
    Map<String, String> generate() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("docs/rules/README.md", index());
        for (RuleDescriptor d : descriptors) {
            files.put("docs/rules/" + d.id() + ".md", page(d));
        }
        files.put("docs/schemas/querylint-config.schema.json", configSchema());
        return files;
    }

    private static String header(String sources) {
        return "<!-- Generated from " + sources + ". Do not edit: change the sources and run\n     " + REGENERATE
                + " -->\n";
    }

    String index() {
        StringBuilder sb = new StringBuilder(header("the rules' descriptors"));
        sb.append("# QueryLint rules\n\n");
        sb.append("Every rule judges one query at a time, from its text and what the code around it says (how its rows\n")
                .append("are read, what bounds them). Each page says what the rule flags, what it leaves alone and why,\n")
                .append("with examples taken from the rule's test fixture.\n\n");
        sb.append("| id | default severity | what |\n|---|---|---|\n");
        for (RuleDescriptor d : descriptors) {
            sb.append("| [`").append(d.id()).append("`](").append(d.id()).append(".md) | ").append(d.severity().id())
                    .append(" | ").append(md(d.summary())).append(" |\n");
        }
        sb.append("\n## Configuring rules\n\n")
                .append("Rules are configured in `.querylint.yml` (see the [JSON Schema](../schemas/querylint-config.schema.json)).\n")
                .append("QueryLint reads every `.querylint.yml` from the scanned directory upward, up to the first that says\n")
                .append("`root: true`; the closest file wins key by key (maps merge, lists and values are replaced).\n")
                .append("`--config FILE` (or the Maven parameter `configLocation`) reads that one file alone.\n\n")
                .append("```yaml\n").append(exampleConfig()).append("```\n\n")
                .append("Unknown keys, unknown rules or options and values of the wrong kind stop the run with exit code 2\n")
                .append("and a message naming the file, the line and the key.\n\n");
        sb.append("## Suppressing findings\n\n").append(suppressionText("<rule-id>"))
                .append("\nSuppressed findings are left out of reports and counted in the summary. To accept today's findings\n")
                .append("and fail only on new ones, write a baseline (`querylint baseline`, kept in `querylint-baseline.json`):\n")
                .append("its entries are keyed by rule, path and normalised query, with no line numbers, so moving code keeps\n")
                .append("them valid; entries that no longer match are reported as stale.\n");
        return sb.toString();
    }

    static String exampleConfig() {
        return """
                root: true                   # do not read .querylint.yml files further up
                dialect: postgresql          # ansi (default), postgresql, mysql, mariadb, oracle, sqlserver, h2
                excludes: ["**/generated/**"]
                rules:
                  excessive-joins:
                    maxJoins: 4
                  select-star:
                    severity: info
                  missing-pagination: false  # same as enabled: false
                """;
    }

    private static String suppressionText(String id) {
        return "In Java, on a class, a method or a field:\n\n"
                + "```java\n@SuppressWarnings(\"querylint:" + id + "\")   // this rule\n"
                + "@SuppressWarnings(\"querylint\")" + " ".repeat(id.length() + 4) + "// every rule\n```\n\n"
                + "In any file, a comment on the reported line or on the line above it (rule ids separated by commas,\n"
                + "none for every rule, then an optional reason after ` -- `):\n\n"
                + "```java\n// querylint:ignore " + id + " -- why this one is fine\n```\n\n"
                + "```sql\n-- querylint:ignore " + id + " -- why this one is fine\n```\n\n"
                + "```xml\n<!-- querylint:ignore " + id + " - why this one is fine -->\n```\n\n"
                + "(An XML comment cannot hold `--`, so there a single `-` between spaces starts the reason.)\n\n"
                + "SQL files also accept SQLFluff's `-- noqa` (every rule) and `-- noqa: " + id + "`"
                + (id.equals("select-star") ? " or `-- noqa: AM04`" : "") + " at the end of the line.\n";
    }

    String page(RuleDescriptor d) {
        String prose = prose(d.id());
        List<Example> examples = examples(d.id());
        StringBuilder sb = new StringBuilder(header("the descriptor of `" + d.id() + "`, "
                + "rules/src/main/resources/io/github/querylint/rules/" + d.id() + ".md and the examples in\n     "
                + "rules/src/test/resources/fixtures/" + d.id() + ".*"));
        sb.append("# `").append(d.id()).append("`: ").append(md(d.title())).append("\n\n");
        sb.append(md(d.summary())).append(".\n\n");
        sb.append("| | |\n|---|---|\n")
                .append("| id | `").append(d.id()).append("` |\n")
                .append("| default severity | ").append(d.severity().id()).append(" (SARIF `").append(d.severity().sarifLevel())
                .append("`) |\n")
                .append("| options | ").append(d.options().isEmpty() ? "none" : d.options().stream()
                        .map(o -> "`" + o.name() + "`").reduce((a, b) -> a + ", " + b).orElse("")).append(" |\n")
                .append("| since | ").append(d.since()).append(" |\n\n");
        sb.append(prose.strip()).append("\n\n");
        if (!examples.isEmpty()) {
            sb.append("## Examples\n\n");
            for (boolean compliant : new boolean[] {false, true}) {
                List<Example> some = examples.stream().filter(e -> e.compliant() == compliant).toList();
                if (some.isEmpty()) {
                    continue;
                }
                sb.append("### ").append(compliant ? "Compliant" : "Noncompliant").append("\n\n");
                for (Example e : some) {
                    sb.append("```").append(e.language()).append('\n').append(e.code()).append("```\n\n");
                }
            }
        }
        sb.append("## Options\n\n");
        if (d.options().isEmpty()) {
            sb.append("This rule has no options of its own.\n\n");
        } else {
            sb.append("| option | type | default | what |\n|---|---|---|---|\n");
            for (Option<?> o : d.options()) {
                sb.append("| `").append(o.name()).append("` | ").append(typeName(o)).append(" | `").append(o.defaultValue())
                        .append("` | ").append(md(o.description())).append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("## Configuration\n\nIn `.querylint.yml`:\n\n```yaml\nrules:\n  ").append(d.id()).append(":\n")
                .append("    enabled: true\n    severity: ").append(d.severity().id()).append("   # error, warning or info\n");
        for (Option<?> o : d.options()) {
            sb.append("    ").append(o.name()).append(": ").append(o.defaultValue()).append('\n');
        }
        sb.append("```\n\n`").append(d.id()).append(": false` switches the rule off.\n\n");
        sb.append("## Suppression\n\n").append(suppressionText(d.id()));
        return sb.toString();
    }

    /** Descriptor text in Markdown: a star is a star, not emphasis. */
    private static String md(String text) {
        return text.replace("*", "\\*");
    }

    private static String typeName(Option<?> o) {
        return o.type() == Integer.class || o.type() == Long.class ? "integer"
                : o.type() == Boolean.class ? "boolean" : "string";
    }

    private static String prose(String id) {
        String resource = "/io/github/querylint/rules/" + id + ".md";
        try (InputStream in = RuleDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no rationale prose for " + id + ": add rules/src/main/resources" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tagged cases of a rule's fixtures, in file order (java, sql, xml). */
    List<Example> examples(String id) {
        List<Example> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String kind : FIXTURE_KINDS) {
            files.add(fixtures.resolve(id + "." + kind));
        }
        // rules that need a schema have fixture projects: fixtures/<id>/ and fixtures/<id>-<case>/
        try (java.util.stream.Stream<Path> dirs = Files.list(fixtures)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (name.equals(id) || name.startsWith(id + "-")) {
                    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
                        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String kind = fileName.substring(fileName.lastIndexOf('.') + 1);
            if (!Files.isRegularFile(file) || !FIXTURE_KINDS.contains(kind)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                Matcher tag = EXAMPLE.matcher(lines.get(i));
                if (tag.find()) {
                    out.add(new Example(tag.group(1).equals("compliant"), kind, cut(lines, i + 1, kind)));
                }
            }
        }
        return out;
    }

    /**
     * The code of the case that starts at {@code from}: the window of a marker, or a Java member up to
     * its closing brace (or its semicolon). Marker lines are dropped and the code is dedented.
     */
    static String cut(List<String> lines, int from, String kind) {
        List<String> code = new ArrayList<>();
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        Matcher marker = i < lines.size() ? MARKER.matcher(lines.get(i)) : null;
        if (marker != null && marker.find()) {
            int n = Integer.parseInt(marker.group(1));
            for (int k = i + 1; k <= i + n && k < lines.size(); k++) {
                code.add(lines.get(k));
            }
        } else if (kind.equals("java")) {
            int depth = 0;
            boolean opened = false;
            for (; i < lines.size(); i++) {
                String line = lines.get(i);
                code.add(line);
                String bare = line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("//.*", "");
                for (char c : bare.toCharArray()) {
                    if (c == '{') {
                        depth++;
                        opened = true;
                    } else if (c == '}') {
                        depth--;
                    }
                }
                if ((opened && depth <= 0) || (!opened && bare.strip().endsWith(";"))) {
                    break;
                }
            }
        } else {
            throw new IllegalStateException("an example in a " + kind + " fixture must sit just above a marker");
        }
        List<String> kept = code.stream().filter(l -> !MARKER.matcher(l).find()).toList();
        int indent = kept.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : kept) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }

    /** The JSON Schema of {@code .querylint.yml}, with every rule and its options. */
    String configSchema() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$id", "https://github.com/querylint/querylint/blob/main/docs/schemas/querylint-config.schema.json");
        root.put("title", "QueryLint configuration (.querylint.yml)");
        root.put("description", "Read from the scanned directory upward up to the first file with root: true; "
                + "the closest file wins key by key. Generated from the rules' descriptors.");
        root.put("type", "object");
        root.put("additionalProperties", false);
        ObjectNode props = root.putObject("properties");
        props.putObject("root").put("type", "boolean")
                .put("description", "Stop looking for .querylint.yml files in parent directories");
        ObjectNode dialect = props.putObject("dialect");
        dialect.put("description", "The SQL dialect of native queries (ansi accepts the common core of all)");
        ArrayNode dialects = dialect.putArray("enum");
        for (SqlDialect s : SqlDialect.values()) {
            dialects.add(s.id());
        }
        for (String alias : List.of("postgres", "pg", "mssql", "tsql", "generic", "default")) {
            dialects.add(alias);
        }
        for (String key : List.of("includes", "excludes")) {
            ObjectNode globs = props.putObject(key);
            globs.put("description", key.equals("includes") ? "Globs of files to scan, relative to the scanned root (empty: all)"
                    : "Globs of files to skip, relative to the scanned root");
            ArrayNode oneOf = globs.putArray("oneOf");
            oneOf.addObject().put("type", "string");
            ObjectNode list = oneOf.addObject().put("type", "array");
            list.putObject("items").put("type", "string");
        }
        props.putObject("parseTimeoutMillis").put("type", "integer").put("minimum", 1)
                .put("description", "Per-query parser timeout in milliseconds (default 3000)");
        props.putObject("maxFileBytes").put("type", "integer").put("minimum", 1)
                .put("description", "Files larger than this are not read; a notice says so (default 5 MiB)");
        ObjectNode rules = props.putObject("rules");
        rules.put("description", "Settings by rule id");
        rules.put("type", "object");
        rules.put("additionalProperties", false);
        ObjectNode ruleProps = rules.putObject("properties");
        for (RuleDescriptor d : descriptors) {
            ObjectNode rule = ruleProps.putObject(d.id());
            rule.put("description", d.summary() + " (default severity: " + d.severity().id() + ")");
            ArrayNode oneOf = rule.putArray("oneOf");
            oneOf.addObject().put("type", "boolean").put("description", "false switches the rule off");
            ObjectNode settings = oneOf.addObject().put("type", "object").put("additionalProperties", false);
            ObjectNode sp = settings.putObject("properties");
            sp.putObject("enabled").put("type", "boolean");
            ArrayNode severities = sp.putObject("severity").putArray("enum");
            for (Severity s : Severity.values()) {
                severities.add(s.id());
            }
            severities.add("note");
            for (Option<?> o : d.options()) {
                ObjectNode option = sp.putObject(o.name());
                option.put("type", typeName(o)).put("description", o.description());
                if (o.defaultValue() instanceof Integer n) {
                    option.put("default", n);
                } else if (o.defaultValue() instanceof Long n) {
                    option.put("default", n);
                } else if (o.defaultValue() instanceof Boolean b) {
                    option.put("default", b);
                } else {
                    option.put("default", String.valueOf(o.defaultValue()));
                }
            }
        }
        try {
            return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every descriptor the docs cover: the built-in rules and {@code parse-error}. */
    static List<RuleDescriptor> allDescriptors() {
        List<RuleDescriptor> all = new ArrayList<>();
        RuleFixturesTest.rules().forEach(r -> all.add(r.descriptor()));
        all.add(Analyzer.PARSE_ERROR);
        return all;
    }
}
