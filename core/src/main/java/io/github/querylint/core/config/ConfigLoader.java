package io.github.querylint.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code .querylint.yml}. Unknown keys and bad values are errors that name the file, the
 * line and the key; nothing falls back silently to a default.
 */
public final class ConfigLoader {

    public static final String FILE_NAME = ".querylint.yml";

    private static final Set<String> TOP_KEYS = Set.of("root", "dialect", "includes", "excludes", "rules",
            "parseTimeoutMillis", "maxFileBytes", "deadlineSeconds");

    private final Map<String, RuleDescriptor> rules;

    /** @param descriptors every rule the run knows, to check ids and options */
    public ConfigLoader(List<RuleDescriptor> descriptors) {
        this.rules = new LinkedHashMap<>();
        descriptors.forEach(d -> rules.put(d.id(), d));
    }

    /**
     * Finds the configuration for a scanned directory: the closest {@code .querylint.yml} from the
     * directory upward; a file with {@code root: true} stops the walk.
     */
    public static Optional<Path> find(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (Files.isRegularFile(dir)) {
            dir = dir.getParent();
        }
        while (dir != null) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    public QueryLintConfig load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(name, text);
    }

    public QueryLintConfig parse(String name, String text) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            // SnakeYAML's message ends with the mark of the problem itself; Jackson's location may be the context's
            java.util.regex.Matcher mark = java.util.regex.Pattern.compile("line (\\d+), column \\d+")
                    .matcher(String.valueOf(e.getOriginalMessage()));
            while (mark.find()) {
                line = Integer.parseInt(mark.group(1));
            }
            throw new ConfigException(name + (line > 0 ? ":" + line : "") + ": not valid YAML: "
                    + oneLine(e.getOriginalMessage()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new QueryLintConfig(name, null, null, null, null, QueryLintConfig.DEFAULT_PARSE_TIMEOUT_MILLIS,
                    QueryLintConfig.DEFAULT_MAX_FILE_BYTES);
        }
        if (!root.isObject()) {
            throw new ConfigException(name + ": the top level must be a mapping of keys such as rules, dialect, excludes");
        }
        Locator at = new Locator(name, text);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_KEYS.contains(key)) {
                throw new ConfigException(at.of(key) + ": unknown key '" + key + "'; known keys are "
                        + String.join(", ", TOP_KEYS.stream().sorted().toList()));
            }
        }
        SqlDialect dialect = null;
        if (root.has("dialect")) {
            try {
                dialect = SqlDialect.fromId(root.get("dialect").asText());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(at.of("dialect") + ": dialect: " + e.getMessage());
            }
        }
        Map<String, RuleSettings> ruleSettings = new LinkedHashMap<>();
        JsonNode rulesNode = root.get("rules");
        if (rulesNode != null && !rulesNode.isNull()) {
            if (!rulesNode.isObject()) {
                throw new ConfigException(at.of("rules") + ": rules must map rule ids to settings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = rulesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ruleSettings.put(e.getKey(), ruleSettings(at, e.getKey(), e.getValue()));
            }
        }
        return new QueryLintConfig(name, dialect, strings(at, root, "includes"), strings(at, root, "excludes"),
                ruleSettings, longValue(at, root, "parseTimeoutMillis", QueryLintConfig.DEFAULT_PARSE_TIMEOUT_MILLIS),
                longValue(at, root, "maxFileBytes", QueryLintConfig.DEFAULT_MAX_FILE_BYTES),
                longValue(at, root, "deadlineSeconds", 0));
    }

    private RuleSettings ruleSettings(Locator at, String id, JsonNode node) {
        RuleDescriptor descriptor = rules.get(id);
        if (descriptor == null) {
            throw new ConfigException(at.of(id) + ": unknown rule '" + id + "'; known rules are "
                    + String.join(", ", rules.keySet().stream().sorted().toList()));
        }
        if (node.isBoolean()) {
            return new RuleSettings(node.asBoolean(), null, Map.of());
        }
        if (node.isTextual() && node.asText().equals("off")) {
            return new RuleSettings(false, null, Map.of());
        }
        if (!node.isObject()) {
            throw new ConfigException(at.of(id) + ": rules." + id + " must be a mapping (enabled, severity, options)");
        }
        boolean enabled = true;
        Severity severity = null;
        Map<String, Object> options = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "enabled" -> {
                    if (!value.isBoolean()) {
                        throw new ConfigException(at.of(key) + ": rules." + id + ".enabled must be true or false");
                    }
                    enabled = value.asBoolean();
                }
                case "severity" -> {
                    try {
                        severity = Severity.fromId(value.asText());
                    } catch (IllegalArgumentException ex) {
                        throw new ConfigException(at.of(key) + ": rules." + id + ".severity: " + ex.getMessage());
                    }
                }
                default -> {
                    Option<?> option = descriptor.option(key);
                    if (option == null) {
                        List<String> known = new ArrayList<>(List.of("enabled", "severity"));
                        descriptor.options().forEach(o -> known.add(o.name()));
                        throw new ConfigException(at.of(key) + ": unknown option '" + key + "' of rule " + id
                                + "; known: " + String.join(", ", known));
                    }
                    try {
                        options.put(key, option.convert(value.isValueNode() ? value.asText() : value.toString()));
                    } catch (IllegalArgumentException ex) {
                        throw new ConfigException(at.of(key) + ": rules." + id + "." + ex.getMessage());
                    }
                }
            }
        }
        return new RuleSettings(enabled, severity, options);
    }

    private static List<String> strings(Locator at, JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new ConfigException(at.of(key) + ": " + key + " must be a list of globs");
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static long longValue(Locator at, JsonNode root, String key, long defaultValue) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.canConvertToLong() || node.asLong() <= 0) {
            throw new ConfigException(at.of(key) + ": " + key + " must be a positive whole number");
        }
        return node.asLong();
    }

    /** SnakeYAML's several lines (with a drawing of where) as one: the statements, without the drawing. */
    private static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !line.startsWith(" ") && !line.startsWith("\t") && !stripped.equals("^")) {
                parts.add(stripped);
            }
        }
        return String.join("; ", parts);
    }

    /** Finds the line of a key in the file text, so that messages can point at it. */
    private record Locator(String name, String text) {
        String of(String key) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String stripped = lines[i].strip();
                if (stripped.startsWith(key + ":") || stripped.startsWith("\"" + key + "\":")
                        || stripped.startsWith("- " + key + ":")) {
                    return name + ":" + (i + 1);
                }
            }
            return name;
        }
    }
}
