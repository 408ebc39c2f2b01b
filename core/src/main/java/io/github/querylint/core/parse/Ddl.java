package io.github.querylint.core.parse;

import java.util.List;

/**
 * One schema change, as plain data: what a DDL statement (read by {@link SqlParser#parseDdl}) or
 * a Liquibase change says about tables, columns, keys and indexes. Names are unquoted, as written.
 */
public sealed interface Ddl {

    /** The table the change applies to, or empty. */
    String table();

    /** A named list of columns: a unique constraint or an index. */
    record Key(String name, List<String> columns) {
        public Key {
            name = name == null ? "" : name;
            columns = List.copyOf(columns);
        }
    }

    /** A foreign key: {@code columns} reference {@code refColumns} of {@code refTable}. */
    record ForeignKey(List<String> columns, String refTable, List<String> refColumns) {
        public ForeignKey {
            columns = List.copyOf(columns);
            refTable = refTable == null ? "" : refTable;
            refColumns = refColumns == null ? List.of() : List.copyOf(refColumns);
        }
    }

    record CreateTable(String table, List<String> columns, List<String> primaryKey, List<Key> uniqueKeys,
                       List<Key> indexes, List<ForeignKey> foreignKeys, boolean ifNotExists) implements Ddl {
        public CreateTable {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            uniqueKeys = List.copyOf(uniqueKeys);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }
    }

    /** {@code CREATE VIEW}: a relation queries may name, with no keys of its own. */
    record CreateView(String table) implements Ddl {
    }

    /** A column added to a table; {@code primaryKey} and {@code unique} when declared on the column. */
    record AddColumn(String table, String column, boolean primaryKey, boolean unique) implements Ddl {
    }

    record DropColumn(String table, String column) implements Ddl {
    }

    record RenameColumn(String table, String from, String to) implements Ddl {
    }

    record RenameTable(String table, String to) implements Ddl {
    }

    record AddPrimaryKey(String table, List<String> columns) implements Ddl {
        public AddPrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    record AddUniqueKey(String table, Key key) implements Ddl {
    }

    record AddForeignKey(String table, ForeignKey key) implements Ddl {
    }

    /**
     * {@code CREATE [UNIQUE] INDEX}. A partial index ({@code WHERE ...}) proves no uniqueness; an
     * expression ({@code lower(email)}) is kept as written, so it never matches a plain column.
     */
    record CreateIndex(String table, Key index, boolean unique, boolean partial) implements Ddl {
    }

    /** {@code DROP INDEX}: the table is empty when the statement does not say it. */
    record DropIndex(String table, String name) implements Ddl {
    }

    /** {@code ALTER TABLE ... DROP CONSTRAINT}: a primary key, unique key or foreign key by name. */
    record DropConstraint(String table, String name) implements Ddl {
    }

    /** {@code DROP TABLE} or {@code DROP VIEW}. */
    record DropTable(String table) implements Ddl {
    }

    /** What reading one statement as DDL gave: its changes, or why it could not be read. */
    record Outcome(List<Ddl> changes, String problem) {
        public Outcome {
            changes = List.copyOf(changes);
            problem = problem == null ? "" : problem;
        }

        public boolean parsed() {
            return problem.isEmpty();
        }
    }
}
