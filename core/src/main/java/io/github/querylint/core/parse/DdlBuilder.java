package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;

/** Turns a JSqlParser DDL statement into {@link Ddl} changes. The only class that reads JSqlParser's DDL trees. */
final class DdlBuilder {

    private DdlBuilder() {
    }

    static List<Ddl> build(Statement statement) {
        List<Ddl> out = new ArrayList<>();
        if (statement instanceof CreateTable create) {
            out.add(createTable(create));
        } else if (statement instanceof CreateView view) {
            out.add(new Ddl.CreateView(SqlShapeBuilder.name(view.getView())));
        } else if (statement instanceof AlterView view) {
            out.add(new Ddl.CreateView(SqlShapeBuilder.name(view.getView())));
        } else if (statement instanceof Alter alter) {
            String table = SqlShapeBuilder.name(alter.getTable());
            for (AlterExpression e : alter.getAlterExpressions() == null ? List.<AlterExpression>of()
                    : alter.getAlterExpressions()) {
                alterExpression(table, e, out);
            }
        } else if (statement instanceof RenameTableStatement rename) {
            for (Map.Entry<Table, Table> e : rename.getTableNames()) {
                out.add(new Ddl.RenameTable(SqlShapeBuilder.name(e.getKey()), SqlShapeBuilder.name(e.getValue())));
            }
        } else if (statement instanceof CreateIndex index) {
            Index i = index.getIndex();
            out.add(new Ddl.CreateIndex(SqlShapeBuilder.name(index.getTable()), key(i), isUnique(i.getType()),
                    index.getWhere() != null));
        } else if (statement instanceof Drop drop) {
            drop(drop, out);
        }
        return out;
    }

    private static Ddl.CreateTable createTable(CreateTable create) {
        List<String> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<Ddl.Key> unique = new ArrayList<>();
        List<Ddl.Key> indexes = new ArrayList<>();
        List<Ddl.ForeignKey> foreignKeys = new ArrayList<>();
        if (create.getColumnDefinitions() != null) {
            for (ColumnDefinition c : create.getColumnDefinitions()) {
                String column = SqlShapeBuilder.unquote(c.getColumnName());
                columns.add(column);
                List<String> specs = upper(c.getColumnSpecs());
                if (hasPair(specs, "PRIMARY", "KEY")) {
                    primaryKey.add(column);
                }
                if (specs.contains("UNIQUE")) {
                    unique.add(new Ddl.Key("", List.of(column)));
                }
                if (c.getForeignKeyReference() != null && c.getForeignKeyReference().getTable() != null) {
                    foreignKeys.add(new Ddl.ForeignKey(List.of(column),
                            SqlShapeBuilder.name(c.getForeignKeyReference().getTable()),
                            columnNames(c.getForeignKeyReference().getReferencedColumnNames())));
                }
            }
        } else if (create.getColumns() != null) {
            create.getColumns().forEach(c -> columns.add(SqlShapeBuilder.unquote(c)));
        }
        for (Index index : create.getIndexes() == null ? List.<Index>of() : create.getIndexes()) {
            String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
            if (index instanceof ForeignKeyIndex fk) {
                foreignKeys.add(foreignKey(fk));
            } else if (type.startsWith("PRIMARY")) {
                primaryKey.clear();
                primaryKey.addAll(columnNames(index.getColumnsNames()));
            } else if (isUnique(type)) {
                unique.add(key(index));
            } else if (type.equals("KEY") || type.equals("INDEX")) {
                indexes.add(key(index));
            }
        }
        return new Ddl.CreateTable(SqlShapeBuilder.name(create.getTable()), columns, primaryKey, unique, indexes,
                foreignKeys, create.isIfNotExists());
    }

    private static void alterExpression(String table, AlterExpression e, List<Ddl> out) {
        AlterOperation op = e.getOperation();
        if (op == AlterOperation.ADD) {
            if (e.getColDataTypeList() != null) {
                for (var c : e.getColDataTypeList()) {
                    List<String> specs = upper(c.getColumnSpecs());
                    out.add(new Ddl.AddColumn(table, SqlShapeBuilder.unquote(c.getColumnName()),
                            hasPair(specs, "PRIMARY", "KEY"), specs.contains("UNIQUE")));
                }
            }
            Index index = e.getIndex();
            if (index instanceof ForeignKeyIndex fk) {
                out.add(new Ddl.AddForeignKey(table, foreignKey(fk)));
            } else if (e.getPkColumns() != null) {
                out.add(new Ddl.AddPrimaryKey(table, columnNames(e.getPkColumns())));
            } else if (index != null && isUnique(index.getType())) {
                out.add(new Ddl.AddUniqueKey(table, key(index)));
            } else if (e.getUkColumns() != null) {
                out.add(new Ddl.AddUniqueKey(table, new Ddl.Key(e.getUkName(), columnNames(e.getUkColumns()))));
            } else if (index != null && !index.getColumnsNames().isEmpty()) {
                out.add(new Ddl.CreateIndex(table, key(index), false, false));
            }
        } else if (op == AlterOperation.DROP) {
            if (e.getColumnName() != null) {
                out.add(new Ddl.DropColumn(table, SqlShapeBuilder.unquote(e.getColumnName())));
            } else if (e.getConstraintName() != null) {
                out.add(new Ddl.DropConstraint(table, SqlShapeBuilder.unquote(e.getConstraintName())));
            } else if (e.getIndex() != null && e.getIndex().getName() != null) {
                out.add(new Ddl.DropIndex(table, SqlShapeBuilder.unquote(e.getIndex().getName())));
            }
        } else if (op == AlterOperation.DROP_PRIMARY_KEY) {
            out.add(new Ddl.DropConstraint(table, "PRIMARY KEY"));
        } else if (op == AlterOperation.RENAME && e.getColumnOldName() != null && e.getColumnName() != null) {
            out.add(new Ddl.RenameColumn(table, SqlShapeBuilder.unquote(e.getColumnOldName()),
                    SqlShapeBuilder.unquote(e.getColumnName())));
        } else if (op == AlterOperation.CHANGE && e.getColumnOldName() != null && e.getColDataTypeList() != null
                && !e.getColDataTypeList().isEmpty()) {
            // MySQL's CHANGE [COLUMN] old new type: a rename when the names differ
            String to = SqlShapeBuilder.unquote(e.getColDataTypeList().get(0).getColumnName());
            String from = SqlShapeBuilder.unquote(e.getColumnOldName());
            if (!from.equalsIgnoreCase(to)) {
                out.add(new Ddl.RenameColumn(table, from, to));
            }
        } else if (op == AlterOperation.RENAME_TABLE && e.getNewTableName() != null) {
            out.add(new Ddl.RenameTable(table, SqlShapeBuilder.unquote(e.getNewTableName())));
        }
    }

    private static void drop(Drop drop, List<Ddl> out) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        List<Table> names = drop.getNames() != null && !drop.getNames().isEmpty() ? drop.getNames()
                : drop.getName() == null ? List.of() : List.of(drop.getName());
        if (type.equals("TABLE") || type.endsWith("VIEW")) {
            names.forEach(t -> out.add(new Ddl.DropTable(SqlShapeBuilder.name(t))));
        } else if (type.equals("INDEX")) {
            // MySQL names the table: DROP INDEX idx ON t
            List<String> params = drop.getParameters() == null ? List.of() : drop.getParameters();
            int on = params.stream().map(p -> p.toUpperCase(Locale.ROOT)).toList().indexOf("ON");
            String table = on >= 0 && on + 1 < params.size() ? SqlShapeBuilder.unquote(params.get(on + 1)) : "";
            names.forEach(t -> out.add(new Ddl.DropIndex(table, SqlShapeBuilder.name(t))));
        }
    }

    private static Ddl.ForeignKey foreignKey(ForeignKeyIndex fk) {
        return new Ddl.ForeignKey(columnNames(fk.getColumnsNames()), SqlShapeBuilder.name(fk.getTable()),
                columnNames(fk.getReferencedColumnNames()));
    }

    private static Ddl.Key key(Index index) {
        String name = index.getName() == null ? "" : SqlShapeBuilder.unquote(index.getName());
        return new Ddl.Key(name, columnNames(index.getColumnsNames()));
    }

    private static boolean isUnique(String type) {
        return type != null && type.toUpperCase(Locale.ROOT).startsWith("UNIQUE");
    }

    /** Column names as written, unquoted, without a trailing ASC, DESC or NULLS FIRST/LAST. */
    static List<String> columnNames(List<String> names) {
        List<String> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (String n : names) {
            String s = n.strip().replaceAll("(?i)\\s+nulls\\s+(first|last)$", "").replaceAll("(?i)\\s+(asc|desc)$", "");
            out.add(SqlShapeBuilder.unquote(s.strip()));
        }
        return out;
    }

    private static List<String> upper(List<String> specs) {
        return specs == null ? List.of() : specs.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    private static boolean hasPair(List<String> specs, String first, String second) {
        for (int i = 0; i + 1 < specs.size(); i++) {
            if (specs.get(i).equals(first) && specs.get(i + 1).equals(second)) {
                return true;
            }
        }
        return false;
    }
}
