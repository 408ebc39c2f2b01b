package io.github.querylint.core.extract;

import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Spring Data JPA's named queries file, {@code META-INF/jpa-named-queries.properties}: one JPQL
 * query per property, named {@code <Entity>.<method>}. Each is a named query of its own (reported
 * at the line its property starts), judged by how the repository method or the {@code createNamedQuery} call
 * that runs it by name reads its rows. Properties syntax throughout: {@code =},
 * {@code :} or blanks between name and text, {@code #} and {@code !} comments, lines continued
 * by a backslash, and escapes.
 */
public final class NamedQueriesProperties implements Extractor {

    /** One property: its name, its text (null when the line is malformed), and the line where it starts. */
    record Entry(String name, String text, int line) {
    }

    private final ProjectConstants index;

    /** @param index the first pass's index, for how the code's calls run each query by name */
    public NamedQueriesProperties(ProjectConstants index) {
        this.index = index;
    }

    public NamedQueriesProperties() {
        this(ProjectConstants.EMPTY);
    }

    @Override
    public boolean accepts(SourceFile file) {
        return file.kind() == SourceKind.PROPERTIES;
    }

    @Override
    public void extract(SourceFile file, String text, ExtractionSink out) {
        for (Entry e : entries(text)) {
            if (e.text() == null) {
                out.notice(new Notice(Notice.Kind.SKIPPED_QUERY, new Location(file.path(), e.line(), 1), "property"
                        + " could not be read (a malformed \\uXXXX escape), so its named query was not analysed"));
                continue;
            }
            // judged by how the code's calls and repository methods run it by name (createNamedQuery, a method
            // Customer.findByRegion of Customer's repository), reported here
            CallSite site = index.namedQueryReading(e.name());
            out.query(new QueryUnit(new Location(file.path(), e.line(), 1), QueryOrigin.NAMED_QUERY, QueryLanguage.JPQL,
                    e.text(), site, false, false, Set.of(), List.of()));
        }
    }

    /** First pass: each property as a named query, for the calls and repository methods that run it by name. */
    static void index(SourceFile file, String text, ProjectConstants index) {
        for (Entry e : entries(text)) {
            if (e.text() == null) {
                continue;
            }
            index.addNamedQuery(new ProjectConstants.NamedQuery(e.name(), e.text(), QueryLanguage.JPQL,
                    new Location(file.path(), e.line(), 1), false));
        }
    }

    /** The properties with a name and a text, in the file's order. */
    static List<Entry> entries(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i;
            String first = lines[i].stripLeading();
            if (first.isEmpty() || first.startsWith("#") || first.startsWith("!")) {
                continue;
            }
            // a logical line goes on while a line ends in an odd number of backslashes
            StringBuilder logical = new StringBuilder(lines[i]);
            while (continues(lines[i]) && i + 1 < lines.length) {
                i++;
                logical.append('\n').append(lines[i]);
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                entries.add(new Entry("", null, start + 1)); // a malformed escape: java.util.Properties rejects it too
                continue;
            }
            for (Map.Entry<Object, Object> p : one.entrySet()) {
                String name = p.getKey().toString().strip();
                String query = p.getValue().toString().strip();
                if (!name.isEmpty() && !query.isEmpty()) {
                    entries.add(new Entry(name, query, start + 1));
                }
            }
        }
        return entries;
    }

    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
