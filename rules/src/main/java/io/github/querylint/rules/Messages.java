package io.github.querylint.rules;

import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.parse.TableRef;
import io.github.querylint.core.query.QueryUnit;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Small helpers that keep rule messages in one voice. */
final class Messages {

    /** How many joined tables a message names before it says "and N more". */
    private static final int SHOWN = 3;

    private Messages() {
    }

    /** {@code `orders`}, {@code `orders`, `users`}; a derived table reads as "a subquery". */
    /** How to bound a read, in the words of the API that runs it. */
    static String paging(io.github.querylint.core.query.QueryOrigin origin) {
        return switch (origin) {
            case MYBATIS_PLUS -> "(selectPage or page with a Page, or last(\"limit n\"))";
            case PANACHE -> "(page(..) or range(..) on the query)";
            case JDBI -> "(LIMIT in the SQL, or setMaxRows or @MaxRows)";
            case QUERYDSL -> "(limit(..) and offset(..) on the query)";
            case JOOQ -> "(limit(..) and offset(..) on the query, or LIMIT in its SQL)";
            case VERTX_SQL, DBUTILS, SQL2O -> "(LIMIT and OFFSET in the SQL, or a keyset condition)";
            default -> "(Pageable, setMaxResults or LIMIT)";
        };
    }

    /**
     * What the rows are read into ("a List"); for a named query, judged at its declaration by a call elsewhere, also
     * where that call is ("a List in TicketDao.openOfTeam()"), so that the finding says where to bound it.
     */
    static String into(QueryUnit query) {
        io.github.querylint.core.query.CallSite site = query.callSite();
        String first = site.firstRowOnly() ? " of which the code uses only the first" : "";
        if (query.origin() != io.github.querylint.core.query.QueryOrigin.NAMED_QUERY || site.enclosingClass().isEmpty()) {
            return site.container() + first;
        }
        return site.container() + " in " + site.enclosingClass()
                + (site.enclosingMethod().isEmpty() ? "" : "." + site.enclosingMethod() + "()") + first;
    }

    /**
     * What to do about rows read without a bound: paginate them ({@link #paging}), or, when the code uses only the
     * first row ({@link io.github.querylint.core.query.CallSite#firstRowOnly}), fetch that one row.
     */
    static String bound(QueryUnit query, String paginate) {
        if (query.callSite().firstRowOnly()) {
            String how = switch (query.origin()) {
                case MYBATIS_PLUS -> "last(\"limit 1\") on the wrapper, or LIMIT 1 in the mapper's SQL";
                case QUERYDSL -> "fetchFirst()";
                case JOOQ -> "limit(1) on the query, or fetchAny()";
                case PANACHE -> "firstResult()";
                default -> "setMaxResults(1), LIMIT 1 or FETCH FIRST 1 ROW ONLY";
            };
            return "fetch one row (" + how + "), with an ORDER BY if it matters which";
        }
        return paginate + " " + paging(query.origin());
    }

    static String names(Collection<String> tables) {
        return tables.stream().map(Messages::name).collect(Collectors.joining(", "));
    }

    static String name(String table) {
        if (table.equals("(subquery)")) {
            return "a subquery";
        }
        if (chosenAtRunTime(table)) {
            return "a table chosen at run time";
        }
        // a schema chosen at run time in front of a known table (schema + ".orders"): the table
        String known = table;
        while (known.regionMatches(true, 0, QueryUnit.DYNAMIC_PLACEHOLDER + ".", 0, QueryUnit.DYNAMIC_PLACEHOLDER.length() + 1)) {
            known = known.substring(QueryUnit.DYNAMIC_PLACEHOLDER.length() + 1);
        }
        // an HQL entity named by its class's full name (org.broadleafcommerce.cms.page.domain.PageImpl): the class
        return "`" + (QUALIFIED_CLASS.matcher(known).matches() ? known.substring(known.lastIndexOf('.') + 1) : known) + "`";
    }

    /** A Java class's full name: three or more lower-case package names, then the class. */
    private static final java.util.regex.Pattern QUALIFIED_CLASS = java.util.regex.Pattern.compile(
            "(?:[a-z_][a-z0-9_]*\\.){3,}[A-Z][A-Za-z0-9_$]*");

    /**
     * Whether a table or column name is the parser's stand-in for one the code chooses at run time
     * ({@code FROM ${table}}, {@code ${column} = ?}, {@code FROM sales.${table}}): a placeholder that means nothing to
     * the reader.
     */
    static boolean chosenAtRunTime(String name) {
        // also when only its qualifier is known, or neither is (schema + "." + table)
        return name.substring(name.lastIndexOf('.') + 1).equalsIgnoreCase(QueryUnit.DYNAMIC_PLACEHOLDER);
    }

    /** The rows a block returns: {@code `tickets`}, or {@code `tickets` joined with `users`, `teams` and 2 more}. */
    static String rowsOf(SelectBlock block) {
        List<String> tables = block.tableNames();
        if (tables.isEmpty()) {
            return "the query";
        }
        TableRef driving = block.drivingTable();
        String first = driving == null ? tables.get(0) : driving.name();
        List<String> others = tables.stream().filter(t -> !t.equals(first)).toList();
        if (others.isEmpty()) {
            return name(first);
        }
        String shown = names(others.subList(0, Math.min(SHOWN, others.size())));
        return name(first) + " joined with " + shown
                + (others.size() > SHOWN ? " and " + (others.size() - SHOWN) + " more" : "");
    }
}
