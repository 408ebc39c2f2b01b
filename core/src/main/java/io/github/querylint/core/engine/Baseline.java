package io.github.querylint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known findings that do not fail the build: {@code querylint-baseline.json}, keyed by rule, path
 * and query fingerprint (no line numbers, so moving code keeps it valid).
 */
public record Baseline(List<Entry> entries) {

    public static final String FILE_NAME = "querylint-baseline.json";
    public static final Baseline EMPTY = new Baseline(List.of());

    public record Entry(String ruleId, String path, String fingerprint, String message) {
    }

    public Baseline {
        entries = entries.stream().sorted(Comparator.comparing(Entry::path).thenComparing(Entry::ruleId)
                .thenComparing(Entry::fingerprint)).toList();
    }

    public static Baseline of(List<Finding> findings) {
        return new Baseline(findings.stream()
                .map(f -> new Entry(f.ruleId(), f.location().path(), f.fingerprint(), f.message())).toList());
    }

    public static Baseline read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<Entry> entries = new ArrayList<>();
            JsonNode list = root.get("findings");
            if (list == null || !list.isArray()) {
                throw new ConfigException(file + ": not a QueryLint baseline (no \"findings\" array); "
                        + "write it with the baseline command");
            }
            for (JsonNode n : list) {
                entries.add(new Entry(n.path("ruleId").asText(), n.path("path").asText(), n.path("fingerprint").asText(),
                        n.path("message").asText("")));
            }
            return new Baseline(entries);
        } catch (IOException e) {
            throw new ConfigException(file + ": baseline cannot be read (" + e.getMessage() + ")");
        }
    }

    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("findings");
        for (Entry e : entries) {
            ObjectNode n = list.addObject();
            n.put("ruleId", e.ruleId());
            n.put("path", e.path());
            n.put("fingerprint", e.fingerprint());
            n.put("message", e.message());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Splits findings into new ones and those the baseline knows; reports entries that matched nothing. */
    Split split(List<Finding> findings) {
        Map<String, Integer> budget = new HashMap<>();
        Map<String, Entry> byKey = new HashMap<>();
        for (Entry e : entries) {
            String key = e.ruleId() + "\u0000" + e.path() + "\u0000" + e.fingerprint();
            budget.merge(key, 1, Integer::sum);
            byKey.put(key, e);
        }
        List<Finding> fresh = new ArrayList<>();
        int known = 0;
        for (Finding f : findings) {
            String key = f.ruleId() + "\u0000" + f.location().path() + "\u0000" + f.fingerprint();
            Integer left = budget.get(key);
            if (left != null && left > 0) {
                budget.put(key, left - 1);
                known++;
            } else {
                fresh.add(f);
            }
        }
        List<Entry> stale = new ArrayList<>();
        budget.forEach((key, left) -> {
            for (int i = 0; i < left; i++) {
                stale.add(byKey.get(key));
            }
        });
        stale.sort(Comparator.comparing(Entry::path).thenComparing(Entry::ruleId).thenComparing(Entry::fingerprint));
        return new Split(fresh, known, stale);
    }

    record Split(List<Finding> fresh, int known, List<Entry> stale) {
    }

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }
}
