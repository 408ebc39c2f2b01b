package io.github.querylint.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceFileTest {

    private static SourceFile at(String path) {
        return SourceFile.of(Path.of("/repo"), Path.of("/repo").resolve(path));
    }

    @Test
    void testSourceSetsAreMavensAndGradles() {
        assertThat(at("src/test/java/a/DaoTest.java").isTestSource()).isTrue();
        assertThat(at("billing/src/test/java/a/DaoTest.java").isTestSource()).isTrue();
        assertThat(at("billing/src/it/java/a/DaoIT.java").isTestSource()).isTrue();
        assertThat(at("billing/src/integrationTest/java/a/DaoIT.java").isTestSource()).isTrue();
        assertThat(at("billing/src/testFixtures/java/a/Rows.java").isTestSource()).isTrue();
        assertThat(at("billing/src/main/java/a/Dao.java").isTestSource()).isFalse();
        assertThat(at("billing/src/main/java/a/test/TestData.java").isTestSource()).isFalse();
        assertThat(at("src/main/resources/mappers/InvoiceMapper.xml").isTestSource()).isFalse();
    }
}
