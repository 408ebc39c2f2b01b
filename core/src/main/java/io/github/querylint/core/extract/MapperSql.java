package io.github.querylint.core.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces MyBatis dynamic SQL ({@code <where>}, {@code <if>}, {@code <choose>}, {@code <foreach>},
 * {@code <trim>}, {@code <set>}, {@code <bind>}) to one statement that parses: every {@code <if>}
 * kept, one branch of a {@code <choose>} (its {@code <otherwise>}, the broadest most often, else the first
 * {@code <when>}), one iteration of a {@code <foreach>} with its
 * {@code open}/{@code close}, and the prefixes and overrides of {@code <where>}, {@code <set>} and
 * {@code <trim>} applied as MyBatis applies them. Notes whether the WHERE clause may vanish at run time.
 */
public final class MapperSql {

    /** Marks a {@code <choose>} made here of a run of exclusive {@code <if>}s, whose first branch is the one to show. */
    private static final String SYNTHETIC = "querylint:synthetic";

    /**
     * @param text              the SQL skeleton
     * @param dynamic           whether {@code ${...}} text substitution occurs
     * @param filterConditional whether every predicate of the WHERE clause sits in a conditional tag,
     *                          so the query may run unfiltered
     * @param optionalColumns   the columns compared to a value only inside a conditional tag
     *                          ({@code <if test="id != null"> AND id = #{id}</if>}), lower case
     */
    public record Flat(String text, boolean dynamic, boolean filterConditional, Set<String> optionalColumns) {

        public Flat(String text, boolean dynamic, boolean filterConditional) {
            this(text, dynamic, filterConditional, Set.of());
        }
    }


    private static final Pattern TAG = Pattern.compile("<(/?)([\\w.-]+)((?:\\s+[\\w.:-]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*'))*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w.:-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    /**
     * A separator left before a closing bracket: a {@code <foreach>} whose items write their own separator, all but the
     * last ({@code #{id} <choose><when test="index == size - 1"/><otherwise>,</otherwise></choose>}, Camunda's), shown once.
     */
    private static final Pattern DANGLING_SEPARATOR = Pattern.compile(",\\s*\\)");
    private static final Pattern WHERE = Pattern.compile("(?i)\\bwhere\\b");
    /** Where the WHERE clause of the outer statement ends. */
    private static final Pattern CLAUSE_END = Pattern.compile("(?i)\\b(order\\s+by|group\\s+by|having|limit|offset|fetch|union|for\\s+update)\\b");
    /** Text that filters nothing: {@code 1=1}, {@code true}, a dangling connective or bracket. */
    private static final Pattern TRIVIAL = Pattern.compile("(?is)(\\s|\\(|\\)|\\band\\b|\\bor\\b|1\\s*=\\s*1|\\btrue\\b|0\\s*=\\s*0)*");

    private MapperSql() {
    }

    /** A tag with its attributes and children, or a text (tag null). */
    private record Node(String tag, Map<String, String> attributes, List<Node> children, String text) {
        boolean isText() {
            return tag == null;
        }
    }

    public static Flat flatten(String xmlish) {
        if (xmlish.indexOf('<') < 0) {
            String text = unescape(xmlish);
            return new Flat(text, text.contains("${"), false);
        }
        Node root = parse(xmlish);
        pairOpposites(root);
        String text = unescape(render(root, new java.util.HashSet<>())).strip().replaceAll("[ \\t]*\\n\\s*\\n", "\n");
        text = DANGLING_SEPARATOR.matcher(text).replaceAll(")");
        return new Flat(text, text.contains("${"), conditionalFilter(root), optionalColumns(root));
    }

    /**
     * The text without its {@code --} line comments (outside quotes): a statement is put on one line to be judged, and a
     * comment kept there would swallow everything after it ({@code SELECT -- turnover\n SUM(..) FROM ..}).
     */
    public static String withoutLineComments(String sql) {
        if (!sql.contains("--")) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = sql.indexOf(c, i + 1);
                int end = close < 0 ? n : close + 1;
                out.append(sql, i, end);
                i = end - 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                out.append(' ');
                i = eol < 0 ? n : eol - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The columns compared to a value inside a conditional tag and nowhere outside one. */
    private static Set<String> optionalColumns(Node root) {
        Set<String> conditional = new java.util.TreeSet<>();
        Set<String> always = new java.util.HashSet<>();
        equalities(root, false, conditional, always);
        conditional.removeAll(always);
        return conditional;
    }

    private static void equalities(Node n, boolean conditional, Set<String> sometimes, Set<String> always) {
        if (n.isText()) {
            (conditional ? sometimes : always).addAll(Equalities.columns(unescape(n.text())));
            return;
        }
        boolean inside = conditional || n.tag().equals("if") || n.tag().equals("when") || n.tag().equals("otherwise")
                || n.tag().equals("foreach");
        for (Node child : n.children()) {
            equalities(child, inside, sometimes, always);
        }
    }

    private static Node parse(String xmlish) {
        Node root = new Node("#root", Map.of(), new ArrayList<>(), null);
        Deque<Node> open = new ArrayDeque<>();
        open.push(root);
        Matcher m = TAG.matcher(xmlish);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                open.peek().children().add(text(xmlish.substring(last, m.start())));
            }
            last = m.end();
            String tag = m.group(2).toLowerCase(Locale.ROOT);
            if (!m.group(1).isEmpty()) {
                // close the nearest open element of that name (tolerates stray closers)
                if (open.stream().anyMatch(n -> tag.equals(n.tag()))) {
                    while (open.size() > 1 && !tag.equals(open.peek().tag())) {
                        open.pop();
                    }
                    if (open.size() > 1) {
                        open.pop();
                    }
                }
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(3));
            while (a.find()) {
                attributes.put(a.group(1), a.group(2) != null ? a.group(2) : a.group(3));
            }
            Node element = new Node(tag, attributes, new ArrayList<>(), null);
            open.peek().children().add(element);
            if (m.group(4).isEmpty() && !tag.equals("include") && !tag.equals("bind")) {
                open.push(element);
            }
        }
        if (last < xmlish.length()) {
            open.peek().children().add(text(xmlish.substring(last)));
        }
        return root;
    }

    /**
     * A test that compares one property with one value, {@code user.name != null}, {@code type == 'a'}: the
     * same sides with the other operator are its opposite, and {@code type == 'b'} excludes it. Compound tests
     * ({@code a != null and b == null}) are left alone.
     */
    private static final Pattern TEST = Pattern.compile(
            "\\s*([\\w.]+(?:\\(\\))?)\\s*(!=|==)\\s*(\\w+|'[^']*'|\"[^\"]*\")\\s*");
    private static final Pattern LITERAL = Pattern.compile("\\d+|'[^']*'|\"[^\"]*\"");

    /**
     * MyBatis has no else: {@code <if test="x != null">A</if><if test="x == null">B</if>} says one, and
     * {@code <if test="kind == 'a'">A</if><if test="kind == 'b'">B</if>} says at most one of them. Such a run of
     * {@code <if>}s becomes a {@code <choose>}, so that one branch stands for all (the first of plain text, when
     * others are built at run time); a test and its opposite cover every case, so the second is the
     * {@code <otherwise>}, and a WHERE with a predicate in both always filters.
     */
    private static void pairOpposites(Node node) {
        List<Node> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            Node first = children.get(i);
            if (first.isText()) {
                continue;
            }
            pairOpposites(first);
            if (!first.tag().equals("if")) {
                continue;
            }
            List<Node> run = new ArrayList<>(List.of(first));
            int end = i;
            while (true) {
                int j = end + 1;
                while (j < children.size() && children.get(j).isText() && children.get(j).text().isBlank()) {
                    j++;
                }
                Node next = j < children.size() ? children.get(j) : null;
                if (next == null || next.isText() || !next.tag().equals("if")
                        || !run.stream().allMatch(n -> exclusive(n, next))) {
                    break;
                }
                pairOpposites(next);
                run.add(next);
                end = j;
            }
            if (run.size() < 2) {
                continue;
            }
            boolean complete = run.size() == 2 && opposite(run.get(0), run.get(1));
            Node shown = run.stream().filter(n -> !renderChildren(n, new java.util.HashSet<>()).contains("${")).findFirst().orElse(first);
            List<Node> branches = new ArrayList<>();
            branches.add(new Node("when", shown.attributes(), shown.children(), null));
            for (Node n : run) {
                if (n != shown) {
                    branches.add(new Node(complete ? "otherwise" : "when", n.attributes(), n.children(), null));
                }
            }
            children.subList(i, end + 1).clear();
            children.add(i, new Node("choose", Map.of(SYNTHETIC, "true"), branches, null));
        }
    }

    private static boolean opposite(Node a, Node b) {
        return opposite(test(a), test(b)) || negates(a.attributes().get("test"), b.attributes().get("test"));
    }

    /**
     * De Morgan's opposites: {@code _databaseId != 'db2' and _databaseId != 'mssql'} and {@code _databaseId == 'db2'
     * || _databaseId == 'mssql'}, each simple comparison of one flipped, and the connective too.
     */
    private static boolean negates(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        List<Matcher> x = comparisons(unescape(a), true);
        List<Matcher> y = comparisons(unescape(b), false);
        if (x == null || y == null) {
            x = comparisons(unescape(a), false);
            y = comparisons(unescape(b), true);
        }
        if (x == null || y == null || x.size() != y.size() || x.size() < 2) {
            return false;
        }
        for (Matcher m : x) {
            if (y.stream().noneMatch(n -> opposite(m, n))) {
                return false;
            }
        }
        return true;
    }

    /** The simple comparisons a test joins, all by {@code and} (or all by {@code or}); null for any other test. */
    private static List<Matcher> comparisons(String test, boolean and) {
        if (test.contains("(") && !test.matches("[^(]*\\(\\)[^(]*")) {
            return null;
        }
        String other = and ? "(?i).*(\\sor\\s|\\|\\|).*" : "(?i).*(\\sand\\s|&&).*";
        if (test.matches(other)) {
            return null;
        }
        List<Matcher> out = new ArrayList<>();
        for (String part : test.split(and ? "(?i)\\s+and\\s+|&&" : "(?i)\\s+or\\s+|\\|\\|")) {
            Matcher m = TEST.matcher(part);
            if (!m.matches()) {
                return null;
            }
            out.add(m);
        }
        return out;
    }

    /** {@code x != null} and {@code x == null}: one property, one value, the two operators. */
    private static boolean opposite(Matcher x, Matcher y) {
        return x != null && y != null && x.group(1).equals(y.group(1)) && x.group(3).equals(y.group(3))
                && !x.group(2).equals(y.group(2));
    }

    /**
     * Whether at most one of two {@code <if>}s applies: opposite tests, one property equal to two values, or a test
     * whose opposite is one of the other's {@code and}-ed conditions ({@code x == null}, then
     * {@code x != null and x != 'all'}).
     */
    private static boolean exclusive(Node a, Node b) {
        if (contradicts(a, b) || contradicts(b, a)) { // a test and its opposite too: one and-ed condition
            return true;
        }
        if (negates(a.attributes().get("test"), b.attributes().get("test"))) {
            return true;
        }
        Matcher x = test(a);
        Matcher y = test(b);
        return x != null && y != null && x.group(1).equals(y.group(1)) && x.group(2).equals("==")
                && y.group(2).equals("==") && LITERAL.matcher(x.group(3)).matches()
                && LITERAL.matcher(y.group(3)).matches() && !x.group(3).equals(y.group(3));
    }

    /** Whether one of {@code b}'s and-ed conditions is the opposite of {@code a}'s whole (simple) test. */
    private static boolean contradicts(Node a, Node b) {
        Matcher x = test(a);
        String t = b.attributes().get("test");
        if (x == null || t == null) {
            return false;
        }
        for (String part : unescape(t).split("(?i)\\s+and\\s+|&&")) {
            Matcher y = TEST.matcher(part);
            if (y.matches() && opposite(x, y)) {
                return true;
            }
        }
        return false;
    }

    private static Matcher test(Node n) {
        String t = n.attributes().get("test");
        if (t == null) {
            return null;
        }
        Matcher m = TEST.matcher(t);
        return m.matches() ? m : null;
    }

    private static Node text(String s) {
        return new Node(null, Map.of(), List.of(), s);
    }

    private static String render(Node node, Set<String> untrue) {
        if (node.isText()) {
            return node.text();
        }
        switch (node.tag()) {
            case "bind", "selectkey" -> {
                return " ";
            }
            case "include" -> {
                return " " + ConstantFolderSupport.DYNAMIC + " "; // a fragment that was not found
            }
            case "choose" -> {
                // one branch at a time: the <otherwise>, what runs when no specific condition holds (the broadest,
                // most often), else the first <when>, stands for all of them
                // (a choice made of a run of <if>s put the branch to show first)
                boolean synthetic = node.attributes().containsKey(SYNTHETIC);
                Node shown = null;
                for (Node child : node.children()) {
                    if (child.isText()) {
                        continue;
                    }
                    String rendered = child.tag().equals("otherwise") && !synthetic ? renderChildren(child, untrue) : "";
                    if (!rendered.isBlank() && !rendered.contains("${")) {
                        shown = child;
                    } else if (shown == null && (child.tag().equals("when") || child.tag().equals("otherwise"))) {
                        shown = child;
                    }
                }
                if (shown == null) {
                    return " ";
                }
                String out = " " + renderChildren(shown, untrue) + " ";
                if (shown.tag().equals("otherwise") && !synthetic) {
                    // the <otherwise> runs when no <when> holds: a later <if> of the same test does not run either
                    node.children().stream().filter(c -> !c.isText() && c.tag().equals("when"))
                            .map(c -> normalTest(c.attributes().get("test"))).forEach(untrue::add);
                }
                return out;
            }
            case "if" -> {
                return untrue.contains(normalTest(node.attributes().get("test"))) ? " " : " " + renderChildren(node, untrue) + " ";
            }
            case "where" -> {
                String inner = stripLeading(renderConditions(node, untrue).strip(), "AND |OR ");
                return inner.isBlank() ? " " : " WHERE " + inner + " ";
            }
            case "set" -> {
                String inner = stripTrailing(renderChildren(node, untrue).strip(), ",");
                return inner.isBlank() ? " " : " SET " + inner + " ";
            }
            case "trim" -> {
                String inner = (node.attributes().getOrDefault("prefixOverrides", "").toUpperCase(java.util.Locale.ROOT)
                        .contains("AND") ? renderConditions(node, untrue) : renderChildren(node, untrue)).strip();
                inner = stripLeading(inner, node.attributes().getOrDefault("prefixOverrides", ""));
                inner = stripTrailing(inner, node.attributes().getOrDefault("suffixOverrides", ""));
                if (inner.isBlank()) {
                    return " ";
                }
                return " " + node.attributes().getOrDefault("prefix", "") + " " + inner + " "
                        + node.attributes().getOrDefault("suffix", "") + " ";
            }
            case "foreach" -> {
                // the one iteration shown is the first: <if test="index > 0">OR</if>, a separator written by hand
                // before every later item, writes nothing in it
                String index = node.attributes().getOrDefault("index", "").strip();
                StringBuilder sb = new StringBuilder();
                for (Node child : node.children()) {
                    if (!index.isEmpty() && !child.isText() && child.tag().equals("if")
                            && laterIterationsOnly(child.attributes().getOrDefault("test", ""), index)) {
                        continue;
                    }
                    sb.append(render(child, untrue));
                }
                return " " + node.attributes().getOrDefault("open", "") + sb
                        + node.attributes().getOrDefault("close", "") + " ";
            }
            default -> {
                return " " + renderChildren(node, untrue) + " ";
            }
        }
    }

    /** A test as written, without its spacing: the same condition tested twice reads the same. */
    private static String normalTest(String test) {
        return test == null ? "" : unescape(test).replaceAll("\\s+", "");
    }

    /** {@code index > 0}, {@code index != 0}, {@code index gt 0}: true from the second iteration on. */
    private static boolean laterIterationsOnly(String test, String index) {
        return unescape(test).strip().matches(java.util.regex.Pattern.quote(index) + "\\s*(>|!=|gt\\b|neq\\b)\\s*0");
    }

    /**
     * The conditions of a {@code <where>}: every branch is shown at once, so a branch written without its own
     * {@code AND} (each meant to hold alone: {@code <if test="id != null">RES.ID_ = #{id}</if><if ..>RES.NAME_ = ..})
     * is joined to the one before it by one.
     */
    private static String renderConditions(Node node, Set<String> untrue) {
        StringBuilder sb = new StringBuilder();
        for (Node child : node.children()) {
            String rendered = render(child, untrue);
            if (!child.isText() && (child.tag().equals("if") || child.tag().equals("choose")) && !rendered.isBlank()
                    && !STARTS_WITH_CONNECTOR.matcher(rendered).find() && !sb.toString().isBlank()
                    && !ENDS_OPEN.matcher(sb).find()) {
                sb.append(" AND");
            }
            sb.append(rendered);
        }
        return sb.toString();
    }

    /** A branch that starts with its own connector, or with a clause after the WHERE ({@code order by} in a {@code <where>}). */
    private static final java.util.regex.Pattern STARTS_WITH_CONNECTOR = java.util.regex.Pattern.compile(
            "(?i)^\\s*(and|or|order\\s+by|group\\s+by|having|limit|offset|union|for\\s+update|fetch|window)\\b|^\\s*[),]");
    private static final java.util.regex.Pattern ENDS_OPEN =
            java.util.regex.Pattern.compile("(?i)(\\b(and|or|not|where)|[(,=])\\s*$");

    private static String renderChildren(Node node, Set<String> untrue) {
        StringBuilder sb = new StringBuilder();
        for (Node child : node.children()) {
            sb.append(render(child, untrue));
        }
        return sb.toString();
    }

    /** MyBatis's prefixOverrides: "AND |OR " removes one leading AND or OR (case-insensitive). */
    private static String stripLeading(String text, String overrides) {
        for (String o : overrides.split("\\|")) {
            String token = o.strip();
            if (!token.isEmpty() && text.regionMatches(true, 0, token, 0, token.length())
                    && (text.length() == token.length() || !Character.isLetterOrDigit(text.charAt(token.length()))
                    || !Character.isLetterOrDigit(token.charAt(token.length() - 1)))) {
                return text.substring(token.length()).strip();
            }
        }
        return text;
    }

    private static String stripTrailing(String text, String overrides) {
        for (String o : overrides.split("\\|")) {
            String token = o.strip();
            if (!token.isEmpty() && text.length() >= token.length()
                    && text.regionMatches(true, text.length() - token.length(), token, 0, token.length())) {
                return text.substring(0, text.length() - token.length()).strip();
            }
        }
        return text;
    }

    /**
     * Whether the outer WHERE clause holds no predicate outside a conditional tag: a {@code <where>}
     * (or {@code <trim prefix="WHERE">}) of {@code <if>}s only, or {@code WHERE 1=1} followed by
     * {@code <if>}s. A {@code <choose>} with an {@code <otherwise>} always filters, and so does a
     * text {@code WHERE} directly followed by a tag, which cannot vanish without breaking the statement.
     */
    private static boolean conditionalFilter(Node root) {
        List<Node> top = root.children();
        for (Node child : top) {
            Boolean where = whereTag(child, false);
            if (where != null) {
                return where;
            }
        }
        // WHERE written as text, then tags: look from the last top-level WHERE to the end of the clause
        for (int i = top.size() - 1; i >= 0; i--) {
            Node child = top.get(i);
            if (!child.isText()) {
                continue;
            }
            Matcher w = WHERE.matcher(child.text());
            int at = -1;
            while (w.find()) {
                at = w.end();
            }
            if (at < 0) {
                continue;
            }
            if (child.text().substring(at).isBlank() && i + 1 < top.size() && !top.get(i + 1).isText()) {
                // WHERE <foreach ...> or WHERE <if ...>: when the tag writes nothing, a bare WHERE is left and
                // the statement fails; it never reads every row, so the filter is what the tag writes
                return false;
            }
            List<Node> clause = new ArrayList<>();
            clause.add(text(child.text().substring(at)));
            clause.addAll(top.subList(i + 1, top.size()));
            List<Node> bounded = new ArrayList<>();
            boolean conditionalPart = false;
            for (Node n : clause) {
                if (n.isText()) {
                    Matcher end = CLAUSE_END.matcher(n.text());
                    if (end.find()) {
                        bounded.add(text(n.text().substring(0, end.start())));
                        break;
                    }
                } else {
                    conditionalPart = true;
                }
                bounded.add(n);
            }
            return conditionalPart && !unconditional(bounded);
        }
        // no WHERE in the text: one written inside an <if> comes and goes with its condition
        for (Node child : top) {
            if (!child.isText() && whereSometimes(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a top-level tag writes the statement's WHERE only sometimes: an {@code <if>} that opens with it, or a
     * {@code <choose>} where a branch does and another branch, or the missing {@code <otherwise>}, does not.
     */
    private static boolean whereSometimes(Node n) {
        switch (n.tag()) {
            case "if" -> {
                return opensWhere(n.children());
            }
            case "choose" -> {
                boolean otherwise = false;
                boolean some = false;
                boolean all = true;
                for (Node branch : n.children()) {
                    if (branch.isText() || !(branch.tag().equals("when") || branch.tag().equals("otherwise"))) {
                        continue;
                    }
                    otherwise |= branch.tag().equals("otherwise");
                    boolean where = opensWhere(branch.children());
                    some |= where;
                    all &= where;
                }
                return some && (!otherwise || !all);
            }
            default -> {
                return false;
            }
        }
    }

    /** Whether {@code nodes} open with the WHERE keyword: the tag writes the clause, and nothing before it. */
    private static boolean opensWhere(List<Node> nodes) {
        for (Node n : nodes) {
            if (!n.isText()) {
                return false;
            }
            String t = n.text().strip();
            if (!t.isEmpty()) {
                Matcher w = WHERE.matcher(t);
                return w.lookingAt();
            }
        }
        return false;
    }

    /**
     * For the first {@code <where>} (or {@code <trim prefix="WHERE">}) at or under a node outside a loop: whether
     * it may vanish, because it holds only conditional predicates or sits itself in an {@code <if>} (MyBatis
     * Generator's {@code <if test="_parameter != null"><include refid="Example_Where_Clause"/></if>}); null when
     * there is none.
     */
    private static Boolean whereTag(Node n, boolean underCondition) {
        if (n.isText() || n.tag().equals("foreach") || n.tag().equals("choose")) {
            return null;
        }
        if (n.tag().equals("where") || n.tag().equals("trim")
                && n.attributes().getOrDefault("prefix", "").strip().equalsIgnoreCase("where")) {
            return underCondition || !unconditional(n.children());
        }
        boolean conditional = underCondition || n.tag().equals("if");
        for (Node child : n.children()) {
            Boolean found = whereTag(child, conditional);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Whether some text of these nodes filters rows whatever the conditions. */
    private static boolean unconditional(List<Node> nodes) {
        for (Node n : nodes) {
            if (n.isText()) {
                if (!TRIVIAL.matcher(unescape(n.text())).matches()) {
                    return true;
                }
                continue;
            }
            switch (n.tag()) {
                case "if", "when", "bind" -> {
                    // conditional, or no text at all
                }
                case "choose" -> {
                    for (Node branch : n.children()) {
                        if (!branch.isText() && branch.tag().equals("otherwise") && unconditional(branch.children())) {
                            return true;
                        }
                    }
                }
                case "foreach" -> {
                    // runs zero times for an empty collection
                }
                default -> {
                    if (unconditional(n.children())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
