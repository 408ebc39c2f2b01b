package io.github.querylint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.testing.JsonSchemas;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReportContext CONTEXT = new ReportContext("1.2.3", ReportContext.DOCS_BASE_URI, false);

    static List<Report> formats() {
        return Reports.all();
    }

    @Test
    void everyFormatOfTheConventionsIsRegisteredOnce() {
        assertThat(Reports.formats()).containsExactly("text", "json", "sarif", "checkstyle", "gitlab", "rdjsonl", "github");
        assertThat(Reports.byFormat(" SARIF ")).map(Report::format).contains("sarif");
        assertThat(Reports.byFormat("html")).isEmpty();
        assertThat(Reports.all().stream().map(Report::fileName).distinct()).hasSize(Reports.all().size());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void sameResultSameBytesWithUnixLineEndsAndNoByteOrderMark(Report report) {
        String once = report.render(SampleResults.sample(), CONTEXT.withIncludeSuppressed(true));
        String twice = report.render(SampleResults.sample(), CONTEXT.withIncludeSuppressed(true));
        assertThat(once).isEqualTo(twice).endsWith("\n").doesNotStartWith("\uFEFF");
        assertThat(once.replace("\\r", "")).doesNotContain("\r");
    }

    @Test
    void sarifIsValidWithAndWithoutSuppressedFindings() throws Exception {
        for (boolean include : new boolean[] {false, true}) {
            String sarif = new SarifReport().render(SampleResults.sample(), CONTEXT.withIncludeSuppressed(include));
            assertThat(JsonSchemas.sarifProblems(sarif)).isEmpty();
            JsonNode results = JSON.readTree(sarif).at("/runs/0/results");
            List<JsonNode> suppressed = new ArrayList<>();
            results.forEach(r -> {
                if (r.has("suppressions")) {
                    suppressed.add(r);
                }
            });
            assertThat(results).hasSize(include ? 5 : 4);
            assertThat(suppressed).hasSize(include ? 1 : 0);
            if (include) {
                assertThat(suppressed.get(0).at("/suppressions/0/kind").asText()).isEqualTo("inSource");
                assertThat(suppressed.get(0).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(20);
            }
        }
    }

    @Test
    void theSarifSchemaCatchesAnInvalidLog() {
        String sarif = new SarifReport().render(SampleResults.sample(), CONTEXT);
        assertThat(JsonSchemas.sarifProblems(sarif.replace("\"level\" : \"warning\"", "\"level\" : \"fatal\""))).isNotEmpty();
    }

    @Test
    void sarifRulesCarryHelpTextMarkdownAndUri() throws Exception {
        JsonNode rules = JSON.readTree(new SarifReport().render(SampleResults.sample(), CONTEXT))
                .at("/runs/0/tool/driver/rules");
        assertThat(rules).hasSize(3);
        for (JsonNode rule : rules) {
            String id = rule.get("id").asText();
            assertThat(rule.get("helpUri").asText()).isEqualTo(ReportContext.DOCS_BASE_URI + id + ".md");
            assertThat(rule.at("/help/text").asText()).contains(rule.get("helpUri").asText());
            assertThat(rule.at("/help/markdown").asText()).contains("](" + rule.get("helpUri").asText() + ")");
        }
    }

    @Test
    void jsonMatchesItsDocumentedSchemaWithAndWithoutSuppressedFindings() throws Exception {
        for (boolean include : new boolean[] {false, true}) {
            String json = new JsonReport().render(SampleResults.sample(), CONTEXT.withIncludeSuppressed(include));
            assertThat(JsonSchemas.reportProblems(json)).isEmpty();
            assertThat(JSON.readTree(json).has("suppressedFindings")).isEqualTo(include);
        }
        String empty = new JsonReport().render(new AnalysisResult(List.of(), List.of(), List.of(), List.of(), 0, 0,
                List.of(), 0), CONTEXT);
        assertThat(JsonSchemas.reportProblems(empty)).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheFormatNeverWrites() {
        String json = new JsonReport().render(SampleResults.sample(), CONTEXT);
        assertThat(JsonSchemas.reportProblems(json.replace("\"severity\" : \"error\"", "\"severity\" : \"fatal\"")))
                .isNotEmpty();
        assertThat(JsonSchemas.reportProblems(json.replace("\"formatVersion\" : 1,", "\"formatVersion\" : 1, \"x\" : 1,")))
                .isNotEmpty();
    }

    @Test
    void checkstyleIsWellFormedXmlThatKeepsEveryCharacterOfTheMessage() throws Exception {
        String xml = new CheckstyleReport().render(SampleResults.sample(), CONTEXT);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("checkstyle");
        NodeList files = doc.getElementsByTagName("file");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.getLength(); i++) {
            names.add(((Element) files.item(i)).getAttribute("name"));
        }
        assertThat(names).containsExactly("bin/blob.dat", SampleResults.SQL, SampleResults.JAVA);
        NodeList errors = doc.getElementsByTagName("error");
        assertThat(errors.getLength()).isEqualTo(5); // four findings and the unreadable file; the parse failure is its finding
        List<String> severities = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < errors.getLength(); i++) {
            Element e = (Element) errors.item(i);
            severities.add(e.getAttribute("severity"));
            sources.add(e.getAttribute("source"));
        }
        assertThat(severities).containsExactly("info", "warning", "info", "error", "error");
        assertThat(sources).containsExactly("querylint.notice.unreadable-file", "querylint.select-star",
                "querylint.parse-error", "querylint.unbounded-result", "querylint.unbounded-result");
        Element star = (Element) errors.item(1);
        assertThat(star.getAttribute("message")).isEqualTo("first line, with: colon\nsecond line\r");
        assertThat(((Element) errors.item(3)).getAttribute("message"))
                .isEqualTo("query reads every row of \"orders\" <all> & 100% of them; add a filter");
    }

    @Test
    void xmlAttributesDropCharactersXmlCannotHold() {
        assertThat(Xml.attribute("a\u0000b\u0007c\uD800d\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uD83D\uDE00");
    }

    @Test
    void gitlabIssuesHaveUniqueFingerprintsWithoutLineNumbersAndGitLabSeverities() throws Exception {
        String json = new GitLabReport().render(SampleResults.sample(), CONTEXT);
        assertThat(json).startsWith("[");
        JsonNode issues = JSON.readTree(json);
        assertThat(issues).hasSize(5);
        Set<String> fingerprints = new HashSet<>();
        List<String> severities = new ArrayList<>();
        for (JsonNode issue : issues) {
            assertThat(issue.get("description").asText()).isNotEmpty();
            assertThat(issue.get("check_name").asText()).isNotEmpty();
            assertThat(issue.at("/location/path").asText()).isNotEmpty();
            assertThat(issue.at("/location/lines/begin").asInt()).isPositive();
            fingerprints.add(issue.get("fingerprint").asText());
            severities.add(issue.get("severity").asText());
        }
        assertThat(fingerprints).hasSize(5);
        assertThat(severities).containsExactly("major", "major", "minor", "info", "info");
        Finding first = SampleResults.sample().findings().get(0);
        assertThat(issues.get(0).get("fingerprint").asText()).isEqualTo(first.fingerprint());
        // moving the code keeps every fingerprint
        assertThat(fingerprintsOf(new GitLabReport().render(SampleResults.sample(40), CONTEXT)))
                .isEqualTo(fingerprintsOf(json));
    }

    private static Set<String> fingerprintsOf(String gitlab) throws Exception {
        Set<String> out = new HashSet<>();
        JSON.readTree(gitlab).forEach(i -> out.add(i.get("fingerprint").asText()));
        return out;
    }

    @Test
    void rdjsonlHasOneDiagnosticPerLineWithColumnsInUtf8Bytes() throws Exception {
        // line 12 of the Java file: two 2-byte letters and one 4-byte letter (two UTF-16 units) before the call
        String line = "\tvar größe𐐀 = jdbc.queryForList(sql);";
        int utf16Column = line.indexOf("jdbc") + 1;
        assertThat(utf16Column).isEqualTo(16);
        SourceLines sources = (path, n) -> path.equals(SampleResults.JAVA) && n == 12 ? Optional.of(line) : Optional.empty();
        AnalysisResult result = SampleResults.sample();
        result = new AnalysisResult(List.of(SampleResults.finding("unbounded-result", io.github.querylint.core.rule.Severity.ERROR,
                "m", SampleResults.JAVA, 12, utf16Column, "q", result.findings().get(0).related())), result.notices(),
                result.queries(), result.rules(), 0, 0, List.of(), 1);
        String out = new RdjsonlReport().render(result, CONTEXT.withSources(sources));
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(2); // the finding and the unreadable file
        JsonNode d = JSON.readTree(lines.get(0));
        assertThat(d.at("/location/range/start/column").asInt()).isEqualTo(16 + 1 + 1 + 2);
        assertThat(d.at("/location/path").asText()).isEqualTo(SampleResults.JAVA);
        assertThat(d.get("severity").asText()).isEqualTo("ERROR");
        assertThat(d.at("/code/value").asText()).isEqualTo("unbounded-result");
        assertThat(d.at("/code/url").asText()).endsWith("/unbounded-result.md");
        assertThat(d.at("/source/name").asText()).isEqualTo("querylint");
        assertThat(d.at("/related_locations/0/location/path").asText()).isEqualTo("src/main/java/com/acme/Queries.java");
        JsonNode notice = JSON.readTree(lines.get(1));
        assertThat(notice.get("severity").asText()).isEqualTo("INFO");
        assertThat(notice.at("/code/value").asText()).isEqualTo("unreadable-file");
    }

    @Test
    void rdjsonlKeepsTheColumnWhenTheLineIsUnknown() throws Exception {
        String out = new RdjsonlReport().render(SampleResults.sample(), CONTEXT);
        assertThat(JSON.readTree(out.lines().findFirst().orElseThrow()).at("/location/range/start/column").asInt())
                .isEqualTo(25);
        assertThat(out.lines()).hasSize(5).allSatisfy(l -> assertThat(JSON.readTree(l).isObject()).isTrue());
    }

    @Test
    void githubCommandsEscapeDataAndProperties() {
        String out = new GitHubReport().render(SampleResults.sample(), CONTEXT);
        assertThat(out.lines()).contains(
                "::warning file=db/a%2Cb%3Ac 100%25.sql,line=3,col=1,title=SELECT * in a query (select-star)"
                        + "::first line, with: colon%0Asecond line%0D",
                "::notice file=db/a%2Cb%3Ac 100%25.sql,line=9,col=1,title=Query could not be parsed (parse-error)"
                        + "::SQL query could not be parsed (bad token)",
                "::error file=src/main/java/com/acme/dir with space/Größe.java,line=12,col=25,"
                        + "title=Unbounded result (unbounded-result)::query reads every row of \"orders\" <all> & 100%25 of them; add a filter",
                "::notice file=bin/blob.dat,line=1,col=1,title=QueryLint notice (unreadable-file)"
                        + "::file looks binary (it holds NUL bytes) and was not read; exclude it");
        List<String> lines = out.lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("QueryLint: 2 errors, 1 warning, 1 note").doesNotContain("cap");
        assertThat(GitHubReport.property("a%b\r\nc:d,e")).isEqualTo("a%25b%0D%0Ac%3Ad%2Ce");
        assertThat(GitHubReport.data("a%b\r\nc:d,e")).isEqualTo("a%25b%0D%0Ac:d,e");
    }

    @Test
    void githubKeepsEveryLineAndCountsWhatGoesBeyondTheCap() {
        String out = new GitHubReport().render(SampleResults.many(12, 11, 15), CONTEXT);
        List<String> lines = out.lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("::error ")).hasSize(12);
        assertThat(lines).filteredOn(l -> l.startsWith("::warning ")).hasSize(11);
        assertThat(lines).filteredOn(l -> l.startsWith("::notice ")).hasSize(15);
        assertThat(lines).hasSize(12 + 11 + 15 + 1);
        assertThat(lines.get(lines.size() - 1)).startsWith("QueryLint: 12 errors, 11 warnings, 15 notes")
                .contains("at most 10 error and 10 warning annotations per step, so 2 errors and 1 warning beyond");
        assertThat(new GitHubReport().render(SampleResults.many(10, 10, 0), CONTEXT)).doesNotContain("beyond");
        assertThat(new GitHubReport().render(SampleResults.many(0, 13, 0), CONTEXT))
                .contains("so 0 errors and 3 warnings beyond");
    }

    @Test
    void textShowsSuppressedFindingsOnlyWhenAskedAndColoursOnlyWhenAllowed() {
        String plain = new TextReport().render(SampleResults.sample(), CONTEXT);
        assertThat(plain).doesNotContain("Suppressed:").doesNotContain("\u001b[");
        assertThat(plain).contains(SampleResults.SQL + ":3:1: warning: first line, with: colon second line [select-star]\n")
                .contains(SampleResults.JAVA + ":12:25: error: query reads every row")
                .contains("\n    SELECT id FROM orders\n");
        String all = new TextReport().render(SampleResults.sample(), CONTEXT.withIncludeSuppressed(true).withColor(true));
        assertThat(all).contains("Suppressed:\n  " + SampleResults.SQL + ":20:1: warning: ")
                .contains("[select-star, suppressed]").contains("\u001b[1;31merror\u001b[0m");
    }
}
