package io.github.querylint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.testing.Expectations;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Metadata once, checked: ids, summaries, options, fixtures on both sides. */
class RuleConformanceTest {

    @Test
    void idsAreKebabCaseAndUnique() {
        Set<String> seen = new HashSet<>();
        for (Rule rule : RuleFixturesTest.rules()) {
            String id = rule.descriptor().id();
            assertThat(id).matches(RuleDescriptor.ID);
            assertThat(seen.add(id)).as("duplicate id %s", id).isTrue();
        }
        assertThat(seen).contains("select-star", "unbounded-result", "missing-pagination", "excessive-joins",
                "unindexed-filter", "unknown-table");
    }

    @Test
    void summariesAreOneSentenceWithoutTrailingPeriod() {
        for (Rule rule : RuleFixturesTest.rules()) {
            RuleDescriptor d = rule.descriptor();
            assertThat(d.summary()).as(d.id()).doesNotEndWith(".").doesNotContain(". ");
            assertThat(Character.isUpperCase(d.summary().charAt(0))).as(d.id()).isTrue();
            assertThat(d.title()).as(d.id()).isNotBlank().doesNotEndWith(".");
            for (Option<?> o : d.options()) {
                assertThat(o.description()).as(d.id() + "." + o.name()).isNotBlank().doesNotEndWith(".");
            }
        }
    }

    @Test
    void everyRuleHasAFixtureWithBothSides() throws Exception {
        Path root = RuleFixturesTest.fixtures();
        List<Expectations.Window> windows = Expectations.read(root);
        for (Rule rule : RuleFixturesTest.rules()) {
            String id = rule.descriptor().id();
            List<Expectations.Window> own = windows.stream().filter(w -> w.path().startsWith(id + ".")
                    || w.path().startsWith(id + "/") || w.path().startsWith(id + "-")).toList();
            assertThat(own).as("fixture for %s", id).isNotEmpty();
            assertThat(own.stream().anyMatch(w -> w.expected().stream().anyMatch(t -> t.contains(id))))
                    .as("%s has a case it must flag", id).isTrue();
            assertThat(own.stream().anyMatch(w -> w.expected().isEmpty()))
                    .as("%s has a case it must leave alone", id).isTrue();
        }
    }
}
