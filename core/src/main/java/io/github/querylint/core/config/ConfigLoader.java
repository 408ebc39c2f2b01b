package io.github.querylint.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code .querylint.yml}. Unknown keys and bad values are errors that name the file, the
 * line and the key; nothing falls back silently to a default.
 *
 * <p>Lookup: from the scanned directory upward, every {@code .querylint.yml} found is read until
 * one says {@code root: true} (or the file system ends); the closest file wins key by key (maps are
 * merged, lists and scalars replaced), so a module can tune one rule of its parent's settings.
 */
public final class ConfigLoader {

    public static final String FILE_NAME = ConfigFiles.FILE_NAME;

    private static final Set<String> TOP_KEYS = Set.of("root", "dialect", "includes", "excludes", "rules",
            "parseTimeoutMillis", "maxFileBytes", "deadlineSeconds");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, RuleDescriptor> rules;

    /** @param descriptors every rule the run knows, to check ids and options */
    public ConfigLoader(List<RuleDescriptor> descriptors) {
        this.rules = new LinkedHashMap<>();
        descriptors.forEach(d -> rules.put(d.id(), d));
    }

    /** The closest {@code .querylint.yml} from a scanned directory (or file) upward. */
    public static Optional<Path> find(Path start) {
        return ConfigFiles.closest(start);
    }

    /**
     * The configuration for a scanned directory: every {@code .querylint.yml} from it upward, up to
     * and including the first with {@code root: true}, merged with the closest winning; empty when
     * there is none.
     */
    public Optional<QueryLintConfig> loadFor(Path start) {
        List<Document> chain = new ArrayList<>();
        for (Path dir = ConfigFiles.startDir(start); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                Document doc = read(candidate.toString(), readText(candidate));
                check(doc);
                chain.add(doc);
                if (doc.root().path("root").asBoolean(false)) {
                    break;
                }
            }
        }
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        Collections.reverse(chain); // farthest first, so that closer files override
        ObjectNode merged = NODES.objectNode();
        List<String> names = new ArrayList<>();
        for (Document doc : chain) {
            merge(merged, doc.root());
            names.add(0, doc.name());
        }
        return Optional.of(build(new Document(String.join(", ", names), merged, Map.of())));
    }

    /** Reads exactly one file (an explicit {@code --config}), without looking at its parents. */
    public QueryLintConfig load(Path file) {
        return parse(file.toString(), readText(file));
    }

    public QueryLintConfig parse(String name, String text) {
        Document doc = read(name, text);
        check(doc);
        return build(doc);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A parsed file: its tree and the line of every key, by JSON pointer ({@code /rules/select-star/severity}). */
    private record Document(String name, ObjectNode root, Map<String, Integer> lines) {
        String at(String pointer) {
            Integer line = lines.get(pointer);
            return line == null ? name : name + ":" + line;
        }
    }

    private static Document read(String name, String text) {
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Document(name, NODES.objectNode(), lines);
            }
            root = node(parser, name, "", lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            // SnakeYAML's message ends with the mark of the problem itself; Jackson's location may be the context's
            java.util.regex.Matcher mark = java.util.regex.Pattern.compile("line (\\d+), column \\d+")
                    .matcher(String.valueOf(e.getOriginalMessage()));
            while (mark.find()) {
                line = Integer.parseInt(mark.group(1));
            }
            String message = String.valueOf(e.getOriginalMessage()).strip().lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("^")).findFirst().orElse("syntax error");
            throw new ConfigException(name + (line > 0 ? ":" + line : "") + ": not valid YAML: " + message);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        if (root.isNull()) {
            return new Document(name, NODES.objectNode(), lines);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ConfigException(name + ": the top level must be a mapping of keys such as rules, dialect, excludes");
        }
        return new Document(name, object, lines);
    }

    /** Builds the tree of the current value, noting the line of each key; a repeated key is an error. */
    private static JsonNode node(JsonParser p, String name, String pointer, Map<String, Integer> lines) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String child = pointer + "/" + key;
                int line = p.currentTokenLocation().getLineNr();
                if (object.has(key)) {
                    throw new ConfigException(name + ":" + line + ": " + path(child) + ": key given twice; keep one");
                }
                lines.put(child, line);
                p.nextToken();
                object.set(key, node(p, name, child, lines));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                lines.put(pointer + "/" + i, p.currentTokenLocation().getLineNr());
                array.add(node(p, name, pointer + "/" + i++, lines));
            }
            return array;
        }
        return switch (token) {
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(p.getBooleanValue());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(p.getText());
        };
    }

    /** {@code rules.select-star.severity} for {@code /rules/select-star/severity}. */
    private static String path(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }

    /** Checks every key and value of one file, so that each message can name its file and line. */
    private void check(Document doc) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.root().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            String at = doc.at("/" + key) + ": " + key;
            switch (key) {
                case "root" -> require(value.isBoolean(), at + " must be true or false");
                case "dialect" -> {
                    require(value.isTextual(), at + " must be a dialect name");
                    try {
                        SqlDialect.fromId(value.asText());
                    } catch (IllegalArgumentException ex) {
                        throw new ConfigException(at + ": " + ex.getMessage());
                    }
                }
                case "includes", "excludes" -> {
                    boolean ok = value.isTextual() || (value.isArray() && allText(value));
                    require(ok, at + " must be a glob or a list of globs, such as [\"**/generated/**\"]");
                }
                case "parseTimeoutMillis", "maxFileBytes", "deadlineSeconds" ->
                        require(value.isIntegralNumber() && value.asLong() > 0, at + " must be a positive whole number");
                case "rules" -> {
                    require(value.isObject() || value.isNull(), at + " must map rule ids to settings");
                    for (Iterator<Map.Entry<String, JsonNode>> r = value.fields(); r.hasNext(); ) {
                        Map.Entry<String, JsonNode> rule = r.next();
                        checkRule(doc, rule.getKey(), rule.getValue());
                    }
                }
                default -> throw new ConfigException(at + ": unknown key; known keys are "
                        + String.join(", ", TOP_KEYS.stream().sorted().toList()));
            }
        }
    }

    private void checkRule(Document doc, String id, JsonNode node) {
        String pointer = "/rules/" + id;
        RuleDescriptor descriptor = rules.get(id);
        if (descriptor == null) {
            throw new ConfigException(doc.at(pointer) + ": rules." + id + ": unknown rule; known rules are "
                    + String.join(", ", rules.keySet().stream().sorted().toList()));
        }
        if (node.isBoolean()) {
            return;
        }
        require(node.isObject(), doc.at(pointer) + ": rules." + id
                + " must be true, false or a mapping of enabled, severity and the rule's options");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            String at = doc.at(pointer + "/" + key) + ": rules." + id + "." + key;
            switch (key) {
                case "enabled" -> require(value.isBoolean(), at + " must be true or false");
                case "severity" -> {
                    try {
                        require(value.isTextual(), at + " must be error, warning or info");
                        Severity.fromId(value.asText());
                    } catch (IllegalArgumentException ex) {
                        throw new ConfigException(at + ": " + ex.getMessage());
                    }
                }
                default -> {
                    Option<?> option = descriptor.option(key);
                    if (option == null) {
                        List<String> known = new ArrayList<>(List.of("enabled", "severity"));
                        descriptor.options().forEach(o -> known.add(o.name()));
                        throw new ConfigException(at + ": unknown option of " + id + "; known: " + String.join(", ", known));
                    }
                    require(fits(option, value), at + " must be " + kind(option));
                }
            }
        }
    }

    private static boolean fits(Option<?> option, JsonNode value) {
        if (option.type() == Integer.class) {
            return value.isIntegralNumber() && value.canConvertToInt();
        }
        if (option.type() == Long.class) {
            return value.isIntegralNumber() && value.canConvertToLong();
        }
        if (option.type() == Boolean.class) {
            return value.isBoolean();
        }
        return value.isTextual();
    }

    private static String kind(Option<?> option) {
        if (option.type() == Integer.class || option.type() == Long.class) {
            return "a whole number";
        }
        return option.type() == Boolean.class ? "true or false" : "a string";
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }

    /** Closer settings win: maps merge key by key, everything else is replaced. */
    private static void merge(ObjectNode into, ObjectNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** Turns a checked tree into the configuration. */
    private QueryLintConfig build(Document doc) {
        ObjectNode root = doc.root();
        SqlDialect dialect = root.hasNonNull("dialect") ? SqlDialect.fromId(root.get("dialect").asText()) : null;
        Map<String, RuleSettings> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("rules").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            settings.put(e.getKey(), ruleSettings(rules.get(e.getKey()), e.getValue()));
        }
        return new QueryLintConfig(doc.name(), dialect, strings(root.get("includes")), strings(root.get("excludes")),
                settings, root.path("parseTimeoutMillis").asLong(QueryLintConfig.DEFAULT_PARSE_TIMEOUT_MILLIS),
                root.path("maxFileBytes").asLong(QueryLintConfig.DEFAULT_MAX_FILE_BYTES),
                root.path("deadlineSeconds").asLong(0));
    }

    private static RuleSettings ruleSettings(RuleDescriptor descriptor, JsonNode node) {
        if (node.isBoolean()) {
            return new RuleSettings(node.asBoolean(), null, Map.of());
        }
        Severity severity = node.hasNonNull("severity") ? Severity.fromId(node.get("severity").asText()) : null;
        Map<String, Object> options = new LinkedHashMap<>();
        for (Option<?> option : descriptor.options()) {
            JsonNode value = node.get(option.name());
            if (value != null && !value.isNull()) {
                options.put(option.name(), option.convert(value.isBoolean() ? value.asBoolean() : value.asText()));
            }
        }
        return new RuleSettings(node.path("enabled").asBoolean(true), severity, options);
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
