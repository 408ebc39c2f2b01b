package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.schema.SchemaModel;
import io.github.querylint.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MyBatis-Plus: the SQL that {@code BaseMapper} and {@code IService} methods run, read at their calls, as Spring
 * Data's inherited methods are ({@link Repositories#inheritedCalls}). Only reads of many rows are written out:
 * {@code selectList}, {@code selectMaps}, {@code selectObjs}, {@code selectBatchIds}, {@code selectByMap} on a
 * mapper; {@code list}, {@code listMaps}, {@code listObjs}, {@code listByIds}, {@code listByMap} on a service or in
 * its {@code ServiceImpl}; and {@code lambdaQuery()...list()}. The WHERE is read from the wrapper when the method
 * builds it ({@code new LambdaQueryWrapper<User>().eq(User::getStatus, 1)}, a local wrapper and the conditions
 * added to it): a condition with a leading boolean ({@code eq(name != null, User::getName, name)}) or added under
 * an {@code if} may be left out; {@code null}, no wrapper or an empty one filters nothing; a wrapper from
 * elsewhere (a parameter, a helper's result) is a filter nobody can read, as {@code ${ew.customSqlSegment}} is.
 * Paged calls ({@code selectPage}, {@code page}, {@code selectList(page, wrapper)}) are bounded and left out.
 */
final class MybatisPlusCalls {

    static final Set<String> MAPPER_BASES = Set.of("BaseMapper", "MPJBaseMapper");
    static final Set<String> SERVICE_BASES = Set.of("IService", "MPJBaseService");
    private static final Set<String> SERVICE_IMPLS = Set.of("ServiceImpl", "MPJBaseServiceImpl");

    private static final Set<String> MAPPER_LISTS = Set.of("selectList", "selectMaps", "selectObjs");
    private static final Set<String> MAPPER_IDS = Set.of("selectBatchIds", "selectByIds");
    private static final Set<String> SERVICE_LISTS = Set.of("list", "listMaps", "listObjs");
    private static final Set<String> SERVICE_IDS = Set.of("listByIds");
    private static final Set<String> BY_MAP = Set.of("selectByMap", "listByMap");
    private static final Set<String> CHAIN_ROOTS = Set.of("lambdaQuery", "query");

    /** The method names at whose calls a query may be read: the pre-filter's trigger words. */
    static final Set<String> METHODS = Set.of("selectList", "selectMaps", "selectObjs", "selectBatchIds", "selectByIds",
            "selectByMap", "list", "listMaps", "listObjs", "listByIds", "listByMap");

    /** Conditions of a wrapper, and the operator each writes. */
    private static final Map<String, String> COMPARISONS = Map.ofEntries(Map.entry("eq", "= ?"),
            Map.entry("ne", "<> ?"), Map.entry("gt", "> ?"), Map.entry("ge", ">= ?"), Map.entry("lt", "< ?"),
            Map.entry("le", "<= ?"), Map.entry("like", "LIKE ?"), Map.entry("notLike", "NOT LIKE ?"),
            Map.entry("likeLeft", "LIKE ?"), Map.entry("likeRight", "LIKE ?"), Map.entry("notLikeLeft", "NOT LIKE ?"),
            Map.entry("notLikeRight", "NOT LIKE ?"), Map.entry("in", "IN (?)"), Map.entry("notIn", "NOT IN (?)"),
            Map.entry("inSql", "IN (" + ConstantFolderSupport.DYNAMIC + ")"),
            Map.entry("notInSql", "NOT IN (" + ConstantFolderSupport.DYNAMIC + ")"),
            Map.entry("between", "BETWEEN ? AND ?"), Map.entry("notBetween", "NOT BETWEEN ? AND ?"),
            Map.entry("isNull", "IS NULL"), Map.entry("isNotNull", "IS NOT NULL"));
    /** Conditions whose text nobody can read here: a nested wrapper, raw SQL, a map of values. */
    private static final Set<String> UNREAD_CONDITIONS = Set.of("and", "or", "nested", "apply", "exists", "notExists", "allEq",
            "func", "not");

    /** A MyBatis-Plus entity's table and the columns it maps. */
    record Table(String name, List<String> columns) {
    }

    private MybatisPlusCalls() {
    }

    /** First pass: the table of a class annotated {@code @TableName}. */
    static Optional<Table> table(ClassOrInterfaceDeclaration type) {
        Optional<AnnotationExpr> annotation = type.getAnnotationByName("TableName");
        if (annotation.isEmpty() || type.isInterface()) {
            return Optional.empty();
        }
        String name = JavaSourceExtractor.member(annotation.get(), "value")
                .filter(StringLiteralExpr.class::isInstance).map(e -> ((StringLiteralExpr) e).asString())
                .orElse(SchemaModel.Entity.snakeCase(type.getNameAsString()));
        List<String> columns = new ArrayList<>();
        for (FieldDeclaration field : type.getFields()) {
            if (field.isStatic() || field.getAnnotationByName("TableField").flatMap(a -> JavaSourceExtractor.member(a,
                    "exist")).map(e -> e.toString().equals("false")).orElse(false)) {
                continue;
            }
            for (VariableDeclarator v : field.getVariables()) {
                Optional<String> written = field.getAnnotationByName("TableField").or(() -> field.getAnnotationByName("TableId"))
                        .flatMap(a -> JavaSourceExtractor.member(a, "value")).filter(StringLiteralExpr.class::isInstance)
                        .map(e -> ((StringLiteralExpr) e).asString()).filter(c -> !c.isBlank());
                columns.add(written.orElse(SchemaModel.Entity.snakeCase(v.getNameAsString())));
            }
        }
        String table = name.isBlank() ? SchemaModel.Entity.snakeCase(type.getNameAsString()) : name;
        return Optional.of(new Table(table, List.copyOf(columns)));
    }

    /** First pass: the entity {@code T} of a class extending {@code ServiceImpl<M, T>}. */
    static Optional<String> serviceEntity(ClassOrInterfaceDeclaration type) {
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            if (SERVICE_IMPLS.contains(parent.getNameAsString()) && parent.getTypeArguments().isPresent()
                    && parent.getTypeArguments().get().size() == 2) {
                String entity = CallSites.simpleType(parent.getTypeArguments().get().get(1));
                boolean variable = type.getTypeParameters().stream().anyMatch(t -> t.getNameAsString().equals(entity));
                return variable ? Optional.empty() : Optional.of(entity);
            }
        }
        return Optional.empty();
    }

    /** Second pass: the reads of many rows through MyBatis-Plus in a file. */
    static void calls(SourceFile file, CompilationUnit unit, CallSites callSites, ProjectConstants index,
                      List<QueryUnit> out) {
        if (!index.mybatisPlus()) {
            return;
        }
        ProjectConstants.TypeScope scope = null;
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (!METHODS.contains(name)) {
                continue;
            }
            if (Mocks.stubbedOrVerified(call, call.getArguments().isEmpty() ? null : call.getArguments().get(0))
                    || Mocks.onMock(call, callSites)) {
                continue; // when(mapper.selectList(any())).thenReturn(...): a test's stub runs nothing
            }
            scope = scope == null ? ProjectConstants.TypeScope.of(unit) : scope;
            boolean mapperCall = name.startsWith("select");
            List<MethodCallExpr> chain = new ArrayList<>();
            MethodCallExpr root = mapperCall ? null : chainRoot(call, chain);
            Optional<String> entity;
            Where where;
            if (root != null) {
                // lambdaQuery().eq(..).list(): the chain is the wrapper
                if (!call.getArguments().isEmpty() || !name.equals("list") && !name.equals("listObjs")) {
                    continue; // list(page) and the like
                }
                entity = receiverEntity(root, false, callSites, index, scope);
                where = Where.of(chain, List.of());
            } else {
                entity = receiverEntity(call, mapperCall, callSites, index, scope);
                if (entity.isEmpty()) {
                    continue;
                }
                // a project base mapper's defaults (yudao's BaseMapperX): selectList(), selectList(field, value)
                where = mapperCall && name.equals("selectList") && projectDefault(call, callSites, index, scope)
                        ? byColumns(call, callSites) : null;
                if (where == null) {
                    if (paged(call, callSites)) {
                        continue;
                    }
                    where = wrapper(call, name, callSites);
                }
                if (where == null) {
                    continue;
                }
            }
            if (entity.isEmpty()) {
                continue;
            }
            Optional<Table> table = index.plusTable(entity.get());
            String columns = !where.select().isBlank() ? where.select()
                    : table.filter(t -> !t.columns().isEmpty()).map(t -> String.join(", ", t.columns()))
                    .orElse(ConstantFolderSupport.DYNAMIC);
            String from = table.map(Table::name).orElse(SchemaModel.Entity.snakeCase(entity.get()));
            String text = "SELECT " + columns + " FROM " + from + where.text();
            CallSite site = CallSites.withFirstRow(new CallSite(name, Cardinality.COLLECTION, "", CallSites.inLoop(call),
                    CallSites.enclosingClass(call), CallSites.enclosingMethod(call)), call);
            out.add(new QueryUnit(JavaSourceExtractor.location(file, call.getName()), QueryOrigin.MYBATIS_PLUS,
                    QueryLanguage.SQL, text, site, where.opaque(), where.conditional(),
                    JavaSourceExtractor.Suppressions.of(call), List.of(), where.optional()));
        }
    }

    /**
     * The entity a call reads: a receiver declared with a mapper or service interface of the tree (or a
     * {@code ServiceImpl} subclass), or, without a receiver or through {@code this}, {@code baseMapper} or
     * {@code getBaseMapper()}, the {@code ServiceImpl} the call sits in.
     */
    private static Optional<String> receiverEntity(MethodCallExpr call, boolean mapperCall, CallSites callSites,
                                                   ProjectConstants index, ProjectConstants.TypeScope scope) {
        Optional<Expression> receiver = call.getScope();
        boolean own = receiver.isEmpty() || receiver.get().isThisExpr() || receiver.get().isSuperExpr();
        boolean baseMapper = receiver.isPresent() && (receiver.get() instanceof NameExpr n
                && n.getNameAsString().equals("baseMapper")
                || receiver.get() instanceof FieldAccessExpr f && f.getNameAsString().equals("baseMapper")
                && f.getScope().isThisExpr()
                || receiver.get() instanceof MethodCallExpr m && m.getNameAsString().equals("getBaseMapper")
                && m.getArguments().isEmpty());
        if (own && !(receiver.isPresent() && receiver.get().isSuperExpr()) && CallSites.callsOwnMethod(call)
                && !(mapperCall && handsWrapperPast(call))) {
            return Optional.empty(); // list(query) of the class's own: Java binds the call to it
        }
        if (own && mapperCall) {
            // a mapper interface's own default method (yudao's selectListByStatus(..) { return selectList(wrapper); })
            return ownMapper(call).flatMap(type -> index.plusEntity(scope, type, MAPPER_BASES));
        }
        if (baseMapper && mapperCall && receiver.get() instanceof MethodCallExpr m && m.getScope().isPresent()
                && !m.getScope().get().isThisExpr()) {
            return typed(m.getScope().get(), false, callSites, index, scope); // userService.getBaseMapper()
        }
        if (own && !mapperCall || baseMapper && mapperCall) {
            if (baseMapper && callSites.typeOf(receiver.get()) != null) {
                return typed(receiver.get(), mapperCall, callSites, index, scope); // a field of its own by that name
            }
            for (Node p = call.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
                if (p instanceof ClassOrInterfaceDeclaration type) {
                    return serviceEntity(type);
                }
            }
            return Optional.empty();
        }
        return receiver.isPresent() ? typed(receiver.get(), mapperCall, callSites, index, scope) : Optional.empty();
    }

    /** The mapper interface whose default method makes a call on itself, or empty when the call is in a class. */
    private static Optional<String> ownMapper(MethodCallExpr call) {
        return call.findAncestor(ClassOrInterfaceDeclaration.class).filter(ClassOrInterfaceDeclaration::isInterface)
                .map(ClassOrInterfaceDeclaration::getNameAsString);
    }

    /**
     * Whether a call of the mapper's own method name hands a wrapper that its own overloads do not take
     * ({@code default List<T> selectList(NoticeQuery q) { return selectList(new LambdaQueryWrapperX<T>()..); }}):
     * Java binds it to the base's {@code selectList(Wrapper)}.
     */
    private static boolean handsWrapperPast(MethodCallExpr call) {
        if (call.getArguments().size() != 1 || !wrapperArgument(call.getArguments().get(0))) {
            return false;
        }
        com.github.javaparser.ast.body.TypeDeclaration<?> type =
                call.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).orElse(null);
        return type != null && type.getMethodsByName(call.getNameAsString()).stream()
                .filter(m -> m.getParameters().size() == 1)
                .noneMatch(m -> wrapperType(CallSites.simpleType(m.getParameter(0).getType())));
    }

    /** {@code new LambdaQueryWrapperX<T>().eq(..)}, {@code Wrappers.lambdaQuery()...}: a wrapper made in place. */
    private static boolean wrapperArgument(Expression e) {
        Expression root = e;
        while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
            if (m.getScope().get() instanceof NameExpr n && n.getNameAsString().equals("Wrappers")) {
                return true;
            }
            root = m.getScope().get();
        }
        return root instanceof com.github.javaparser.ast.expr.ObjectCreationExpr c
                && wrapperType(c.getType().getNameAsString());
    }

    private static Optional<String> typed(Expression receiver, boolean mapperCall, CallSites callSites,
                                          ProjectConstants index, ProjectConstants.TypeScope scope) {
        String type = callSites.writtenTypeOf(receiver);
        if (type == null) {
            return Optional.empty();
        }
        Optional<String> entity = index.plusEntity(scope, type, mapperCall ? MAPPER_BASES : SERVICE_BASES);
        if (entity.isPresent() || mapperCall) {
            return entity;
        }
        return index.plusService(type.substring(type.lastIndexOf('.') + 1));
    }

    /** Whether the receiver's mapper interface, or a project base of it, gives {@code selectList} a default body. */
    private static boolean projectDefault(MethodCallExpr call, CallSites callSites, ProjectConstants index,
                                          ProjectConstants.TypeScope scope) {
        String type = call.getScope().isEmpty() || call.getScope().get().isThisExpr() ? ownMapper(call).orElse(null)
                : callSites.writtenTypeOf(call.getScope().get());
        return type != null && index.plusDeclares(scope, type, call.getNameAsString());
    }

    /**
     * The WHERE of a project default's conventional forms: {@code selectList()} reads every row;
     * {@code selectList(Field::getter, value)} (and two such pairs) compares the columns, with {@code IN} for a
     * collection of values. Any other form is no such default: null.
     */
    private static Where byColumns(MethodCallExpr call, CallSites callSites) {
        List<Expression> args = call.getArguments();
        if (args.isEmpty()) {
            return Where.NONE;
        }
        if (args.size() % 2 != 0 || args.size() > 4) {
            return null;
        }
        List<String> predicates = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!(args.get(i) instanceof MethodReferenceExpr) && !args.get(i).isStringLiteralExpr()) {
                return null;
            }
            String type = callSites.typeOf(args.get(i + 1));
            boolean many = type != null && (type.endsWith("List") || type.endsWith("Set") || type.endsWith("Collection"));
            predicates.add(column(args.get(i)) + (many ? " IN (?)" : " = ?"));
        }
        return new Where(" WHERE " + String.join(" AND ", predicates), false, false, Set.of());
    }

    /** {@code selectList(page, wrapper)}, {@code list(page)}: a page of rows. */
    private static boolean paged(MethodCallExpr call, CallSites callSites) {
        for (Expression argument : call.getArguments()) {
            String type = argument instanceof ObjectCreationExpr o ? o.getType().getNameAsString() : callSites.typeOf(argument);
            if (type != null && (type.equals("Page") || type.equals("IPage") || type.endsWith("Page"))) {
                return true;
            }
        }
        return call.getNameAsString().equals("selectList") && call.getArguments().size() == 2;
    }

    /** The root of {@code lambdaQuery().eq(..).list()}, with the calls between it and the terminal; or null. */
    private static MethodCallExpr chainRoot(MethodCallExpr terminal, List<MethodCallExpr> chain) {
        Expression current = terminal.getScope().orElse(null);
        while (current instanceof MethodCallExpr m) {
            if (CHAIN_ROOTS.contains(m.getNameAsString()) && (m.getArguments().isEmpty()
                    || m.getScope().isEmpty() || m.getScope().get().isThisExpr())) {
                java.util.Collections.reverse(chain);
                return m.getArguments().isEmpty() ? m : null;
            }
            chain.add(m);
            current = m.getScope().orElse(null);
        }
        chain.clear();
        return null;
    }

    /** The WHERE a call's wrapper argument writes, or null when the call is no read of many rows. */
    private static Where wrapper(MethodCallExpr call, String name, CallSites callSites) {
        if (MAPPER_IDS.contains(name) || SERVICE_IDS.contains(name)) {
            return call.getArguments().size() == 1 ? new Where(" WHERE id IN (?)", false, false, Set.of()) : null;
        }
        if (BY_MAP.contains(name)) {
            return Where.OPAQUE; // the map's entries, or none
        }
        if (call.getArguments().isEmpty()) {
            return MAPPER_LISTS.contains(name) ? null : Where.NONE; // service.list(): every row
        }
        boolean mapped = call.getArguments().size() == 2 && name.endsWith("Objs")
                && (call.getArguments().get(1).isLambdaExpr() || call.getArguments().get(1).isMethodReferenceExpr());
        if (call.getArguments().size() != 1 && !mapped) {
            return null; // listObjs(wrapper, Object::toString) maps each value; other arities are no wrapper read
        }
        Expression argument = call.getArguments().get(0);
        String type = callSites.typeOf(argument);
        if (type != null && !wrapperType(type) && !type.equals("var")) {
            return null; // list(dictType) with a String: an overload of the service's own, not IService.list(Wrapper)
        }
        if (argument.isNullLiteralExpr() || argument instanceof MethodCallExpr m && m.getNameAsString().equals("emptyWrapper")) {
            return Where.NONE;
        }
        List<MethodCallExpr> conditions = new ArrayList<>();
        List<MethodCallExpr> conditional = new ArrayList<>();
        if (argument instanceof NameExpr n && callSites.typeOf(n) != null) {
            CallableDeclaration<?> method = argument.findAncestor(CallableDeclaration.class).orElse(null);
            VariableDeclarator declared = method == null ? null : method.findAll(VariableDeclarator.class).stream()
                    .filter(v -> v.getNameAsString().equals(n.getNameAsString())).findFirst().orElse(null);
            if (declared == null || declared.getInitializer().isEmpty() || !built(declared.getInitializer().get(), conditions)) {
                return Where.OPAQUE; // a parameter, a field, a helper's wrapper: a filter nobody can read here
            }
            // handed to a helper before the call (applyFilters(w, query)): the helper may add any condition
            for (MethodCallExpr other : method.findAll(MethodCallExpr.class)) {
                if (other != call && before(other, call) && other.getArguments().stream()
                        .anyMatch(a -> a instanceof NameExpr x && x.getNameAsString().equals(n.getNameAsString()))) {
                    return Where.OPAQUE;
                }
            }
            // the conditions added to the local before the call: w.eq(...); in an if, a condition that may be left out
            for (ExpressionStmt statement : method.findAll(ExpressionStmt.class)) {
                if (!(statement.getExpression() instanceof MethodCallExpr added) || !before(statement, call)) {
                    continue;
                }
                List<MethodCallExpr> steps = new ArrayList<>();
                Expression root = added;
                while (root instanceof MethodCallExpr m) {
                    steps.add(0, m);
                    root = m.getScope().orElse(null);
                }
                if (root instanceof NameExpr r && r.getNameAsString().equals(n.getNameAsString())) {
                    (underCondition(statement, call, n.getNameAsString()) ? conditional : conditions).addAll(steps);
                }
            }
            return Where.of(conditions, conditional);
        }
        if (!built(argument, conditions)) {
            return Where.OPAQUE;
        }
        return Where.of(conditions, conditional);
    }

    /**
     * Whether an expression builds a wrapper here ({@code new QueryWrapper<>()}, {@code Wrappers.lambdaQuery()});
     * its chained conditions are added to the list, in order.
     */
    private static boolean built(Expression e, List<MethodCallExpr> conditions) {
        List<MethodCallExpr> steps = new ArrayList<>();
        Expression root = e;
        while (root instanceof MethodCallExpr m && !(m.getScope().orElse(null) instanceof NameExpr n
                && n.getNameAsString().equals("Wrappers"))) {
            steps.add(0, m);
            root = m.getScope().orElse(null);
        }
        boolean fresh = root instanceof ObjectCreationExpr o && wrapperType(o.getType().getNameAsString())
                && o.getArguments().stream().allMatch(a -> a.isClassExpr())
                || root instanceof MethodCallExpr w && w.getNameAsString().matches("lambdaQuery|query|emptyWrapper")
                && w.getArguments().stream().allMatch(a -> a.isClassExpr());
        if (!fresh) {
            return false;
        }
        conditions.addAll(steps);
        return true;
    }

    /** {@code QueryWrapper}, {@code LambdaQueryWrapper}, {@code Wrapper}, and a project's {@code LambdaQueryWrapperX}. */
    private static boolean wrapperType(String simpleName) {
        return simpleName.matches(".*Wrapper(X|Plus)?");
    }

    private static boolean before(Node a, Node b) {
        return a.getBegin().isPresent() && b.getBegin().isPresent() && a.getBegin().get().isBefore(b.getBegin().get());
    }

    /**
     * Whether a statement sits under an if or in a loop that the call itself is not in. An if whose other branch
     * adds to the wrapper too ({@code if (many) w.in(..) else w.eq(..)}) adds one condition or the other: always one.
     */
    private static boolean underCondition(Node statement, Node call, String wrapper) {
        Node child = statement;
        for (Node p = statement.getParentNode().orElse(null); p != null && !p.containsWithinRange(call);
             child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof IfStmt i && i.getElseStmt().isPresent()) {
                Node other = i.getThenStmt() == child ? i.getElseStmt().get() : i.getElseStmt().get() == child
                        ? i.getThenStmt() : null;
                if (other != null && addsTo(other, wrapper)) {
                    continue;
                }
                return true;
            }
            if (p instanceof IfStmt || p instanceof SwitchEntry || p instanceof ForStmt || p instanceof ForEachStmt
                    || p instanceof WhileStmt || p instanceof LambdaExpr) {
                return true;
            }
        }
        return false;
    }

    /** Whether a branch calls a method on the wrapper ({@code w.eq(..)}). */
    private static boolean addsTo(Node branch, String wrapper) {
        for (MethodCallExpr m : branch.findAll(MethodCallExpr.class)) {
            Expression root = m;
            while (root instanceof MethodCallExpr r) {
                root = r.getScope().orElse(null);
            }
            if (root instanceof NameExpr n && n.getNameAsString().equals(wrapper)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The WHERE (and GROUP BY, and the text of {@code last(..)}) a wrapper writes.
     *
     * @param opaque      whether a part of it is built where this call cannot see
     * @param conditional whether every predicate may be left out
     */
    /**
     * What a wrapper writes: its WHERE (and GROUP BY, and {@code last(..)}), and the columns it selects when it names
     * them ({@code select("SUM(price) AS total")}, {@code select(User::getId)}); empty for the entity's columns.
     */
    private record Where(String text, boolean opaque, boolean conditional, Set<String> optional, String select) {

        Where(String text, boolean opaque, boolean conditional, Set<String> optional) {
            this(text, opaque, conditional, optional, "");
        }

        static final Where NONE = new Where("", false, false, Set.of());
        static final Where OPAQUE = new Where(" WHERE " + ConstantFolderSupport.DYNAMIC, true, false, Set.of());

        static Where of(List<MethodCallExpr> conditions, List<MethodCallExpr> underIf) {
            List<String> always = new ArrayList<>();
            List<String> maybe = new ArrayList<>();
            Set<String> optional = new java.util.TreeSet<>();
            Set<String> certain = new java.util.HashSet<>();
            boolean or = false;
            String group = "";
            String last = "";
            boolean opaque = false;
            String select = "";
            List<MethodCallExpr> all = new ArrayList<>(conditions);
            all.addAll(underIf);
            for (MethodCallExpr c : all) {
                String written = c.getNameAsString();
                // yudao's LambdaQueryWrapperX: eqIfPresent(User::getName, name) applies only when the value is given
                boolean ifPresent = written.endsWith("IfPresent") && written.length() > "IfPresent".length();
                String name = ifPresent ? written.substring(0, written.length() - "IfPresent".length()) : written;
                List<Expression> args = c.getArguments();
                if (name.equals("last") && !args.isEmpty()) {
                    last = " " + lastText(args.get(args.size() - 1));
                    continue;
                }
                if (name.equals("select") && !args.isEmpty()) {
                    select = selected(args);
                    continue;
                }
                if (name.equals("groupBy") && !args.isEmpty()) {
                    Expression first = args.get(0);
                    int at = first instanceof BooleanLiteralExpr || !columnLike(first) ? 1 : 0;
                    group = at < args.size() ? " GROUP BY " + column(args.get(at)) : "";
                    continue;
                }
                boolean comparison = COMPARISONS.containsKey(name);
                if (!comparison && !UNREAD_CONDITIONS.contains(name)) {
                    continue; // orderBy, select, ...
                }
                if (name.equals("or") && args.isEmpty()) {
                    or = true; // eq(a).or().eq(b): the next condition is OR'd with what came before
                    continue;
                }
                if (name.equals("and") && args.isEmpty()) {
                    continue;
                }
                // eq(boolean condition, column, value): one argument more than the plain form, led by no column
                boolean leading = !args.isEmpty() && !columnLike(args.get(0)) && (comparison
                        ? args.size() > arity(name) : !(args.get(0) instanceof LambdaExpr)
                        && args.size() > 1);
                if (leading && args.get(0) instanceof BooleanLiteralExpr b && !b.getValue()) {
                    continue; // eq(false, ...): never applies
                }
                boolean mayBeLeftOut = leading && !(args.get(0) instanceof BooleanLiteralExpr)
                        || underIf.contains(c) || ifPresent;
                int at = leading ? 1 : 0;
                String column = comparison && at < args.size() ? column(args.get(at)) : ConstantFolderSupport.DYNAMIC;
                String predicate = comparison ? column + " " + COMPARISONS.get(name) : ConstantFolderSupport.DYNAMIC;
                opaque |= !comparison;
                boolean ored = or && !always.isEmpty();
                if (ored) {
                    // a OR b: one predicate, of what came before and this one; neither column is a lookup alone
                    predicate = "(" + always.remove(always.size() - 1) + " OR " + predicate + ")";
                }
                or = false;
                (mayBeLeftOut ? maybe : always).add(predicate);
                if (comparison && !ored) {
                    (mayBeLeftOut ? optional : certain).add(column.toLowerCase(java.util.Locale.ROOT));
                }
            }
            List<String> predicates = new ArrayList<>(always);
            predicates.addAll(maybe);
            String where = predicates.isEmpty() ? "" : " WHERE " + String.join(" AND ", predicates);
            optional.removeAll(certain);
            return new Where(where + group + last, opaque, always.isEmpty() && !maybe.isEmpty(), optional, select);
        }

        /**
         * The select list a wrapper's {@code select(..)} writes: its string literals as written ({@code "SUM(price) AS
         * total"}), or the columns of its getters; empty (the entity's columns) for any other form, such as a
         * predicate over the entity's fields.
         */
        private static String selected(List<Expression> args) {
            if (args.stream().allMatch(Expression::isStringLiteralExpr)) {
                return String.join(", ", args.stream().map(a -> a.asStringLiteralExpr().asString()).toList());
            }
            if (args.stream().allMatch(Expression::isMethodReferenceExpr)) {
                return String.join(", ", args.stream().map(MybatisPlusCalls::column).toList());
            }
            return "";
        }

        /** The arguments of a comparison's plain form (a column and its values). */
        private static int arity(String name) {
            return switch (name) {
                case "isNull", "isNotNull" -> 1;
                case "between", "notBetween" -> 3;
                default -> 2;
            };
        }

        /** {@code last("limit 1")}, {@code last("LIMIT " + n)}: the text it appends. */
        private static String lastText(Expression e) {
            if (e instanceof StringLiteralExpr s) {
                return s.asString();
            }
            if (e instanceof BinaryExpr b && b.getLeft() instanceof StringLiteralExpr s) {
                return s.asString() + " ?";
            }
            return ConstantFolderSupport.DYNAMIC;
        }
    }

    /** Whether an argument names a column: a getter reference, a string, an upper-case constant. */
    private static boolean columnLike(Expression e) {
        return e instanceof MethodReferenceExpr || e instanceof StringLiteralExpr
                || e instanceof NameExpr n && n.getNameAsString().matches("[A-Z][A-Z0-9_]*")
                || e instanceof FieldAccessExpr f && f.getNameAsString().matches("[A-Z][A-Z0-9_]*");
    }

    /** The column an argument names: {@code User::getDeptId} is {@code dept_id}, as MyBatis-Plus maps it by default. */
    private static String column(Expression e) {
        if (e instanceof MethodReferenceExpr r) {
            String getter = r.getIdentifier();
            String property = getter.startsWith("get") && getter.length() > 3 ? getter.substring(3)
                    : getter.startsWith("is") && getter.length() > 2 ? getter.substring(2) : getter;
            return SchemaModel.Entity.snakeCase(property);
        }
        if (e instanceof StringLiteralExpr s && s.asString().matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            return s.asString();
        }
        return ConstantFolderSupport.DYNAMIC;
    }
}
