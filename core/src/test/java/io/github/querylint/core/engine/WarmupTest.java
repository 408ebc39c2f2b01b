package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.parse.ParseOutcome;
import io.github.querylint.core.parse.QueryParser;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up reaches every parser a first module needs: Java, SQL and JPQL, each query parsed. */
class WarmupTest {

    @Test
    void theSamplesHoldSqlAndJpqlThatParse() {
        List<QueryUnit> units = Warmup.sampleQueries();
        assertThat(units).extracting(QueryUnit::language).contains(QueryLanguage.SQL, QueryLanguage.JPQL);
        assertThat(units).hasSize(3);
        try (QueryParser parser = new QueryParser(10_000, QueryParser.DEFAULT_MAX_QUERY_CHARS)) {
            for (QueryUnit unit : units) {
                assertThat(parser.parse(unit.text(), unit.language(), SqlDialect.ANSI))
                        .as(unit.text()).isInstanceOf(ParseOutcome.Parsed.class);
            }
        }
    }

    @Test
    void startingTwiceStartsOnceAndNeverThrows() throws Exception {
        Warmup.startInBackground();
        Warmup.startInBackground();
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("querylint-warmup")).count()).isLessThanOrEqualTo(1);
        Warmup.run();
    }
}
