package io.github.querylint.core.extract;

import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.LineIndex;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SecureXml;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * MyBatis mapper XML ({@code <select>}, {@code <insert>}, {@code <update>}, {@code <delete>} with
 * {@code <sql>}/{@code <include>} fragments, also from other mappers by namespace, and dynamic
 * tags), JPA mapping files ({@code <named-query>}, {@code <named-native-query>}) and Hibernate's
 * {@code hbm.xml} ({@code <query>}, {@code <sql-query>}; one declared in a {@code <class>} is named after the
 * entity, {@code com.shop.Order.byStatus}, as Hibernate names it). A mapper
 * statement learns how its rows are read from the method of the same name on the Java mapper
 * interface its namespace names ({@code List}, {@code Cursor}, a single object, a
 * {@code RowBounds} parameter), or else from the code's {@code SqlSession} calls that run it by id
 * ({@code selectList("ns.id")}, see {@link StatementCalls}); without either its cardinality stays UNKNOWN. Parsed with external
 * entities and DTDs disabled: a mapper never makes the run read another file or the network.
 */
public final class MapperXmlExtractor implements Extractor {

    private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");
    /** The hbm.xml elements that map an entity, whose queries Hibernate names after it. */
    private static final Set<String> HBM_CLASSES = Set.of("class", "subclass", "joined-subclass", "union-subclass");
    private static final Pattern INCLUDE = Pattern.compile(
            "<include\\s+refid=\"([^\"]+)\"\\s*>(.*?)</include>", Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("<property\\s+name=\"([^\"]*)\"\\s+value=\"([^\"]*)\"\\s*>");

    private final ProjectConstants index;

    public MapperXmlExtractor(ProjectConstants index) {
        this.index = index;
    }

    public MapperXmlExtractor() {
        this(ProjectConstants.EMPTY);
    }

    @Override
    public boolean accepts(SourceFile file) {
        return file.kind() == SourceKind.XML;
    }

    private static boolean isMapper(String text) {
        return text.contains("<mapper");
    }

    private static boolean isJpaMapping(String text) {
        return text.contains("named-query") || text.contains("named-native-query")
                || text.contains("<hibernate-mapping") && (text.contains("<query") || text.contains("<sql-query"));
    }

    /** First pass: the mapper's namespace, its fragments and the JPA named queries, into the index. */
    static void index(SourceFile file, String text, ProjectConstants index) {
        if (!isMapper(text) && !isJpaMapping(text)) {
            return;
        }
        Optional<Handler> parsed = parse(file, text, null);
        if (parsed.isEmpty()) {
            return;
        }
        Handler h = parsed.get();
        index.addMapperNamespace(h.namespace);
        h.fragments.forEach((id, body) -> {
            if (!id.contains(".")) {
                index.addFragment(h.namespace, id, body, file.path());
            }
        });
        for (Statement s : h.statements) {
            if (s.jpa && !s.id.isEmpty()) {
                index.addNamedQuery(new ProjectConstants.NamedQuery(s.id, s.body.strip(),
                        s.nativeQuery ? QueryLanguage.SQL : QueryLanguage.JPQL, s.location, false));
            }
        }
    }

    @Override
    public void extract(SourceFile file, String text, ExtractionSink out) {
        if (!isMapper(text) && !isJpaMapping(text)) {
            return;
        }
        Optional<Handler> parsed = parse(file, text, out);
        if (parsed.isEmpty()) {
            return;
        }
        Handler handler = parsed.get();
        for (Statement s : handler.statements) {
            if (s.jpa) {
                // judged by how the code's calls run it by name (createNamedQuery), reported here
                CallSite site = s.id.isEmpty() ? CallSite.UNKNOWN : index.namedQueryReading(s.id);
                out.query(new QueryUnit(s.location, QueryOrigin.NAMED_QUERY, s.nativeQuery ? QueryLanguage.SQL
                        : QueryLanguage.JPQL, s.body.strip(), site, false, false, Set.of(), List.of()));
                continue;
            }
            String raw = resolveIncludes(s.body, handler.namespace, handler.fragments, 0);
            MapperSql.Flat flat = MapperSql.flatten(raw);
            String sql = MapperSql.withoutLineComments(flat.text()).strip().replaceAll("\\s+", " ").replace(" ,", ",");
            boolean missingFragment = sql.contains(ConstantFolderSupport.DYNAMIC);
            out.query(new QueryUnit(s.location, QueryOrigin.MYBATIS_XML, QueryLanguage.SQL, sql,
                    callSite(handler.namespace, s), flat.dynamic() || missingFragment, flat.filterConditional(),
                    Set.of(), List.of(), flat.optionalColumns()));
        }
    }

    /** How the rows are read, from the mapper interface's method of the same id. */
    private CallSite callSite(String namespace, Statement s) {
        boolean select = s.kind.equals("select");
        Optional<ProjectConstants.MapperMethod> method = index.mapperMethod(namespace, s.id);
        if (!select) {
            return new CallSite(method.map(ProjectConstants.MapperMethod::returnType).orElse(""), Cardinality.UPDATE_COUNT,
                    "", false, simpleName(namespace), s.id);
        }
        String paged = index.pagedByPageHelper(namespace, s.id) ? "PageHelper.startPage" : "";
        if (method.isEmpty()) {
            // no mapper interface: the code may run the statement by its id through a SqlSession
            return index.statementCall(namespace, s.id)
                    .map(read -> new CallSite(read.cardinality() == Cardinality.COLLECTION ? "List" : "", read.cardinality(),
                            read.bound().isEmpty() ? paged : read.bound(), false, simpleName(namespace), s.id))
                    .orElseGet(() -> new CallSite("", Cardinality.UNKNOWN, paged, false, simpleName(namespace), s.id));
        }
        ProjectConstants.MapperMethod m = method.get();
        return new CallSite(m.returnType(), m.cardinality(), m.bound().isEmpty() ? paged : m.bound(), false,
                simpleName(namespace), s.id);
    }

    private static String simpleName(String namespace) {
        return namespace.contains(".") ? namespace.substring(namespace.lastIndexOf('.') + 1) : namespace;
    }

    /** Parses the XML; empty (with a notice when {@code out} is given) when it is not well-formed. */
    private static Optional<Handler> parse(SourceFile file, String text, ExtractionSink out) {
        Handler handler = new Handler(file, new LineIndex(text), text);
        try {
            SAXParser parser = secureFactory().newSAXParser();
            parser.parse(new InputSource(new StringReader(text)), handler);
            return Optional.of(handler);
        } catch (SAXParseException e) {
            if (out != null) {
                out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), Math.max(1, e.getLineNumber()), 1),
                        "XML could not be parsed, its queries were not analysed: " + e.getMessage()));
            }
        } catch (Exception e) {
            if (out != null) {
                out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), 1, 1),
                        "XML could not be parsed, its queries were not analysed: " + e.getMessage()));
            }
        }
        return Optional.empty();
    }

    static SAXParserFactory secureFactory() throws Exception {
        return SecureXml.saxParserFactory();
    }

    /**
     * Replaces each {@code <include refid>} with its fragment, as MyBatis does: a bare id names a
     * fragment of this mapper, a qualified one ({@code other.Mapper.columns}) a fragment of another
     * mapper of the tree; {@code <property>} values fill the fragment's {@code ${name}}s.
     */
    private String resolveIncludes(String body, String namespace, Map<String, String> local, int depth) {
        if (depth > 10 || !body.contains("<include")) {
            return body;
        }
        StringBuilder sb = new StringBuilder();
        Matcher m = INCLUDE.matcher(body);
        int last = 0;
        while (m.find()) {
            sb.append(body, last, m.start());
            String id = m.group(1);
            Map<String, String> properties = new HashMap<>();
            Matcher p = PROPERTY.matcher(m.group(2));
            while (p.find()) {
                properties.put(p.group(1), p.group(2));
            }
            String fragment = local.get(id);
            String fragmentNamespace = namespace;
            if (fragment == null) {
                fragment = index.fragment(id).or(() -> index.fragment(namespace + "." + id)).orElse(null);
                fragmentNamespace = id.contains(".") ? id.substring(0, id.lastIndexOf('.')) : namespace;
            }
            if (fragment == null) {
                sb.append(' ').append(ConstantFolderSupport.DYNAMIC).append(' ');
            } else {
                for (Map.Entry<String, String> e : properties.entrySet()) {
                    fragment = fragment.replace("${" + e.getKey() + "}", e.getValue());
                }
                Map<String, String> scope = fragmentNamespace.equals(namespace) ? local : Map.of();
                sb.append(' ').append(resolveIncludes(fragment, fragmentNamespace, scope, depth + 1)).append(' ');
            }
            last = m.end();
        }
        sb.append(body.substring(last));
        return sb.toString();
    }

    private record Statement(String kind, String id, Location location, String body, boolean jpa, boolean nativeQuery) {
    }

    /** Rebuilds each statement's inner markup (tags kept as text) with the line where its element starts. */
    private static final class Handler extends SecureXml.Handler {
        private final SourceFile file;
        private final LineIndex lines;
        private final String source;
        String namespace = "";
        final List<Statement> statements = new ArrayList<>();
        final Map<String, String> fragments = new HashMap<>();
        private final Deque<String> open = new ArrayDeque<>();
        private StringBuilder body;
        private String kind;
        private String id;
        private Location location;
        private boolean jpa;
        private boolean nativeQuery;
        private int depth;
        private boolean mapper;
        /** Inside {@code <hibernate-mapping>}: its package, and the classes around the current element. */
        private boolean hbm;
        private String hbmPackage = "";
        private final Deque<String> hbmClasses = new ArrayDeque<>();
        /** The statement is an hbm.xml query: its text is the element's own, not a {@code <query>} child's. */
        private boolean hbmQuery;

        Handler(SourceFile file, LineIndex lines, String source) {
            this.file = file;
            this.lines = lines;
            this.source = source;
        }

        /** SAX reports where a start tag ends; findings point where it starts ({@code <select}). */
        private int startLine(String qName) {
            if (locator == null) {
                return 1;
            }
            int line = Math.max(1, locator.getLineNumber());
            int column = Math.max(1, locator.getColumnNumber());
            int end = Math.min(source.length(), lines.offsetOfLine(line) + column - 1);
            int start = source.lastIndexOf("<" + qName, Math.max(0, end - 1));
            return start < 0 ? line : lines.line(start);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = qName.contains(":") ? qName.substring(qName.indexOf(':') + 1) : qName;
            if (name.equals("mapper")) {
                mapper = true;
                namespace = attributes.getValue("namespace") == null ? "" : attributes.getValue("namespace").strip();
            }
            if (name.equals("hibernate-mapping")) {
                hbm = true;
                hbmPackage = attributes.getValue("package") == null ? "" : attributes.getValue("package").strip();
            }
            if (body == null && hbm && HBM_CLASSES.contains(name)) {
                String entity = attributes.getValue("entity-name") != null ? attributes.getValue("entity-name")
                        : attributes.getValue("name") == null ? "" : attributes.getValue("name");
                entity = entity.strip();
                hbmClasses.push(!entity.contains(".") && !hbmPackage.isEmpty() && !entity.isEmpty()
                        ? hbmPackage + "." + entity : entity);
                return;
            }
            if (body == null && hbm && (name.equals("query") || name.equals("sql-query"))) {
                String own = attributes.getValue("name") == null ? "" : attributes.getValue("name").strip();
                body = new StringBuilder();
                kind = name;
                id = own.isEmpty() || hbmClasses.isEmpty() || hbmClasses.peek().isEmpty() ? own : hbmClasses.peek() + "." + own;
                location = new Location(file.path(), startLine(qName), 1);
                jpa = true;
                hbmQuery = true;
                nativeQuery = name.equals("sql-query");
                depth = 0;
                return;
            }
            if (body == null) {
                boolean statement = mapper && (STATEMENTS.contains(name) || name.equals("sql"));
                if (statement || name.equals("named-query") || name.equals("named-native-query")) {
                    body = new StringBuilder();
                    kind = name;
                    id = attributes.getValue(name.startsWith("named") ? "name" : "id");
                    id = id == null ? "" : id.strip();
                    location = new Location(file.path(), startLine(qName), 1);
                    jpa = name.startsWith("named");
                    hbmQuery = false;
                    nativeQuery = name.equals("named-native-query");
                    depth = 0;
                }
                return;
            }
            depth++;
            if (jpa) {
                open.push(name); // only the text of <query> counts, not <hint> or <lock-mode>
                return;
            }
            body.append('<').append(name);
            for (int i = 0; i < attributes.getLength(); i++) {
                body.append(' ').append(attributes.getQName(i)).append("=\"")
                        .append(attributes.getValue(i).replace("\"", "'").replace("<", "&lt;").replace(">", "&gt;"))
                        .append('"');
            }
            body.append('>');
            open.push(name);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (body == null) {
                String name = qName.contains(":") ? qName.substring(qName.indexOf(':') + 1) : qName;
                if (hbm && HBM_CLASSES.contains(name) && !hbmClasses.isEmpty()) {
                    hbmClasses.pop();
                }
                return;
            }
            if (depth == 0) {
                if (kind.equals("sql")) {
                    fragments.put(id, body.toString());
                    fragments.put(namespace + "." + id, body.toString());
                } else {
                    statements.add(new Statement(kind, id, location, body.toString(), jpa, nativeQuery));
                }
                body = null;
                return;
            }
            depth--;
            String name = open.isEmpty() ? "" : open.pop();
            if (jpa) {
                return;
            }
            body.append("</").append(name).append('>');
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (body == null) {
                return;
            }
            String text = new String(ch, start, length);
            if (!jpa) {
                body.append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            } else if (hbmQuery ? open.isEmpty() : "query".equals(open.peek())) {
                body.append(text); // not the text of <hint>, <lock-mode>, hbm.xml's <return> or <synchronize>
            }
        }
    }
}
