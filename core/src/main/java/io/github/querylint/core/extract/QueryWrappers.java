package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query wrappers, one level deep: a method that hands one of its String parameters to a query API
 * ({@code PaginationHelper.fetchPage(jdbc, countSql, sql, ...)}, a base DAO's
 * {@code query(String sql, Object... args)}). Its callers that pass a known text become units at
 * their call, with the facts of the API call inside the wrapper (how it reads the rows). A call
 * matches when its receiver is declared with the wrapper's type, or when it is made, without a
 * receiver, from the wrapper's type or a type that extends it.
 */
final class QueryWrappers {

    /**
     * A parameter of a method that reaches a query API.
     *
     * @param type       the simple name of the declaring type
     * @param parameters the method's parameter count (varargs: the minimum)
     * @param inside     where the API call inside the wrapper is
     */
    record Wrapper(String type, String method, int parameter, int parameters, boolean varargs, QueryOrigin origin,
                   QueryLanguage language, CallSite site, Location inside, String template) {

        /** The wrapper's declaration, with the facts of the query API call it reaches. */
        static Wrapper of(String type, MethodDeclaration m, int parameter, QueryOrigin origin, QueryLanguage language,
                          CallSite site, Location inside, String template) {
            boolean varargs = !m.getParameters().isEmpty()
                    && m.getParameters().getLast().map(Parameter::isVarArgs).orElse(false);
            return new Wrapper(type, m.getNameAsString(), parameter,
                    varargs ? m.getParameters().size() - 1 : m.getParameters().size(), varargs, origin, language, site,
                    inside, template);
        }

        /** Whether a call with this many arguments may be a call of this wrapper. */
        boolean takes(int arguments) {
            return varargs ? arguments >= parameters : arguments == parameters;
        }

        /** The text the wrapper runs for the text a caller passes ({@link #template}: the parameter at {@link #MARK}). */
        String runs(String passed) {
            return template == null ? passed : template.replace(MARK, passed);
        }
    }

    /** Where the text a caller passes stands in a wrapper's {@link Wrapper#template}. */
    static final String MARK = "\u0002";

    /**
     * The parameter a wrapper hands to a query API, or the text it hands on built from that parameter
     * ({@code sql + " LIMIT " + n}): the parameter's index and the text with {@link #MARK} for it (null when the
     * parameter goes as it is); empty when the argument reads no String parameter of the method, or more than one.
     */
    private record Passed(int parameter, String template) {
    }

    private static Optional<Passed> passed(Expression argument, MethodDeclaration method) {
        if (argument instanceof NameExpr name) {
            int parameter = parameterIndex(method, passedThrough(name, method));
            if (parameter >= 0) {
                return Optional.of(new Passed(parameter, null));
            }
            // String paged = "SELECT * FROM (" + sql + ") WHERE ROWNUM <= ?": the variable's one value
            argument = builtOnce(name, method);
            if (argument == null) {
                return Optional.empty();
            }
        }
        if (!(argument instanceof com.github.javaparser.ast.expr.BinaryExpr)) {
            return Optional.empty();
        }
        // the first of the caller's texts is the query (sql + " ORDER BY " + column); another may only name an order
        int parameter = -1;
        for (NameExpr n : argument.findAll(NameExpr.class)) {
            int p = parameterIndex(method, n.getNameAsString());
            parameter = parameter >= 0 ? parameter : p;
        }
        if (parameter < 0) {
            return Optional.empty();
        }
        int index = parameter;
        String name = method.getParameter(index).getNameAsString();
        Optional<String> template = new ConstantFolder(method.findCompilationUnit().orElseThrow(), ProjectConstants.EMPTY)
                .foldWith(method, name, MARK, argument);
        // sql + " ORDER BY " + column: kept when the caller's text comes first, as a whole statement, or stands as a
        // table the wrapper reads (Oracle's ROWNUM pages, a count of the caller's rows)
        return template.filter(QueryWrappers::wholeOrDerived)
                .filter(QueryWrappers::unknownOnlyWhereHarmless)
                .map(t -> new Passed(index, t));
    }

    /** Text before the caller's query when the wrapper reads it as a derived table: {@code .. FROM (}. */
    private static final Pattern DERIVED_BEFORE = Pattern.compile("(?is).*\\bfrom\\s*\\(\\s*");

    /**
     * Whether a wrapper's template holds the caller's text once, as the statement's start or as a derived table
     * ({@code SELECT * FROM (SELECT q.*, ROWNUM rn FROM (} sql {@code ) q WHERE ROWNUM <= ?) WHERE rn > ?},
     * {@code SELECT COUNT(*) FROM (} sql {@code ) t}): a whole query either way.
     */
    private static boolean wholeOrDerived(String template) {
        int at = template.indexOf(MARK);
        if (at < 0 || template.indexOf(MARK, at + 1) >= 0) {
            return false;
        }
        return at == 0 || DERIVED_BEFORE.matcher(template.substring(0, at)).matches()
                && template.substring(at + 1).stripLeading().startsWith(")");
    }

    /**
     * The initializer of a local variable the method never assigns again, when it is built from other texts
     * ({@code String paged = "SELECT .. (" + sql + ") .."}), else null.
     */
    private static Expression builtOnce(NameExpr name, MethodDeclaration method) {
        String variable = name.getNameAsString();
        Expression initializer = null;
        for (VariableDeclarationExpr declaration : method.findAll(VariableDeclarationExpr.class)) {
            for (var v : declaration.getVariables()) {
                if (v.getNameAsString().equals(variable)) {
                    if (initializer != null) {
                        return null; // two variables of that name: not worth telling apart
                    }
                    initializer = v.getInitializer().orElse(null);
                }
            }
        }
        if (!(initializer instanceof com.github.javaparser.ast.expr.BinaryExpr)) {
            return null;
        }
        boolean assigned = method.findAll(com.github.javaparser.ast.expr.AssignExpr.class).stream()
                .anyMatch(a -> a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(variable));
        return assigned ? null : initializer;
    }

    /**
     * An ORDER BY up to a LIMIT, OFFSET or FETCH or the end: a column to sort by that the wrapper leaves unknown
     * leaves the query's filter and bound known.
     */
    private static final Pattern ORDER_BY = Pattern.compile(
            "(?is)\\border\\s+by\\b[^()]*?(?=\\blimit\\b|\\boffset\\b|\\bfetch\\b|$)");
    /** What may stand just before a part the wrapper leaves unknown: a bound, a table's place, a compared value. */
    private static final Pattern HARMLESS_BEFORE = Pattern.compile(
            "(?is).*(\\b(limit|offset|top|first|next|from|join|into|update|table)|[=<>])\\s*");

    /**
     * Whether the text a wrapper hands on, besides its caller's, leaves unknown only a sort order, a bound, a table
     * name or a compared value ({@code sql + " LIMIT " + n}, {@code sql + " ORDER BY " + column}); not a condition
     * or a clause ({@code sql + where + sortClause}), which would make every caller's query a guess.
     */
    private static boolean unknownOnlyWhereHarmless(String template) {
        return ConstantFolder.everyUnknownAfter(ORDER_BY.matcher(template).replaceAll(" "),
                (t, at) -> HARMLESS_BEFORE.matcher(t.substring(Math.max(0, at - 40), at)).matches());
    }

    /**
     * A file that may declare one: an API-looking call whose first argument is a bare name, alone, with a clause
     * added ({@code query(sql + " ORDER BY " + column, ..)}) or inside a text ({@code query("SELECT * FROM (" + sql ..}).
     */
    private static final Pattern CANDIDATE = Pattern.compile(
            "\\.(query\\w*|update|batchUpdate|execute\\w*|prepare\\w*|create\\w*Query|sql)\\(\\s*(?:\"[^\"]*\"\\s*\\+\\s*)?(\\w+)\\s*[,)+]");

    private QueryWrappers() {
    }

    /** A String parameter of a method (or lambda), by its name. */
    private static final Pattern STRING_PARAMETER = Pattern.compile("\\bString\\s+(\\w+)\\s*[,)]");

    /**
     * Cheap test before {@link #collectInherited}: a String parameter of the file passed on as an argument of a call,
     * alone or with a clause added ({@code findMany(context, query + " order by " + order)}).
     */
    static boolean mayHandOn(String text) {
        Matcher m = STRING_PARAMETER.matcher(text);
        Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            if (seen.add(m.group(1)) && Pattern.compile("[(,]\\s*" + Pattern.quote(m.group(1)) + "\\s*[,)+]")
                    .matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Cheap test for the first pass: an API call on a bare name that the file also declares as a String parameter. */
    static boolean mayDeclare(String text) {
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            // a String parameter, or a local text built with + (String paged = "SELECT .. (" + sql + ") ..")
            if (Pattern.compile("String\\s+" + Pattern.quote(m.group(2)) + "\\s*([,)]|=[^;]*\\+)").matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** First pass: the wrappers a file declares, into the index. */
    static void collect(SourceFile file, CompilationUnit unit, ProjectConstants index) {
        CallSites sites = new CallSites(unit);
        List<Wrapper> own = new java.util.ArrayList<>();
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            Optional<ApiCalls.Api> api = ApiCalls.match(call, sites);
            if (api.isEmpty() || call.getArguments().size() <= api.get().argumentIndex()) {
                continue;
            }
            Expression argument = call.getArguments().get(api.get().argumentIndex());
            Optional<MethodDeclaration> method = call.findAncestor(MethodDeclaration.class);
            Optional<TypeDeclaration> type = call.findAncestor(TypeDeclaration.class);
            if (method.isEmpty() || type.isEmpty()) {
                continue;
            }
            if (api.get().named()) {
                // findByNamedQuery(String name, Object... params) { em.createNamedQuery(name)... }: a helper that runs a
                // named query by the name its caller passes
                int parameter = argument instanceof NameExpr n ? parameterIndex(method.get(), passedThrough(n, method.get())) : -1;
                if (parameter >= 0) {
                    index.addNamedWrapper(Wrapper.of(type.get().getNameAsString(), method.get(), parameter,
                            api.get().origin(), api.get().language(), sites.of(call, api.get(), ""),
                            JavaSourceExtractor.location(file, call.getName()), null));
                }
                continue;
            }
            Optional<Passed> passed = passed(argument, method.get());
            if (passed.isEmpty()) {
                continue;
            }
            Wrapper w = Wrapper.of(type.get().getNameAsString(), method.get(), passed.get().parameter(), api.get().origin(),
                    api.get().language(), sites.of(call, api.get(), ""), JavaSourceExtractor.location(file, call.getName()),
                    passed.get().template());
            index.addWrapper(w);
            own.add(w);
        }
        wrappersOfWrappers(unit, sites, index, own);
    }

    /**
     * Once the first pass knows every file's own wrappers: the methods of this file's types that hand their text on
     * to a wrapper one of their supertypes declares ({@code find(hql + " order by " + column)} in
     * {@code AbstractCatalogDao} over {@code AbstractHibernateDao.find}), and the wrappers of those in the file.
     */
    static void collectInherited(CompilationUnit unit, ProjectConstants index) {
        List<Wrapper> inherited = new java.util.ArrayList<>();
        Set<String> types = new java.util.HashSet<>();
        for (TypeDeclaration<?> t : Nodes.all(unit, TypeDeclaration.class)) {
            types.add(t.getNameAsString());
        }
        for (Wrapper w : index.allWrappers()) {
            if (!types.contains(w.type()) && types.stream().anyMatch(t -> index.isOrExtends(t, w.type()))) {
                inherited.add(w);
            }
        }
        if (!inherited.isEmpty()) {
            wrappersOfWrappers(unit, new CallSites(unit), index, inherited);
        }
    }

    /**
     * A method of the same class that hands its String parameter on to one of the class's wrappers is a wrapper too
     * ({@code list(ctx, hql, params)} calling {@code createQuery(ctx, hql)} and reading {@code getResultList()}),
     * with the facts of the call inside it, or, when the inner wrapper hands the query back, of how this method reads
     * it. Up to three levels.
     */
    private static void wrappersOfWrappers(CompilationUnit unit, CallSites sites, ProjectConstants index,
                                           List<Wrapper> own) {
        List<Wrapper> level = own;
        for (int depth = 0; depth < 3 && !level.isEmpty(); depth++) {
            List<Wrapper> next = new java.util.ArrayList<>();
            for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
                if (call.getScope().isPresent() && !call.getScope().get().isThisExpr() && !call.getScope().get().isSuperExpr()) {
                    continue;
                }
                Optional<MethodDeclaration> method = call.findAncestor(MethodDeclaration.class);
                Optional<TypeDeclaration> type = call.findAncestor(TypeDeclaration.class);
                if (method.isEmpty() || type.isEmpty()) {
                    continue;
                }
                for (Wrapper inner : level) {
                    String caller = type.get().getNameAsString();
                    if (!inner.method().equals(call.getNameAsString())
                            || !inner.type().equals(caller) && !index.isOrExtends(caller, inner.type())
                            || !inner.takes(call.getArguments().size())
                            || method.get().getNameAsString().equals(inner.method())) {
                        continue;
                    }
                    MethodDeclaration m = method.get();
                    Optional<Passed> passed = passed(call.getArguments().get(inner.parameter()), m);
                    if (passed.isEmpty()) {
                        continue;
                    }
                    String template = passed.get().template() == null ? inner.template()
                            : inner.runs(passed.get().template());
                    CallSite site = inner.site();
                    if (site.cardinality() == Cardinality.UNKNOWN) {
                        site = sites.of(call, new ApiCalls.Api(inner.origin(), inner.language(), inner.parameter(),
                                Cardinality.UNKNOWN, true, false), "");
                    }
                    Wrapper outer = Wrapper.of(caller, m, passed.get().parameter(), inner.origin(), inner.language(), site,
                            inner.inside(), template);
                    index.addWrapper(outer);
                    next.add(outer);
                }
            }
            level = next;
        }
    }

    /** {@code final String text = sql;} then {@code query(text)}: the parameter the local copies. */
    private static String passedThrough(NameExpr name, MethodDeclaration method) {
        String variable = name.getNameAsString();
        for (VariableDeclarationExpr declaration : method.findAll(VariableDeclarationExpr.class)) {
            for (var v : declaration.getVariables()) {
                if (v.getNameAsString().equals(variable) && v.getInitializer().orElse(null) instanceof NameExpr source) {
                    return source.getNameAsString();
                }
            }
        }
        return variable;
    }

    private static int parameterIndex(MethodDeclaration method, String name) {
        for (int i = 0; i < method.getParameters().size(); i++) {
            Parameter p = method.getParameter(i);
            String type = CallSites.simpleType(p.getType());
            if (p.getNameAsString().equals(name) && (type.equals("String") || type.equals("CharSequence"))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a call that runs a named query by a name it does not know is a named-query helper's own (see above). */
    static boolean isNamedWrapperCall(MethodCallExpr call, Expression argument, ProjectConstants index) {
        Optional<MethodDeclaration> method = call.findAncestor(MethodDeclaration.class);
        Optional<TypeDeclaration> type = call.findAncestor(TypeDeclaration.class);
        if (!(argument instanceof NameExpr n) || method.isEmpty() || type.isEmpty()) {
            return false;
        }
        int parameter = parameterIndex(method.get(), passedThrough(n, method.get()));
        return parameter >= 0 && index.namedWrappers(method.get().getNameAsString()).stream()
                .anyMatch(w -> w.type().equals(type.get().getNameAsString()) && w.parameter() == parameter);
    }

    /** A call of a named-query helper, and how the first pass records the name it passes (empty: built at run time). */
    private record NamedHelperCall(MethodCallExpr call, Wrapper helper, Optional<String> key) {
    }

    /**
     * The calls of named-query helpers in a file ({@code findByNamedQuery(Invoice.FIND_BY_STATUS, status)}), but not a
     * helper's own call handing its caller's name on. The first pass and the second read them alike.
     */
    private static List<NamedHelperCall> namedHelperCalls(CompilationUnit unit, CallSites sites, ProjectConstants index) {
        List<NamedHelperCall> calls = new java.util.ArrayList<>();
        ConstantFolder own = null;
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            for (Wrapper w : index.namedWrappers(call.getNameAsString())) {
                if (w.takes(call.getArguments().size()) && receiverIs(call, w.type(), sites, index)
                        && !isNamedWrapperCall(call, call.getArgument(w.parameter()), index)) {
                    own = own == null ? new ConstantFolder(unit, ProjectConstants.EMPTY) : own;
                    calls.add(new NamedHelperCall(call, w, NamedQueryCalls.key(call.getArgument(w.parameter()), own)));
                    break;
                }
            }
        }
        return calls;
    }

    /**
     * First pass, second look: each call of a named-query helper whose name is known gives the named query its
     * reading, judged at its declaration ({@link NamedQueryCalls}).
     */
    static void collectNamedWrapperCalls(CompilationUnit unit, boolean test, ProjectConstants index) {
        for (NamedHelperCall c : namedHelperCalls(unit, new CallSites(unit), index)) {
            c.key().ifPresent(key -> {
                CallSite inner = c.helper().site();
                index.addNamedQueryCall(key, new NamedQueryCalls.Read(new CallSite(inner.terminalCall(),
                        inner.cardinality(), inner.rowBound(), CallSites.inLoop(c.call()),
                        CallSites.enclosingClass(c.call()), CallSites.enclosingMethod(c.call())), test));
            });
        }
    }

    /**
     * Second pass: a call of a named-query helper whose name the first pass could not read (built at run time) is
     * said so at the call, as a {@code createNamedQuery} with such a name is: nothing is dropped silently.
     */
    static void unreadNamedWrapperCalls(SourceFile file, CompilationUnit unit, CallSites sites, ProjectConstants index,
                                        ExtractionSink out) {
        for (NamedHelperCall c : namedHelperCalls(unit, sites, index)) {
            if (c.key().isEmpty()) {
                out.notice(new io.github.querylint.core.finding.Notice(
                        io.github.querylint.core.finding.Notice.Kind.SKIPPED_QUERY,
                        JavaSourceExtractor.location(file, c.call().getName()), "the named query run by "
                        + c.call().getNameAsString() + "(...) is chosen at run time; it was not analysed here"));
            }
        }
    }

    /** Whether the API call at this place reads a parameter of its method: a wrapper, judged at its callers. */
    static boolean isWrapperCall(MethodCallExpr call, Expression argument, ProjectConstants index) {
        if (!(argument instanceof NameExpr) && !(argument instanceof com.github.javaparser.ast.expr.BinaryExpr)) {
            return false;
        }
        Optional<MethodDeclaration> method = call.findAncestor(MethodDeclaration.class);
        Optional<TypeDeclaration> type = call.findAncestor(TypeDeclaration.class);
        if (method.isEmpty() || type.isEmpty() || index.wrappers(method.get().getNameAsString()).isEmpty()) {
            return false;
        }
        int parameter = passed(argument, method.get()).map(Passed::parameter).orElse(-1);
        return parameter >= 0 && index.wrappers(method.get().getNameAsString()).stream()
                .anyMatch(w -> w.type().equals(type.get().getNameAsString()) && w.parameter() == parameter);
    }

    /**
     * Second pass: calls of known wrappers with a known text. Returns those calls (by identity): one that also looks
     * like the API itself ({@code executeQuery(sql)} of a base class's wrapper) is this unit, not a second one.
     */
    static Set<MethodCallExpr> calls(SourceFile file, CompilationUnit unit, CallSites sites, ConstantFolder folder,
                                     ProjectConstants index, List<QueryUnit> out) {
        Set<MethodCallExpr> made = Collections.newSetFromMap(new IdentityHashMap<>());
        if (!index.hasWrappers()) {
            return made;
        }
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            for (Wrapper w : wrappersOf(call, sites, index)) {
                Optional<ConstantFolder.Folded> folded = text(call, w, folder);
                if (folded.isEmpty()) {
                    continue;
                }
                CallSite inner = w.site();
                CallSite site = CallSites.withFirstRow(new CallSite(inner.terminalCall(), inner.cardinality(),
                        inner.rowBound(), CallSites.inLoop(call), CallSites.enclosingClass(call),
                        CallSites.enclosingMethod(call)), call);
                if (inner.cardinality() == Cardinality.UNKNOWN) {
                    // a wrapper that hands the query back (a base DAO's createQuery(jpql)): the caller reads it
                    CallSite caller = sites.of(call, new ApiCalls.Api(w.origin(), w.language(), w.parameter(),
                            Cardinality.UNKNOWN, true, false), folded.get().text());
                    if (caller.cardinality() != Cardinality.UNKNOWN) {
                        site = caller;
                    }
                }
                out.add(new QueryUnit(JavaSourceExtractor.location(file, call.getName()), w.origin(), w.language(),
                        folded.get().text(), site, folded.get().dynamic(), folded.get().filterConditional(),
                        JavaSourceExtractor.Suppressions.of(call), List.of(w.inside()), folded.get().optional()));
                made.add(call);
            }
        }
        return made;
    }

    /** The known wrappers this call may be a call of: its name, its argument count, its receiver. */
    private static List<Wrapper> wrappersOf(MethodCallExpr call, CallSites sites, ProjectConstants index) {
        List<Wrapper> out = new java.util.ArrayList<>();
        for (Wrapper w : index.wrappers(call.getNameAsString())) {
            if (w.takes(call.getArguments().size()) && receiverIs(call, w.type(), sites, index)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The query text the call hands to the wrapper, when it is known and looks like a query. */
    private static Optional<ConstantFolder.Folded> text(MethodCallExpr call, Wrapper w, ConstantFolder folder) {
        Optional<ConstantFolder.Folded> folded = folder.fold(call.getArguments().get(w.parameter()));
        if (folded.isEmpty() || folded.get().text().strip().startsWith(ConstantFolderSupport.DYNAMIC)
                || !SqlText.looksLikeQuery(folded.get().text())) {
            return Optional.empty();
        }
        if (w.template() == null) {
            return folded;
        }
        ConstantFolder.Folded f = folded.get();
        String text = w.runs(f.text());
        return Optional.of(new ConstantFolder.Folded(text, f.dynamic() || text.contains(ConstantFolderSupport.DYNAMIC),
                f.conditional(), f.filterConditional(), f.optional()));
    }

    /** The receiver is declared with the wrapper's type, names it (a static call), or is the calling type itself. */
    private static boolean receiverIs(MethodCallExpr call, String type, CallSites sites, ProjectConstants index) {
        if (call.getScope().isPresent()) {
            Expression scope = call.getScope().get();
            if (scope.isThisExpr() || scope.isSuperExpr()) {
                return callerIsOrExtends(call, type, index);
            }
            if (scope.isNameExpr() && scope.asNameExpr().getNameAsString().equals(type)) {
                return true;
            }
            return type.equals(sites.typeOf(scope));
        }
        return callerIsOrExtends(call, type, index);
    }

    /** The call is made in the wrapper's type, or in a type that extends it (directly, or through the tree's types). */
    private static boolean callerIsOrExtends(Node call, String type, ProjectConstants index) {
        for (Node p = call.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof ClassOrInterfaceDeclaration c) {
                if (c.getNameAsString().equals(type)
                        || c.getExtendedTypes().stream().anyMatch(t -> index.isOrExtends(t.getNameAsString(), type))) {
                    return true;
                }
            }
        }
        return false;
    }
}
