package io.github.querylint.core.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.querylint.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Production table sizes, from {@code querylint-sizes.yml} at the project root: a file a team
 * commits and refreshes now and then ({@code querylint sizes}), so that CI judges queries by
 * production sizes without production access.
 *
 * <pre>
 * tables:
 *   customers: 3000000
 *   orders: { rows: 24000000, avgRowBytes: 180 }
 *   billing.invoices: 800000
 * </pre>
 *
 * Names are case-insensitive and may be schema-qualified; a qualified name is also found by its
 * simple name (the largest wins when two schemas share one).
 */
public record TableSizes(Map<String, Size> tables) {

    public static final String FILE_NAME = "querylint-sizes.yml";
    public static final TableSizes EMPTY = new TableSizes(Map.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w$]*(\\.[A-Za-z_][\\w$]*)?");
    private static final Set<String> SIZE_KEYS = Set.of("rows", "avgRowBytes");

    /** @param avgRowBytes average row size in bytes, 0 when unknown */
    public record Size(long rows, long avgRowBytes) {
    }

    public TableSizes {
        TreeMap<String, Size> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(tables);
        tables = Collections.unmodifiableMap(copy);
    }

    /** Rows by table name: each name as written, and each qualified name also by its simple name. */
    public Map<String, Long> rowsByName() {
        Map<String, Long> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        tables.forEach((name, size) -> {
            if (name.contains(".")) {
                out.merge(name.substring(name.lastIndexOf('.') + 1), size.rows(), Math::max);
            }
        });
        tables.forEach((name, size) -> out.put(name, size.rows()));
        return out;
    }

    public static TableSizes read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), text);
    }

    /** Parses the file; a bad entry is an error that names the file and the table, never skipped silently. */
    public static TableSizes parse(String name, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(name + (at == null ? "" : ":" + at.getLineNr()) + ": not valid YAML: "
                    + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return EMPTY;
        }
        if (!root.isObject()) {
            throw new ConfigException(name + ": expected a map with the key 'tables'");
        }
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("tables")) {
                throw new ConfigException(name + ": unknown key '" + key + "'; the file holds only 'tables'");
            }
        }
        JsonNode tables = root.get("tables");
        if (tables == null || tables.isNull()) {
            return EMPTY;
        }
        if (!tables.isObject()) {
            throw new ConfigException(name + ": 'tables' must map table names to row counts");
        }
        Map<String, Size> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (var it = tables.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            String table = e.getKey().strip();
            if (!NAME.matcher(table).matches()) {
                throw new ConfigException(name + ": '" + table + "' is not a table name (table or schema.table)");
            }
            Size size = size(name, table, e.getValue());
            if (out.put(table, size) != null) {
                throw new ConfigException(name + ": table '" + table + "' is listed twice (names are case-insensitive)");
            }
        }
        return new TableSizes(out);
    }

    private static Size size(String file, String table, JsonNode value) {
        if (value.isObject()) {
            for (var it = value.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!SIZE_KEYS.contains(key)) {
                    throw new ConfigException(file + ": table '" + table + "': unknown key '" + key
                            + "'; use rows and avgRowBytes");
                }
            }
            if (value.get("rows") == null) {
                throw new ConfigException(file + ": table '" + table + "': 'rows' is missing");
            }
            return new Size(count(file, table, "rows", value.get("rows")),
                    value.get("avgRowBytes") == null ? 0 : count(file, table, "avgRowBytes", value.get("avgRowBytes")));
        }
        return new Size(count(file, table, "rows", value), 0);
    }

    private static long count(String file, String table, String key, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().strip().replace("_", "").matches("\\d{1,18}")) {
            return Long.parseLong(value.asText().strip().replace("_", ""));
        }
        throw new ConfigException(file + ": table '" + table + "': " + key + " must be a whole number of 0 or more, got '"
                + value.asText() + "'");
    }

    /**
     * The file's text: a comment header, then one table a line, sorted by name, so that a refresh
     * shows in a diff as the lines whose numbers moved.
     */
    public String toYaml(List<String> header) {
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append("# ").append(h).append('\n'));
        out.append("tables:");
        if (tables.isEmpty()) {
            out.append(" {}\n");
            return out.toString();
        }
        out.append('\n');
        tables.forEach((name, size) -> {
            out.append("  ").append(name).append(": ");
            if (size.avgRowBytes() > 0) {
                out.append("{ rows: ").append(size.rows()).append(", avgRowBytes: ").append(size.avgRowBytes()).append(" }");
            } else {
                out.append(size.rows());
            }
            out.append('\n');
        });
        return out.toString();
    }
}
