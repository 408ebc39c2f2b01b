package io.github.querylint.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import io.github.querylint.core.source.SecureXml;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML from strangers never makes the run read a local file or open a connection: external
 * entities (general and parameter), external DTDs and XInclude all stay unread, in a MyBatis
 * mapper and in a Liquibase changelog alike. A local server counts every connection attempt.
 */
class XxeTest {

    private static final String SECRET = "TOP-SECRET-7f3a9c";

    @TempDir
    Path root;

    private Path secret;
    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;

    @BeforeEach
    void setUp() throws IOException {
        Path outside = Files.createTempDirectory("querylint-xxe-secret");
        secret = Files.writeString(outside.resolve("secret.txt"), SECRET);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "xxe-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void tearDown() throws IOException, InterruptedException {
        server.close();
        acceptor.join(2_000);
        Files.deleteIfExists(secret);
        Files.deleteIfExists(secret.getParent());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/" + path;
    }

    private String fileUri() {
        return secret.toUri().toString();
    }

    @Test
    void mapperWithExternalEntitiesReadsNeitherTheFileNorTheNetwork() throws IOException {
        Trees.healthy(root);
        Trees.write(root, "src/main/resources/mapper/EvilFileMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper [
                  <!ENTITY xxe SYSTEM "%s">
                ]>
                <mapper namespace="evil.FileMapper">
                  <select id="leak" resultType="map">
                    SELECT * FROM users WHERE name = '&xxe;'
                  </select>
                </mapper>
                """.formatted(fileUri()));
        Trees.write(root, "src/main/resources/mapper/EvilUrlMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper [
                  <!ENTITY xxe SYSTEM "%s">
                ]>
                <mapper namespace="evil.UrlMapper">
                  <select id="leak" resultType="map">
                    SELECT * FROM users WHERE name = '&xxe;'
                  </select>
                </mapper>
                """.formatted(url("entity")));
        Trees.write(root, "src/main/resources/mapper/EvilParameterEntityMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper [
                  <!ENTITY %% remote SYSTEM "%s">
                  %%remote;
                ]>
                <mapper namespace="evil.ParameterMapper">
                  <select id="leak" resultType="map">SELECT * FROM users</select>
                </mapper>
                """.formatted(url("evil.dtd")));
        Trees.write(root, "src/main/resources/mapper/EvilDtdMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE mapper SYSTEM "%s">
                <mapper namespace="evil.DtdMapper">
                  <select id="leak" resultType="map">SELECT * FROM users</select>
                </mapper>
                """.formatted(url("mapper.dtd")));
        Trees.write(root, "src/main/resources/mapper/EvilXIncludeMapper.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <mapper namespace="evil.XIncludeMapper" xmlns:xi="http://www.w3.org/2001/XInclude">
                  <select id="leak" resultType="map">
                    SELECT * FROM users WHERE name = '<xi:include href="%s" parse="text"/>'
                  </select>
                </mapper>
                """.formatted(fileUri()));

        AnalysisResult result = Trees.analyze(root);

        assertNoLeak(result);
        // the healthy files are still judged, and so are the statements around the refused entities
        assertThat(Trees.findingLines(result)).containsAll(Trees.HEALTHY_FINDINGS);
        assertThat(Trees.findingLines(result)).contains("src/main/resources/mapper/EvilDtdMapper.xml:4",
                "src/main/resources/mapper/EvilParameterEntityMapper.xml:7");
    }

    @Test
    void liquibaseChangelogWithExternalEntitiesLeaksNothing() throws Exception {
        Trees.healthy(root);
        String changelog = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE databaseChangeLog [
                  <!ENTITY file SYSTEM "%s">
                  <!ENTITY remote SYSTEM "%s">
                ]>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="mallory">
                    <sql>INSERT INTO leaks (text) VALUES ('&file;')</sql>
                    <createView viewName="leak">SELECT '&remote;' AS text FROM dual</createView>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(fileUri(), url("changelog-entity"));
        Trees.write(root, "src/main/resources/db/changelog/db.changelog-master.xml", changelog);

        AnalysisResult result = Trees.analyze(root);
        assertNoLeak(result);
        assertThat(Trees.findingLines(result)).containsAll(Trees.HEALTHY_FINDINGS);

        // whatever extractor reads changelogs uses the shared factory; read one with a handler that
        // would resolve entities the JDK's default way (DefaultHandler.resolveEntity returns null)
        StringBuilder text = new StringBuilder();
        SAXParser parser = SecureXml.saxParserFactory().newSAXParser();
        parser.parse(new InputSource(new StringReader(changelog)), new DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                text.append(ch, start, length);
            }
        });
        assertThat(text.toString()).contains("INSERT INTO leaks").doesNotContain(SECRET);
        assertNoConnection();
    }

    @Test
    void billionLaughsStopsWithANoticeInsteadOfEatingTheHeap() {
        Trees.healthy(root);
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        Trees.write(root, "src/main/resources/mapper/LaughMapper.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE mapper [
                %s]>
                <mapper namespace="evil.Laugh">
                  <select id="laugh">SELECT '&lol10;' FROM dual</select>
                </mapper>
                """.formatted(dtd));
        long start = System.nanoTime();
        AnalysisResult result = Trees.analyze(root);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);
        assertThat(Trees.noticesFor(result, "src/main/resources/mapper/LaughMapper.xml"))
                .singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo(Notice.Kind.UNPARSEABLE_FILE);
                    assertThat(n.message()).contains("XML could not be parsed");
                });
        assertThat(Trees.findingLines(result)).containsAll(Trees.HEALTHY_FINDINGS);
    }

    @Test
    void theSharedFactoryAllowsNoExternalAccessAtAll() throws Exception {
        SAXParser parser = SecureXml.saxParserFactory().newSAXParser();
        assertThat(parser.getProperty(XMLConstants.ACCESS_EXTERNAL_DTD)).isEqualTo("");
        assertThat(parser.getProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA)).isEqualTo("");
        assertThat(parser.getXMLReader().getFeature("http://xml.org/sax/features/external-general-entities")).isFalse();
        assertThat(parser.getXMLReader().getFeature("http://xml.org/sax/features/external-parameter-entities")).isFalse();
        assertThat(parser.isXIncludeAware()).isFalse();
        // a DOCTYPE is fine: every MyBatis mapper has one
        parser.parse(new InputSource(new StringReader("""
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "%s">
                <mapper/>""".formatted(url("mybatis-3-mapper.dtd")))), new DefaultHandler());
        assertNoConnection();
    }

    /** Every XML parser in core's main code comes from {@link SecureXml}, so no new one forgets the features. */
    @Test
    void noOtherXmlFactoryInMainCode() throws IOException {
        Path main = Path.of("src/main/java");
        Pattern factory = Pattern.compile("(SAXParserFactory|DocumentBuilderFactory|XMLInputFactory|TransformerFactory"
                + "|SchemaFactory|XMLReaderFactory)\\s*\\.\\s*new(Default)?Instance");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("SecureXml.java"))
                    .filter(p -> {
                        try {
                            Matcher m = factory.matcher(Files.readString(p));
                            return m.find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
        }
        assertThat(offenders).as("XML factories made outside SecureXml; use SecureXml.saxParserFactory()").isEmpty();
    }

    private void assertNoLeak(AnalysisResult result) {
        assertThat(result.queries()).allSatisfy(q -> assertThat(q.text()).doesNotContain(SECRET));
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.message() + f.query()).doesNotContain(SECRET));
        assertThat(result.notices()).allSatisfy(n -> assertThat(n.message()).doesNotContain(SECRET));
        for (var report : Reports.all()) {
            assertThat(report.render(result, ReportContext.defaults())).as(report.format()).doesNotContain(SECRET);
        }
        assertNoConnection();
    }

    private void assertNoConnection() {
        try {
            Thread.sleep(100); // an accepted connection is counted by the acceptor thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(connections.get()).as("connections to the local server").isZero();
    }
}
