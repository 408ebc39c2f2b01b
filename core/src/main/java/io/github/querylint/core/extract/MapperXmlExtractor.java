package io.github.querylint.core.extract;

import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * MyBatis mapper XML ({@code <select>}, {@code <insert>}, {@code <update>}, {@code <delete>} with
 * {@code <sql>}/{@code <include>} fragments and dynamic tags) and JPA mapping files
 * ({@code <named-query>}, {@code <named-native-query>}). Parsed with external entities and DTDs
 * disabled: a mapper never makes the run read another file or the network.
 */
public final class MapperXmlExtractor implements Extractor {

    private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");

    @Override
    public boolean accepts(SourceFile file) {
        return file.kind() == SourceKind.XML;
    }

    @Override
    public void extract(SourceFile file, String text, ExtractionSink out) {
        boolean mybatis = text.contains("<mapper");
        boolean jpa = text.contains("named-query") || text.contains("named-native-query");
        if (!mybatis && !jpa) {
            return;
        }
        Handler handler = new Handler(file);
        try {
            SAXParser parser = secureFactory().newSAXParser();
            parser.parse(new InputSource(new StringReader(text)), handler);
        } catch (SAXParseException e) {
            out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), Math.max(1, e.getLineNumber()), 1),
                    "XML could not be parsed, its queries were not analysed: " + e.getMessage()));
            return;
        } catch (Exception e) {
            out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), 1, 1),
                    "XML could not be parsed, its queries were not analysed: " + e.getMessage()));
            return;
        }
        for (Statement s : handler.statements) {
            String raw = resolveIncludes(s.body, handler.fragments, 0);
            if (s.jpa) {
                out.query(new QueryUnit(s.location, QueryOrigin.NAMED_QUERY, s.nativeQuery ? QueryLanguage.SQL
                        : QueryLanguage.JPQL, raw.strip(), CallSite.UNKNOWN, false, false, Set.of(), List.of()));
                continue;
            }
            MapperSql.Flat flat = MapperSql.flatten(raw);
            Cardinality cardinality = s.kind.equals("select") ? Cardinality.UNKNOWN : Cardinality.UPDATE_COUNT;
            CallSite site = new CallSite("", cardinality, "", false, handler.namespace, s.id);
            out.query(new QueryUnit(s.location, QueryOrigin.MYBATIS_XML, QueryLanguage.SQL,
                    flat.text().strip().replaceAll("\\s+", " "), site, flat.dynamic(), flat.filterConditional(),
                    Set.of(), List.of()));
        }
    }

    static SAXParserFactory secureFactory() throws Exception {
        return io.github.querylint.core.source.SecureXml.saxParserFactory();
    }

    private static String resolveIncludes(String body, Map<String, String> fragments, int depth) {
        if (depth > 10 || !body.contains("<include")) {
            return body;
        }
        StringBuilder sb = new StringBuilder();
        var m = java.util.regex.Pattern.compile("<include\\s+refid=\"([^\"]+)\"\\s*/>|<include\\s+refid=\"([^\"]+)\"\\s*>.*?</include>",
                java.util.regex.Pattern.DOTALL).matcher(body);
        int last = 0;
        while (m.find()) {
            sb.append(body, last, m.start());
            String id = m.group(1) != null ? m.group(1) : m.group(2);
            String fragment = fragments.get(id);
            if (fragment == null && id.contains(".")) {
                fragment = fragments.get(id.substring(id.lastIndexOf('.') + 1));
            }
            sb.append(' ').append(fragment == null ? "ql_dynamic" : resolveIncludes(fragment, fragments, depth + 1)).append(' ');
            last = m.end();
        }
        sb.append(body.substring(last));
        return sb.toString();
    }

    private record Statement(String kind, String id, Location location, String body, boolean jpa, boolean nativeQuery) {
    }

    /** Rebuilds each statement's inner markup (tags kept as text) with the line where it starts. */
    private static final class Handler extends DefaultHandler {
        private final SourceFile file;
        private Locator locator;
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

        Handler(SourceFile file) {
            this.file = file;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader("")); // never read an external entity or DTD
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = qName.contains(":") ? qName.substring(qName.indexOf(':') + 1) : qName;
            if (name.equals("mapper")) {
                namespace = attributes.getValue("namespace") == null ? "" : attributes.getValue("namespace");
            }
            if (body == null) {
                if (STATEMENTS.contains(name) || name.equals("sql") || name.equals("named-query")
                        || name.equals("named-native-query")) {
                    body = new StringBuilder();
                    kind = name;
                    id = attributes.getValue(name.startsWith("named") ? "name" : "id");
                    id = id == null ? "" : id;
                    location = new Location(file.path(), locator == null ? 1 : locator.getLineNumber(), 1);
                    jpa = name.startsWith("named");
                    nativeQuery = name.equals("named-native-query");
                    depth = 0;
                }
                return;
            }
            depth++;
            if (jpa) {
                return; // <query> inside a named query: its text is what counts
            }
            body.append('<').append(name);
            for (int i = 0; i < attributes.getLength(); i++) {
                body.append(' ').append(attributes.getQName(i)).append("=\"")
                        .append(attributes.getValue(i).replace("\"", "'").replace("<", "&lt;").replace(">", "&gt;"))
                        .append('"');
            }
            body.append(name.equals("include") ? "/>" : ">");
            open.push(name);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (body == null) {
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
            if (jpa) {
                return;
            }
            String name = open.isEmpty() ? "" : open.pop();
            if (!name.equals("include")) {
                body.append("</").append(name).append('>');
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (body != null) {
                String text = new String(ch, start, length);
                body.append(jpa ? text : text.replace("<", "&lt;").replace(">", "&gt;"));
            }
        }
    }
}
