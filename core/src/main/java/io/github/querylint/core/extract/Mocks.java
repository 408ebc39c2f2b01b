package io.github.querylint.core.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.Optional;
import java.util.Set;

/**
 * Calls on a mock in a test (Mockito, BDDMockito): {@code when(jdbc.queryForList("SELECT ..."))},
 * {@code verify(jdbc).update(anyString(), any())}, {@code doReturn(rows).when(jdbc).query(...)}. The
 * query API is called on a stand-in, so no query runs there: the query under test is the one in the
 * code the test calls, which is reviewed where it is written.
 */
final class Mocks {

    /** Mockito's argument matchers: {@code anyString()}, {@code eq("...")}, {@code argThat(...)}. */
    private static final Set<String> MATCHERS = Set.of("any", "anyString", "anyObject", "eq", "argThat", "isA",
            "isNull", "isNotNull", "notNull", "nullable", "same", "refEq", "contains", "startsWith", "endsWith",
            "matches", "anyVararg");

    /** The classes those matchers are called through when they are not imported statically. */
    private static final Set<String> MATCHER_CLASSES = Set.of("Mockito", "ArgumentMatchers", "Matchers",
            "AdditionalMatchers", "BDDMockito");

    /** The calls a stubbed or verified call sits in, or is made on. */
    private static final Set<String> STUBS = Set.of("when", "given");
    private static final Set<String> VERIFICATIONS = Set.of("verify", "should", "when");

    private Mocks() {
    }

    /** Whether {@code call}, a query API call with {@code argument} as its text, is a stub or a verification. */
    static boolean stubbedOrVerified(MethodCallExpr call, Expression argument) {
        if (argument instanceof MethodCallExpr m && MATCHERS.contains(m.getNameAsString()) && throughMockito(m)) {
            return true;
        }
        Optional<Node> parent = call.getParentNode();
        if (parent.isPresent() && parent.get() instanceof MethodCallExpr p && STUBS.contains(p.getNameAsString())
                && p.getArguments().contains(call) && throughMockito(p)) {
            return true; // when(jdbc.queryForList("...")).thenReturn(...)
        }
        // verify(jdbc).update(...), then(jdbc).should().update(...), doReturn(x).when(jdbc).query(...)
        return call.getScope().filter(s -> s instanceof MethodCallExpr m && VERIFICATIONS.contains(m.getNameAsString())
                && m.getArguments().size() <= 2).isPresent();
    }

    /** The annotations that make a field a mock: Mockito's, and Spring Boot's test beans. */
    private static final Set<String> MOCK_ANNOTATIONS = Set.of("Mock", "MockBean", "MockitoBean");

    /**
     * Whether a call is made on a mock: a field annotated {@code @Mock} or {@code @MockBean}
     * ({@code assertNotNull(repository.findAll())} in a test of a service, on its stand-in), or a local made by
     * {@code mock(X.class)}. No query runs there.
     */
    static boolean onMock(MethodCallExpr call, CallSites sites) {
        if (call.getScope().isEmpty() || !sites.mocks()) {
            return false;
        }
        Expression scope = call.getScope().get();
        String name = scope instanceof NameExpr n ? n.getNameAsString()
                : scope instanceof FieldAccessExpr f && f.getScope().isThisExpr()
                ? f.getNameAsString() : null;
        if (name == null) {
            return false;
        }
        for (Node p = call.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> c) {
                for (VariableDeclarator v
                        : c.findAll(VariableDeclarator.class)) {
                    if (v.getNameAsString().equals(name)) {
                        return v.getInitializer().filter(i -> i instanceof MethodCallExpr m
                                && m.getNameAsString().equals("mock") && throughMockito(m)).isPresent();
                    }
                }
            }
            if (p instanceof TypeDeclaration<?> t) {
                for (FieldDeclaration f : t.getFields()) {
                    if (f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
                        return f.getAnnotations().stream().anyMatch(a -> MOCK_ANNOTATIONS.contains(a.getName().getIdentifier()))
                                || f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name)
                                && v.getInitializer().filter(i -> i instanceof MethodCallExpr m
                                && m.getNameAsString().equals("mock") && throughMockito(m)).isPresent());
                    }
                }
            }
        }
        return false;
    }

    private static boolean throughMockito(MethodCallExpr m) {
        return m.getScope().isEmpty()
                || m.getScope().get() instanceof NameExpr n && MATCHER_CLASSES.contains(n.getNameAsString());
    }
}
