package io.github.querylint.core.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.LineIndex;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SecureXml;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.SAXParser;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Liquibase changelogs in XML, YAML and JSON: the query of each {@code createView} and the
 * statements of each {@code sql} change become migration units; {@code sqlFile} changes tell the
 * project index which SQL files are migrations (the SQL files themselves are read by
 * {@link SqlScriptExtractor}, as are formatted SQL changelogs). Rollback blocks are not queries
 * the application runs and are left out. XML is read with the secure parser factory (no
 * external entities, no DTDs).
 */
public final class LiquibaseExtractor implements Extractor {

    private static final String MARKER = "databaseChangeLog";

    /**
     * Jackson's mappers, made on first use: most trees hold no YAML or JSON changelog, and creating
     * them loads a few hundred classes (a Maven build paid for it in its first module).
     */
    private static final class Mappers {
        static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
        static final ObjectMapper JSON = new ObjectMapper();
    }

    @Override
    public boolean accepts(SourceFile file) {
        return file.kind() == SourceKind.XML || file.kind() == SourceKind.YAML || file.kind() == SourceKind.JSON;
    }

    /** First pass: the SQL files the changelog runs. */
    static void index(SourceFile file, String text, ProjectConstants index) {
        if (!text.contains(MARKER)) {
            return;
        }
        Sink sink = new Sink(file, text, null, index);
        read(file, text, sink);
    }

    @Override
    public void extract(SourceFile file, String text, ExtractionSink out) {
        if (!text.contains(MARKER)) {
            return;
        }
        read(file, text, new Sink(file, text, out, null));
    }

    private static void read(SourceFile file, String text, Sink sink) {
        try {
            if (file.kind() == SourceKind.XML) {
                SAXParser parser = MapperXmlExtractor.secureFactory().newSAXParser();
                parser.parse(new InputSource(new StringReader(text)), new XmlHandler(sink));
            } else {
                JsonNode root = (file.kind() == SourceKind.YAML ? Mappers.YAML : Mappers.JSON).readTree(text);
                if (root != null && root.has(MARKER)) {
                    walk(root.get(MARKER), sink);
                }
            }
        } catch (SAXParseException e) {
            sink.unreadable(Math.max(1, e.getLineNumber()), e.getMessage());
        } catch (Exception e) {
            sink.unreadable(1, e.getMessage());
        }
    }

    /** YAML and JSON: the changes in document order; lines are found by searching the text forward. */
    private static void walk(JsonNode node, Sink sink) {
        if (node.isArray()) {
            node.forEach(child -> walk(child, sink));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "rollback" -> {
                    // not run by the application
                }
                case "createView" -> {
                    if (value.has("selectQuery")) {
                        sink.view(value.get("selectQuery").asText(), sink.lineOf(value.get("selectQuery").asText(), "createView"));
                    }
                }
                case "sql" -> {
                    if (value.isObject() && value.has("sql")) {
                        String sql = value.get("sql").asText().stripLeading();
                        sink.statements(sql, sink.lineOf(sql, "sql"), value.path("splitStatements").asBoolean(true),
                                value.path("endDelimiter").asText(";"));
                    }
                }
                case "sqlFile" -> {
                    if (value.has("path")) {
                        sink.sqlFile(value.get("path").asText(), value.path("relativeToChangelogFile").asBoolean(false));
                    }
                }
                default -> walk(value, sink);
            }
        }
    }

    /** Turns what the changelog holds into units, notices and index entries. */
    private static final class Sink {
        private final SourceFile file;
        private final String text;
        private final LineIndex lines;
        private final ExtractionSink out;
        private final ProjectConstants index;
        private int cursor;

        Sink(SourceFile file, String text, ExtractionSink out, ProjectConstants index) {
            this.file = file;
            this.text = text;
            this.lines = new LineIndex(text);
            this.out = out;
            this.index = index;
        }

        void unreadable(int line, String message) {
            if (out != null) {
                out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), line, 1),
                        "Liquibase changelog could not be parsed, its queries were not analysed: " + message));
            }
        }

        /** The line where a value starts in the text, searched forward from the last one found. */
        int lineOf(String value, String key) {
            String first = value.strip().lines().findFirst().orElse("").strip();
            if (first.length() > 60) {
                first = first.substring(0, 60);
            }
            int at = first.isEmpty() ? -1 : text.indexOf(first, cursor);
            if (at < 0) {
                at = text.indexOf(key, cursor);
            }
            if (at < 0) {
                return lines.line(cursor);
            }
            cursor = at + 1;
            return lines.line(at);
        }

        void view(String query, int line) {
            if (out == null || query.isBlank()) {
                return;
            }
            out.query(unit(query.strip(), line));
        }

        /** The statements of a text whose first character sits on {@code firstLine}. */
        void statements(String sql, int firstLine, boolean split, String delimiter) {
            if (out == null || sql.isBlank()) {
                return;
            }
            if (!split) {
                out.query(unit(sql.strip(), firstLine + newlines(sql, sql.length() - sql.stripLeading().length())));
                return;
            }
            // a changelog names no dialect QueryLint reads: the script's own signs decide how its literals end
            boolean escapes = SqlScriptExtractor.backslashEscapes(SqlDialect.ANSI, sql);
            for (SqlScriptExtractor.Statement s : SqlScriptExtractor.split(sql, delimiter, escapes)) {
                out.query(unit(s.text(), firstLine + newlines(sql, s.offset())));
            }
        }

        private static int newlines(String s, int end) {
            return (int) s.substring(0, end).chars().filter(c -> c == '\n').count();
        }

        void sqlFile(String path, boolean relative) {
            if (index == null || path.isBlank()) {
                return;
            }
            if (relative) {
                String dir = file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/') + 1) : "";
                index.addChangelogFile(normalize(dir + path));
            } else {
                index.addChangelogFile(path);
            }
        }

        private static String normalize(String path) {
            Deque<String> parts = new ArrayDeque<>();
            for (String p : path.split("/")) {
                if (p.isEmpty() || p.equals(".")) {
                    continue;
                }
                if (p.equals("..") && !parts.isEmpty()) {
                    parts.removeLast();
                } else {
                    parts.addLast(p);
                }
            }
            return String.join("/", parts);
        }

        private QueryUnit unit(String sql, int line) {
            return new QueryUnit(new Location(file.path(), Math.max(1, line), 1), QueryOrigin.MIGRATION,
                    QueryLanguage.SQL, sql, CallSite.UNKNOWN, false, false, Set.of(), List.of());
        }
    }

    /** XML changelogs: {@code <createView>}, {@code <sql>} and {@code <sqlFile>} outside {@code <rollback>}. */
    private static final class XmlHandler extends SecureXml.Handler {
        private final Sink sink;
        private StringBuilder body;
        private String element;
        private int line;
        private boolean split;
        private String delimiter;
        private int rollback;
        private int nested;

        XmlHandler(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = qName.contains(":") ? qName.substring(qName.indexOf(':') + 1) : qName;
            if (name.equals("rollback")) {
                rollback++;
                return;
            }
            if (body != null) {
                nested++; // <comment> inside <sql>: not part of the statement
                return;
            }
            if (rollback > 0) {
                return;
            }
            switch (name) {
                case "createView", "sql" -> {
                    body = new StringBuilder();
                    element = name;
                    line = locator == null ? 1 : locator.getLineNumber();
                    split = !"false".equalsIgnoreCase(attributes.getValue("splitStatements"));
                    delimiter = attributes.getValue("endDelimiter") == null ? ";" : attributes.getValue("endDelimiter");
                    nested = 0;
                }
                case "sqlFile" -> {
                    String path = attributes.getValue("path");
                    if (path != null) {
                        sink.sqlFile(path, "true".equalsIgnoreCase(attributes.getValue("relativeToChangelogFile")));
                    }
                }
                default -> {
                    // other change types hold no SQL text
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = qName.contains(":") ? qName.substring(qName.indexOf(':') + 1) : qName;
            if (name.equals("rollback")) {
                rollback = Math.max(0, rollback - 1);
                return;
            }
            if (body == null) {
                return;
            }
            if (nested > 0) {
                nested--;
                return;
            }
            if (element.equals("createView")) {
                String query = body.toString();
                int leading = (int) query.substring(0, query.length() - query.stripLeading().length()).chars()
                        .filter(c -> c == '\n').count();
                sink.view(query, line + leading);
            } else {
                sink.statements(body.toString(), line, split, delimiter);
            }
            body = null;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (body != null && nested == 0) {
                body.append(ch, start, length);
            }
        }
    }
}
