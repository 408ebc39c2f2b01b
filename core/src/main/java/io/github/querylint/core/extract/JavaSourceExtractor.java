package io.github.querylint.core.extract;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the queries in a Java file: strings that reach a query API (JDBC, JdbcTemplate,
 * JdbcClient, JPA, Hibernate), query annotations ({@code @Query}, {@code @NamedQuery},
 * MyBatis {@code @Select}...), and Spring Data repository methods.
 */
public final class JavaSourceExtractor implements Extractor {

    private final ProjectConstants constants;
    private final boolean prefilter;

    public JavaSourceExtractor(ProjectConstants constants) {
        this(constants, true);
    }

    private JavaSourceExtractor(ProjectConstants constants, boolean prefilter) {
        this.constants = constants;
        this.prefilter = prefilter;
    }

    /** An extractor that parses every file, for the tests that prove the pre-filter changes no finding. */
    public static JavaSourceExtractor withoutPrefilter(ProjectConstants constants) {
        return new JavaSourceExtractor(constants, false);
    }

    public JavaSourceExtractor() {
        this(ProjectConstants.EMPTY);
    }

    @Override
    public boolean accepts(SourceFile file) {
        return file.kind() == SourceKind.JAVA;
    }

    /** The cheap pre-filter: whether the text can hold a query at all (see {@link Prefilter}). */
    public static boolean mayHoldQuery(String text) {
        return Prefilter.mayHoldQuery(text);
    }

    static JavaParser newParser() {
        return JavaParsers.newParser();
    }

    /** Parses a file; empty with a notice when it does not parse. */
    public static Optional<CompilationUnit> parse(SourceFile file, String text, ExtractionSink out) {
        ParseResult<CompilationUnit> result;
        try {
            result = newParser().parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), 1, 1),
                    "Java file could not be parsed (" + e.getClass().getSimpleName()
                            + "); its queries were not analysed"));
            return Optional.empty();
        }
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            Problem problem = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
            int line = problem == null ? 1 : problem.getLocation()
                    .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
            String message = problem == null ? "unknown syntax error" : problem.getMessage().lines().findFirst().orElse("");
            if (message.length() > 160) {
                message = message.substring(0, 160) + "...";
            }
            out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), line, 1),
                    "Java file has a syntax error, its queries were not analysed: " + message));
            return Optional.empty();
        }
        return result.getResult();
    }

    @Override
    public void extract(SourceFile file, String text, ExtractionSink out) {
        if (prefilter && !mayHoldQuery(text)) {
            return;
        }
        Optional<CompilationUnit> parsed = parse(file, text, out);
        if (parsed.isEmpty()) {
            return;
        }
        extract(file, parsed.get(), out);
    }

    public void extract(SourceFile file, CompilationUnit unit, ExtractionSink out) {
        ConstantFolder folder = new ConstantFolder(unit, constants);
        CallSites callSites = new CallSites(unit);
        List<QueryUnit> found = new ArrayList<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            ApiCalls.match(call, callSites).ifPresent(api -> {
                if (call.getArguments().size() <= api.argumentIndex()) {
                    return;
                }
                Expression argument = call.getArguments().get(api.argumentIndex());
                Optional<ConstantFolder.Folded> folded = folder.fold(argument);
                if (folded.isEmpty()) {
                    return;
                }
                String queryText = folded.get().text();
                if (api.needsQueryLookingText() && !SqlText.looksLikeQuery(queryText)) {
                    return; // an ambiguous method name with a text that is no query
                }
                if (!api.distinctive() && queryText.equals(ConstantFolderSupport.DYNAMIC)) {
                    return; // nothing known at all about an ambiguous call
                }
                Location at = location(file, call.getName());
                CallSite site = callSites.of(call, api);
                found.add(new QueryUnit(at, api.origin(), api.language(), queryText, site,
                        folded.get().dynamic(), false, Suppressions.of(call), List.of()));
            });
        }
        for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
            annotationQueries(file, annotation, folder, callSites, found);
        }
        Repositories.derivedQueries(file, unit, callSites, found);
        found.forEach(out::query);
    }

    private void annotationQueries(SourceFile file, AnnotationExpr annotation, ConstantFolder folder,
                                   CallSites callSites, List<QueryUnit> found) {
        String name = annotation.getNameAsString();
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        switch (simple) {
            case "Query", "NativeQuery" -> {
                Optional<Expression> value = member(annotation, "value");
                if (value.isEmpty()) {
                    return;
                }
                boolean nativeQuery = simple.equals("NativeQuery") || member(annotation, "nativeQuery")
                        .map(e -> e instanceof BooleanLiteralExpr b && b.getValue()).orElse(false);
                foldAnnotation(value.get(), folder).ifPresent(f -> {
                    if (!SqlText.looksLikeQuery(f.text()) && !f.text().contains(" ")) {
                        return; // @Query("name") of some other framework
                    }
                    CallSite site = annotation.getParentNode().filter(MethodDeclaration.class::isInstance)
                            .map(m -> callSites.ofRepositoryMethod((MethodDeclaration) m)).orElse(CallSite.UNKNOWN);
                    found.add(new QueryUnit(location(file, annotation), QueryOrigin.SPRING_DATA_QUERY,
                            nativeQuery ? QueryLanguage.SQL : QueryLanguage.JPQL, f.text(), site, f.dynamic(), false,
                            Suppressions.of(annotation), List.of()));
                });
            }
            case "NamedQuery", "NamedNativeQuery" -> {
                Optional<Expression> query = member(annotation, "query");
                if (query.isEmpty()) {
                    return;
                }
                foldAnnotation(query.get(), folder).ifPresent(f -> found.add(new QueryUnit(location(file, annotation),
                        QueryOrigin.NAMED_QUERY, simple.equals("NamedNativeQuery") ? QueryLanguage.SQL : QueryLanguage.JPQL,
                        f.text(), CallSite.UNKNOWN, f.dynamic(), false, Suppressions.of(annotation), List.of())));
            }
            case "Select", "Update", "Insert", "Delete" -> {
                if (!(annotation.getParentNode().orElse(null) instanceof MethodDeclaration method)) {
                    return;
                }
                Optional<Expression> value = member(annotation, "value");
                if (value.isEmpty()) {
                    return;
                }
                foldAnnotation(value.get(), folder).ifPresent(f -> {
                    if (!SqlText.looksLikeQuery(f.text().replaceAll("(?is)^\\s*<script>", ""))) {
                        return;
                    }
                    String text = f.text().replaceAll("(?is)</?script>", " ");
                    CallSite site = simple.equals("Select") ? callSites.ofRepositoryMethod(method)
                            : callSites.ofRepositoryMethod(method).withCardinality("", io.github.querylint.core.query.Cardinality.UPDATE_COUNT);
                    found.add(new QueryUnit(location(file, annotation), QueryOrigin.MYBATIS_ANNOTATION,
                            QueryLanguage.SQL, MapperSql.flatten(text).text(), site,
                            f.dynamic() || MapperSql.flatten(text).dynamic(), MapperSql.flatten(text).filterConditional(),
                            Suppressions.of(annotation), List.of()));
                });
            }
            default -> {
                // not a query annotation
            }
        }
    }

    /** An annotation's value: a string, or an array of strings joined with spaces (MyBatis). */
    private static Optional<ConstantFolder.Folded> foldAnnotation(Expression value, ConstantFolder folder) {
        if (value instanceof ArrayInitializerExpr array) {
            StringBuilder sb = new StringBuilder();
            boolean dynamic = false;
            for (Expression e : array.getValues()) {
                Optional<ConstantFolder.Folded> part = folder.fold(e);
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(part.get().text());
                dynamic |= part.get().dynamic();
            }
            return Optional.of(new ConstantFolder.Folded(sb.toString(), dynamic, false));
        }
        return folder.fold(value);
    }

    static Optional<Expression> member(AnnotationExpr annotation, String name) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name)) {
                    return Optional.of(pair.getValue());
                }
            }
        }
        return Optional.empty();
    }

    static Location location(SourceFile file, Node node) {
        return node.getBegin().map(p -> new Location(file.path(), p.line, p.column))
                .orElse(new Location(file.path(), 1, 1));
    }

    /** Rule ids suppressed by {@code @SuppressWarnings} on the node's enclosing declarations. */
    static final class Suppressions {
        private Suppressions() {
        }

        static Set<String> of(Node node) {
            Set<String> ids = new java.util.TreeSet<>();
            for (Node p = node; p != null; p = p.getParentNode().orElse(null)) {
                if (p instanceof com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> annotated) {
                    for (AnnotationExpr a : annotated.getAnnotations()) {
                        if (!a.getNameAsString().equals("SuppressWarnings")
                                && !a.getNameAsString().equals("java.lang.SuppressWarnings")) {
                            continue;
                        }
                        member(a, "value").ifPresent(v -> {
                            List<Expression> values = v instanceof ArrayInitializerExpr arr ? arr.getValues() : List.of(v);
                            for (Expression e : values) {
                                if (e.isStringLiteralExpr()) {
                                    String s = e.asStringLiteralExpr().asString();
                                    if (s.equals("querylint")) {
                                        ids.add("*");
                                    } else if (s.startsWith("querylint:")) {
                                        ids.add(s.substring("querylint:".length()).trim());
                                    }
                                }
                            }
                        });
                    }
                }
            }
            return ids;
        }
    }

    /** Whether a type declaration is an interface. */
    static boolean isInterface(TypeDeclaration<?> type) {
        return type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
    }
}
