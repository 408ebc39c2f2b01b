package io.github.querylint.core.query;

/**
 * What the code around a query says that the query text cannot: how its result is read and
 * whether the code bounds its rows.
 *
 * @param terminalCall    the call that runs it ({@code getResultList}, {@code queryForList}, ...), or the
 *                        return type of a repository method; empty when unknown
 * @param cardinality     how the result is read
 * @param rowBound        what bounds the rows in code ({@code setMaxResults}, {@code Pageable}, {@code Top3}, ...),
 *                        or empty when nothing does
 * @param inLoop          whether the call sits in a loop
 * @param enclosingClass  the simple name of the enclosing type, or empty
 * @param enclosingMethod the name of the enclosing method, or empty
 * @param firstRowOnly    whether the code reads every row into a collection and then uses only its first
 *                        ({@code list.get(0)}, {@code stream().findFirst()}), so one row is all it needs
 */
public record CallSite(String terminalCall, Cardinality cardinality, String rowBound, boolean inLoop,
                       String enclosingClass, String enclosingMethod, boolean firstRowOnly) {

    public static final CallSite UNKNOWN = new CallSite("", Cardinality.UNKNOWN, "", false, "", "");

    public CallSite(String terminalCall, Cardinality cardinality, String rowBound, boolean inLoop, String enclosingClass,
                    String enclosingMethod) {
        this(terminalCall, cardinality, rowBound, inLoop, enclosingClass, enclosingMethod, false);
    }

    public CallSite {
        terminalCall = terminalCall == null ? "" : terminalCall;
        cardinality = cardinality == null ? Cardinality.UNKNOWN : cardinality;
        rowBound = rowBound == null ? "" : rowBound;
        enclosingClass = enclosingClass == null ? "" : enclosingClass;
        enclosingMethod = enclosingMethod == null ? "" : enclosingMethod;
    }

    public boolean boundedByCode() {
        return !rowBound.isEmpty();
    }

    /** Whether the code takes every row the query returns, with nothing in the code bounding them. */
    public boolean readsAllRows() {
        return cardinality.readsManyRows() && !boundedByCode();
    }

    /** What the rows are read into, for messages: "a List", "a Stream", "a Flux". */
    public String container() {
        if (cardinality == Cardinality.STREAM) {
            return "a Stream";
        }
        String t = terminalCall;
        int lt = t.indexOf('<');
        String simple = lt > 0 ? t.substring(0, lt) : t;
        if (simple.equals("Set") || simple.equals("Iterable") || simple.equals("Collection") || simple.equals("Flux")
                || simple.equals("RowSet")) {
            return "a " + simple;
        }
        return "a List";
    }

    public CallSite withRowBound(String bound) {
        return new CallSite(terminalCall, cardinality, bound, inLoop, enclosingClass, enclosingMethod, firstRowOnly);
    }

    public CallSite withCardinality(String terminal, Cardinality value) {
        return new CallSite(terminal, value, rowBound, inLoop, enclosingClass, enclosingMethod,
                firstRowOnly && value == Cardinality.COLLECTION);
    }

    public CallSite withFirstRowOnly(boolean value) {
        return new CallSite(terminalCall, cardinality, rowBound, inLoop, enclosingClass, enclosingMethod, value);
    }
}
