package io.github.querylint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.querylint.core.parse.Ddl;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Liquibase changelogs in XML, YAML and JSON, read as a list of steps in file order: structured
 * changes ({@code createTable}, {@code addColumn}, {@code addPrimaryKey}, {@code addUniqueConstraint},
 * {@code addForeignKeyConstraint}, {@code createIndex}, {@code dropTable}, {@code renameColumn},
 * {@code renameTable}, {@code dropColumn}, {@code dropIndex}, {@code createView} ...), raw
 * {@code <sql>}, {@code <sqlFile>} and {@code <include>}/{@code <includeAll>} of other files.
 * Rollback blocks are skipped: they undo, they do not build.
 */
final class Liquibase {

    private Liquibase() {
    }

    /** One step of a changelog. */
    sealed interface Step {
    }

    record Changes(List<Ddl> changes) implements Step {
    }

    /** SQL text to read statement by statement ({@code <sql>}). */
    record Sql(String text) implements Step {
    }

    /**
     * Another file to replay here: {@code <include>} (a changelog), {@code <includeAll>} (a
     * directory of them) or {@code <sqlFile>} (a SQL script).
     */
    record Include(String path, boolean relativeToChangelog, boolean all, boolean sqlFile) implements Step {
    }

    /** A changelog that could not be read. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Unreadable(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    /** Whether a file's text is a Liquibase changelog in XML, YAML or JSON. */
    static boolean isChangelog(String text) {
        return text.contains("databaseChangeLog");
    }

    /** Whether a SQL file is a Liquibase formatted SQL changelog. */
    static boolean isFormattedSql(String text) {
        return text.stripLeading().toLowerCase(Locale.ROOT).startsWith("--liquibase formatted sql");
    }

    static List<Step> read(String fileName, String text) throws Unreadable {
        String lower = fileName.toLowerCase(Locale.ROOT);
        Node root = lower.endsWith(".xml") ? xml(text) : tree(text, lower.endsWith(".json"));
        List<Step> steps = new ArrayList<>();
        Node log = root.name.equals("databaseChangeLog") ? root : root.child("databaseChangeLog");
        if (log == null) {
            return steps;
        }
        for (Node n : log.children) {
            switch (n.name) {
                case "changeSet" -> changeSet(n, steps);
                case "include" -> steps.add(new Include(n.attr("file"), n.flag("relativeToChangelogFile"), false, false));
                case "includeAll" -> steps.add(new Include(n.attr("path"), n.flag("relativeToChangelogFile"), true, false));
                default -> {
                    // properties, preconditions: nothing for the schema
                }
            }
        }
        return steps;
    }

    private static void changeSet(Node set, List<Step> steps) {
        List<Ddl> changes = new ArrayList<>();
        for (Node change : set.children) {
            if (change.name.equals("sql")) {
                flush(changes, steps);
                String sql = change.text.isBlank() ? change.attr("sql") : change.text;
                steps.add(new Sql(sql));
            } else if (change.name.equals("sqlFile")) {
                flush(changes, steps);
                steps.add(new Include(change.attr("path"), change.flag("relativeToChangelogFile"), false, true));
            } else {
                change(change, changes);
            }
        }
        flush(changes, steps);
    }

    private static void flush(List<Ddl> changes, List<Step> steps) {
        if (!changes.isEmpty()) {
            steps.add(new Changes(List.copyOf(changes)));
            changes.clear();
        }
    }

    private static void change(Node n, List<Ddl> out) {
        String table = n.attr("tableName");
        switch (n.name) {
            case "createTable" -> {
                List<String> columns = new ArrayList<>();
                List<String> pk = new ArrayList<>();
                List<Ddl.Key> unique = new ArrayList<>();
                List<Ddl.ForeignKey> fks = new ArrayList<>();
                for (Node c : n.all("column")) {
                    String name = c.attr("name");
                    columns.add(name);
                    Node k = c.child("constraints");
                    if (k != null) {
                        if (k.flag("primaryKey")) {
                            pk.add(name);
                        }
                        if (k.flag("unique")) {
                            unique.add(new Ddl.Key(k.attr("uniqueConstraintName"), List.of(name)));
                        }
                        Ddl.ForeignKey fk = reference(name, k);
                        if (fk != null) {
                            fks.add(fk);
                        }
                    }
                }
                out.add(new Ddl.CreateTable(table, columns, pk, unique, List.of(), fks, false));
            }
            case "addColumn" -> {
                for (Node c : n.all("column")) {
                    Node k = c.child("constraints");
                    out.add(new Ddl.AddColumn(table, c.attr("name"), k != null && k.flag("primaryKey"),
                            k != null && k.flag("unique")));
                    Ddl.ForeignKey fk = k == null ? null : reference(c.attr("name"), k);
                    if (fk != null) {
                        out.add(new Ddl.AddForeignKey(table, fk));
                    }
                }
            }
            case "addPrimaryKey" -> out.add(new Ddl.AddPrimaryKey(table, names(n.attr("columnNames"))));
            case "addUniqueConstraint" -> out.add(new Ddl.AddUniqueKey(table,
                    new Ddl.Key(n.attr("constraintName"), names(n.attr("columnNames")))));
            case "addForeignKeyConstraint" -> out.add(new Ddl.AddForeignKey(n.attr("baseTableName"),
                    new Ddl.ForeignKey(names(n.attr("baseColumnNames")), n.attr("referencedTableName"),
                            names(n.attr("referencedColumnNames")))));
            case "createIndex" -> out.add(new Ddl.CreateIndex(table, new Ddl.Key(n.attr("indexName"),
                    n.all("column").stream().map(c -> c.attr("name")).toList()), n.flag("unique"), false));
            case "dropTable" -> out.add(new Ddl.DropTable(table));
            case "createView" -> out.add(new Ddl.CreateView(n.attr("viewName")));
            case "dropView" -> out.add(new Ddl.DropTable(n.attr("viewName")));
            case "renameView" -> {
                out.add(new Ddl.DropTable(n.attr("oldViewName")));
                out.add(new Ddl.CreateView(n.attr("newViewName")));
            }
            case "renameColumn" -> out.add(new Ddl.RenameColumn(table, n.attr("oldColumnName"), n.attr("newColumnName")));
            case "renameTable" -> out.add(new Ddl.RenameTable(n.attr("oldTableName"), n.attr("newTableName")));
            case "dropColumn" -> {
                if (!n.attr("columnName").isEmpty()) {
                    out.add(new Ddl.DropColumn(table, n.attr("columnName")));
                }
                n.all("column").forEach(c -> out.add(new Ddl.DropColumn(table, c.attr("name"))));
            }
            case "dropIndex" -> out.add(new Ddl.DropIndex(table, n.attr("indexName")));
            case "dropUniqueConstraint" -> out.add(new Ddl.DropConstraint(table, n.attr("constraintName")));
            case "dropPrimaryKey" -> out.add(new Ddl.DropConstraint(table, "PRIMARY KEY"));
            default -> {
                // data changes (insert, update, loadData) and the rest leave tables and keys as they are
            }
        }
    }

    /** {@code references="customers(id)"} or {@code referencedTableName} + {@code referencedColumnNames}. */
    private static Ddl.ForeignKey reference(String column, Node constraints) {
        String references = constraints.attr("references");
        if (!references.isEmpty()) {
            int open = references.indexOf('(');
            String table = open < 0 ? references : references.substring(0, open);
            List<String> cols = open < 0 ? List.of() : names(references.substring(open + 1).replace(")", ""));
            return new Ddl.ForeignKey(List.of(column), table.strip(), cols);
        }
        String table = constraints.attr("referencedTableName");
        if (!table.isEmpty()) {
            return new Ddl.ForeignKey(List.of(column), table, names(constraints.attr("referencedColumnNames")));
        }
        return null;
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A changelog element: XML element, or YAML/JSON map, alike. */
    static final class Node {
        final String name;
        final Map<String, String> attrs = new LinkedHashMap<>();
        final List<Node> children = new ArrayList<>();
        String text = "";

        Node(String name) {
            this.name = name;
        }

        String attr(String key) {
            String v = attrs.get(key);
            return v == null ? "" : v.strip();
        }

        boolean flag(String key) {
            return attr(key).equalsIgnoreCase("true");
        }

        Node child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
        }

        List<Node> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }
    }

    /** One parser a thread: finding and configuring one costs more than parsing a changelog. */
    private static final ThreadLocal<javax.xml.parsers.SAXParser> PARSER = ThreadLocal.withInitial(() -> {
        try {
            SAXParserFactory factory = io.github.querylint.core.source.SecureXml.saxParserFactory();
            return factory.newSAXParser();
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("no XML parser with external entities off: " + e.getMessage(), e);
        }
    });

    static Node xml(String text) throws Unreadable {
        Node document = new Node("");
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(document);
        Deque<StringBuilder> texts = new ArrayDeque<>();
        texts.push(new StringBuilder());
        DefaultHandler handler = new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                String name = qName.contains(":") ? qName.substring(qName.indexOf(':') + 1) : qName;
                Node node = new Node(name);
                for (int i = 0; i < attributes.getLength(); i++) {
                    node.attrs.put(attributes.getQName(i), attributes.getValue(i));
                }
                stack.peek().children.add(node);
                stack.push(node);
                texts.push(new StringBuilder());
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                texts.peek().append(ch, start, length);
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                stack.pop().text = texts.pop().toString();
            }
        };
        try {
            javax.xml.parsers.SAXParser parser = PARSER.get();
            parser.reset();
            parser.parse(new InputSource(new StringReader(text)), handler);
        } catch (org.xml.sax.SAXParseException e) {
            throw new Unreadable("XML could not be parsed: " + e.getMessage(), Math.max(1, e.getLineNumber()));
        } catch (Exception e) {
            throw new Unreadable("XML could not be parsed: " + e.getMessage(), 1);
        }
        return document.children.isEmpty() ? document : document.children.get(0);
    }

    /** Lists under these keys hold the parent's own children; any other list becomes a child of that name. */
    private static final Set<String> FLATTENED = Set.of("changes", "columns");

    private static Node tree(String text, boolean json) throws Unreadable {
        JsonNode root;
        try {
            ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
            root = mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new Unreadable((json ? "JSON" : "YAML") + " could not be parsed: " + e.getOriginalMessage(), line);
        }
        Node document = new Node("");
        if (root != null && root.isObject()) {
            fill(document, root);
        }
        return document;
    }

    private static void fill(Node node, JsonNode map) {
        map.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (value.isValueNode()) {
                node.attrs.put(key, value.asText());
            } else if (value.isObject()) {
                Node child = new Node(key);
                fill(child, value);
                node.children.add(child);
            } else if (value.isArray()) {
                Node holder = node;
                if (!FLATTENED.contains(key)) {
                    holder = new Node(key);
                    node.children.add(holder);
                }
                for (JsonNode item : value) {
                    if (item.isObject() && item.size() == 1) {
                        var only = item.properties().iterator().next();
                        Node child = new Node(only.getKey());
                        if (only.getValue().isObject()) {
                            fill(child, only.getValue());
                        } else if (only.getValue().isValueNode()) {
                            child.text = only.getValue().asText();
                        }
                        holder.children.add(child);
                    }
                }
            }
        });
    }
}
