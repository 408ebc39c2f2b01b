package io.github.querylint.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Data's query derivation from method names ({@code findTop10ByStatusAndCreatedAfterOrderByIdDesc}),
 * turned into JPQL text so that derived methods are judged like written queries.
 * Follows Spring Data's {@code PartTree}: subject ({@code find|read|get|query|search|stream|count|exists|delete|remove},
 * {@code Distinct}, {@code First}/{@code Top<N>}), then {@code By}, predicates joined by {@code And}/{@code Or},
 * each with an optional keyword, then {@code OrderBy}.
 */
public final class DerivedQueries {

    public enum Kind { FIND, COUNT, EXISTS, DELETE }

    /**
     * @param jpql         the equivalent JPQL
     * @param kind         what the method does
     * @param rowLimit     N of {@code Top<N>}/{@code First<N>}, 0 when none
     * @param limitKeyword {@code Top10}, {@code First} ..., or empty
     */
    public record Derived(String jpql, Kind kind, int rowLimit, String limitKeyword) {
    }

    private static final Pattern SUBJECT = Pattern.compile(
            "^(find|read|get|query|search|stream|list|retrieve|count|exists|delete|remove)(.*?)(By(.*))?$");
    /**
     * An order with no criteria: Micronaut Data's {@code listOrderByTitle()}, {@code findAllOrderByTitleDesc()}
     * (Spring Data writes {@code findAllByOrderByTitle()}): every row, ordered.
     */
    private static final Pattern ORDER_ONLY = Pattern.compile(
            "^(find|read|get|query|search|stream|list|retrieve)((?:(?!By)\\w)*?)(OrderBy\\w+)$");
    private static final Pattern LIMIT = Pattern.compile("(First|Top)(\\d*)");
    /** Keywords, longest first so that {@code LessThanEqual} wins over {@code LessThan}. */
    private static final String[][] KEYWORDS = {
            {"IsNotNull", "is not null", "0"}, {"NotNull", "is not null", "0"},
            {"IsNull", "is null", "0"}, {"Null", "is null", "0"},
            {"IsLessThanEqual", "<=", "1"}, {"LessThanEqual", "<=", "1"},
            {"IsLessThan", "<", "1"}, {"LessThan", "<", "1"},
            {"IsGreaterThanEqual", ">=", "1"}, {"GreaterThanEqual", ">=", "1"},
            {"IsGreaterThan", ">", "1"}, {"GreaterThan", ">", "1"},
            {"IsBefore", "<", "1"}, {"Before", "<", "1"}, {"IsAfter", ">", "1"}, {"After", ">", "1"},
            {"IsBetween", "between", "2"}, {"Between", "between", "2"},
            {"IsNotLike", "not like", "1"}, {"NotLike", "not like", "1"}, {"IsLike", "like", "1"}, {"Like", "like", "1"},
            {"IsStartingWith", "like", "1"}, {"StartingWith", "like", "1"}, {"StartsWith", "like", "1"},
            {"IsEndingWith", "like", "1"}, {"EndingWith", "like", "1"}, {"EndsWith", "like", "1"},
            {"IsNotContaining", "not like", "1"}, {"NotContaining", "not like", "1"}, {"NotContains", "not like", "1"},
            {"IsContaining", "like", "1"}, {"Containing", "like", "1"}, {"Contains", "like", "1"},
            {"IsNotIn", "not in", "1"}, {"NotIn", "not in", "1"}, {"IsIn", "in", "1"}, {"In", "in", "1"},
            {"IsNotEmpty", "is not empty", "0"}, {"NotEmpty", "is not empty", "0"},
            {"IsEmpty", "is empty", "0"}, {"Empty", "is empty", "0"},
            {"IsTrue", "= true", "0"}, {"True", "= true", "0"}, {"IsFalse", "= false", "0"}, {"False", "= false", "0"},
            {"MatchesRegex", "like", "1"}, {"Matches", "like", "1"}, {"Regex", "like", "1"},
            {"IsNot", "<>", "1"}, {"Not", "<>", "1"}, {"Equals", "=", "1"}, {"Is", "=", "1"},
    };

    private DerivedQueries() {
    }

    /** The JPQL a derived method name means, or empty when the name is not a derived query. */
    public static Optional<Derived> derive(String methodName, String entity) {
        return derive(methodName, entity, true);
    }

    /**
     * @param criteria whether the method takes arguments other than a page or a sort: {@code findOrderByCustomer(c)}
     *                 is Spring Data's filter on {@code customer} (anything may stand between {@code find} and
     *                 {@code By}); only without them is {@code listOrderByTitle()} an order with no criteria
     */
    public static Optional<Derived> derive(String methodName, String entity, boolean criteria) {
        Matcher ordered = ORDER_ONLY.matcher(methodName);
        if (!criteria && ordered.matches()) {
            methodName = ordered.group(1) + ordered.group(2) + "By" + ordered.group(3);
        }
        Matcher m = SUBJECT.matcher(methodName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String verb = m.group(1);
        String subject = m.group(2);
        String predicate = m.group(4);
        if (m.group(3) == null) {
            // findAll(), findAllById(...) are CrudRepository's own: a subject without By is derived only
            // when it names something (findFirst, findDistinct...)
            if (subject.isEmpty() || subject.equals("All") || !subject.matches("(Distinct|First|Top|All).*")) {
                return Optional.empty();
            }
            predicate = "";
        }
        Kind kind = switch (verb) {
            case "count" -> Kind.COUNT;
            case "exists" -> Kind.EXISTS;
            case "delete", "remove" -> Kind.DELETE;
            default -> Kind.FIND;
        };
        boolean distinct = subject.contains("Distinct");
        int limit = 0;
        String limitKeyword = "";
        Matcher lm = LIMIT.matcher(subject);
        if (lm.find()) {
            limit = lm.group(2).isEmpty() ? 1 : Integer.parseInt(lm.group(2));
            limitKeyword = lm.group(1) + lm.group(2);
        }
        String orderBy = "";
        int order = predicate.indexOf("OrderBy");
        if (order >= 0) {
            orderBy = orderClause(predicate.substring(order + "OrderBy".length()));
            predicate = predicate.substring(0, order);
        }
        String alias = "e";
        List<String> disjuncts = new ArrayList<>();
        int[] parameter = {1};
        // findByFirstnameAndLastnameAllIgnoreCase: every comparison ignores case
        Matcher all = ALL_IGNORE_CASE.matcher(predicate);
        boolean allIgnoreCase = all.find();
        if (allIgnoreCase) {
            predicate = predicate.substring(0, all.start());
        }
        if (!predicate.isEmpty()) {
            for (String or : predicate.split("Or(?=[A-Z])")) {
                List<String> conjuncts = new ArrayList<>();
                for (String and : or.split("And(?=[A-Z])")) {
                    if (!and.isEmpty()) {
                        conjuncts.add(part(and, alias, parameter, allIgnoreCase));
                    }
                }
                disjuncts.add(String.join(" and ", conjuncts));
            }
        }
        String where = disjuncts.isEmpty() ? "" : " where " + String.join(" or ", disjuncts);
        String jpql = switch (kind) {
            case COUNT, EXISTS -> "select count(" + (distinct ? "distinct " : "") + alias + ") from " + entity + " "
                    + alias + where;
            case DELETE -> "delete from " + entity + " " + alias + where;
            case FIND -> "select " + (distinct ? "distinct " : "") + alias + " from " + entity + " " + alias + where
                    + orderBy;
        };
        return Optional.of(new Derived(jpql, kind, limit, limitKeyword));
    }

    /**
     * One comparison of the predicate. With {@code IgnoreCase} (on the property, or {@code AllIgnoreCase} on the whole
     * predicate) Spring Data compares {@code upper(e.email) = upper(?1)}: a function of the column, as it runs.
     */
    private static String part(String text, String alias, int[] parameter, boolean allIgnoreCase) {
        Matcher ic = IGNORE_CASE.matcher(text);
        boolean ignoreCase = allIgnoreCase;
        String property = text;
        if (ic.find()) {
            ignoreCase = true;
            property = text.substring(0, ic.start());
        }
        for (String[] keyword : KEYWORDS) {
            if (property.endsWith(keyword[0]) && property.length() > keyword[0].length()) {
                String path = path(property.substring(0, property.length() - keyword[0].length()), alias);
                int arity = Integer.parseInt(keyword[2]);
                String op = keyword[1];
                if (arity == 0) {
                    return path + " " + op;
                }
                if (op.equals("between")) {
                    String s = path + " between ?" + parameter[0] + " and ?" + (parameter[0] + 1);
                    parameter[0] += 2;
                    return s;
                }
                String s = op.endsWith("in") ? path + " " + op + " (?" + parameter[0] + ")"
                        : ignoreCase ? "upper(" + path + ") " + op + " upper(?" + parameter[0] + ")"
                        : path + " " + op + " ?" + parameter[0];
                parameter[0]++;
                return s;
            }
        }
        String path = path(property, alias);
        return ignoreCase ? "upper(" + path + ") = upper(?" + parameter[0]++ + ")" : path + " = ?" + parameter[0]++;
    }

    private static final Pattern IGNORE_CASE = Pattern.compile("(?:IgnoreCase|IgnoringCase)$");
    private static final Pattern ALL_IGNORE_CASE = Pattern.compile("All(?:IgnoreCase|IgnoringCase)$");

    private static String orderClause(String text) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile("(.+?)(Asc|Desc)(?=[A-Z]|$)").matcher(text);
        int end = 0;
        while (m.find()) {
            parts.add(path(m.group(1), "e") + " " + m.group(2).toLowerCase(Locale.ROOT));
            end = m.end();
        }
        if (end < text.length()) {
            parts.add(path(text.substring(end), "e"));
        }
        return parts.isEmpty() ? "" : " order by " + String.join(", ", parts);
    }

    /** {@code AddressCity} to {@code e.addressCity}; {@code Address_City} to {@code e.address.city}. */
    private static String path(String property, String alias) {
        StringBuilder sb = new StringBuilder(alias);
        for (String segment : property.split("_")) {
            if (segment.isEmpty()) {
                continue;
            }
            sb.append('.').append(Character.toLowerCase(segment.charAt(0))).append(segment.substring(1));
        }
        return sb.toString();
    }
}
