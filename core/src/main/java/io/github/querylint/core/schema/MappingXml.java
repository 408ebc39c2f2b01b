package io.github.querylint.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entities mapped in XML rather than annotations: Hibernate's {@code *.hbm.xml}
 * ({@code <class name table>}, its subclasses, {@code <id>}, {@code <property>},
 * {@code <many-to-one>}, {@code <natural-id>}) and JPA's {@code orm.xml} ({@code <entity class name>}
 * with {@code <table>} and {@code <attributes>}). A column not named is the property's name, as
 * Hibernate maps it without Spring Boot's naming strategy.
 */
final class MappingXml {

    private MappingXml() {
    }

    static boolean isMapping(String text) {
        return text.contains("<hibernate-mapping") || text.contains("<entity-mappings");
    }

    static List<EntityReader.MappedClass> read(String text) throws Liquibase.Unreadable {
        Liquibase.Node root = Liquibase.xml(text);
        List<EntityReader.MappedClass> out = new ArrayList<>();
        if (root.name.equals("hibernate-mapping")) {
            for (Liquibase.Node c : root.children) {
                if (c.name.equals("class")) {
                    hbmClass(c, c.attr("table"), out);
                }
            }
        } else if (root.name.equals("entity-mappings")) {
            for (Liquibase.Node e : root.all("entity")) {
                ormEntity(e, out);
            }
        }
        return out;
    }

    private static void hbmClass(Liquibase.Node c, String inheritedTable, List<EntityReader.MappedClass> out) {
        String className = simple(c.attr("name"));
        String entityName = !c.attr("entity-name").isEmpty() ? c.attr("entity-name") : className;
        if (entityName.isEmpty()) {
            return;
        }
        String table = !c.attr("table").isEmpty() ? c.attr("table") : inheritedTable;
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        List<List<String>> unique = new ArrayList<>();
        List<String> basic = new ArrayList<>();
        for (Liquibase.Node p : c.children) {
            switch (p.name) {
                case "id" -> ids.add(put(columns, p, column(p)));
                case "composite-id" -> p.children.forEach(k -> ids.add(put(columns, k, column(k))));
                case "property", "many-to-one", "version", "timestamp" -> {
                    String col = put(columns, p, column(p));
                    if (p.flag("unique")) {
                        unique.add(List.of(col));
                    }
                    if (!p.name.equals("many-to-one") && !p.attr("name").isEmpty()) {
                        basic.add(p.attr("name")); // a plain column, no association
                    }
                }
                case "natural-id" -> {
                    List<String> key = new ArrayList<>();
                    p.children.forEach(k -> key.add(put(columns, k, column(k))));
                    unique.add(key);
                }
                case "subclass" -> hbmClass(p, table, out);
                case "joined-subclass", "union-subclass" -> hbmClass(p, p.attr("table").isEmpty() ? table : p.attr("table"), out);
                default -> {
                    // sets, bags, components: no column of this table by name
                }
            }
        }
        String name = table.isEmpty() ? entityName : table;
        out.add(new EntityReader.MappedClass(className, "", "Entity", entityName, name, !table.isEmpty(), columns, ids, "",
                unique, List.of(), List.of(), List.of(), basic));
    }

    private static void ormEntity(Liquibase.Node e, List<EntityReader.MappedClass> out) {
        String className = simple(e.attr("class"));
        String entityName = !e.attr("name").isEmpty() ? e.attr("name") : className;
        Liquibase.Node tableNode = e.child("table");
        String table = tableNode == null ? "" : tableNode.attr("name");
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        List<List<String>> unique = new ArrayList<>();
        List<String> basic = new ArrayList<>();
        Liquibase.Node attributes = e.child("attributes");
        if (attributes != null) {
            for (Liquibase.Node a : attributes.children) {
                Liquibase.Node col = a.child("column") != null ? a.child("column") : a.child("join-column");
                String name = col != null && !col.attr("name").isEmpty() ? col.attr("name") : a.attr("name");
                switch (a.name) {
                    case "id" -> ids.add(put(columns, a, name));
                    case "basic", "many-to-one", "one-to-one", "version" -> {
                        put(columns, a, name);
                        if (col != null && col.flag("unique")) {
                            unique.add(List.of(name));
                        }
                        if ((a.name.equals("basic") || a.name.equals("version")) && !a.attr("name").isEmpty()) {
                            basic.add(a.attr("name")); // a plain column, no association
                        }
                    }
                    default -> {
                        // collections and embedded objects
                    }
                }
            }
        }
        out.add(new EntityReader.MappedClass(className, "", "Entity", entityName,
                table.isEmpty() ? SchemaModel.Entity.snakeCase(entityName) : table, !table.isEmpty(), columns, ids, "",
                unique, List.of(), List.of(), List.of(), basic));
    }

    /** The column an hbm element names: its column attribute, a nested column element, or the property name. */
    private static String column(Liquibase.Node p) {
        if (!p.attr("column").isEmpty()) {
            return p.attr("column");
        }
        Liquibase.Node c = p.child("column");
        return c != null && !c.attr("name").isEmpty() ? c.attr("name") : p.attr("name");
    }

    private static String put(Map<String, String> columns, Liquibase.Node p, String column) {
        if (!p.attr("name").isEmpty() && !column.isEmpty()) {
            columns.put(p.attr("name"), column);
        }
        return column;
    }

    private static String simple(String className) {
        return className.contains(".") ? className.substring(className.lastIndexOf('.') + 1) : className;
    }
}
