package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.config.ConfigLoader;
import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PomRuleSettingsTest {

    private static final List<RuleDescriptor> RULES = List.of(
            new RuleDescriptor("excessive-joins", "Too many joins", "A query joins too many tables", Severity.WARNING,
                    List.of(Option.ofInt("maxJoins", "joins allowed", 5)), "0.1.0"),
            new RuleDescriptor("select-star", "SELECT *", "A query selects every column", Severity.WARNING, List.of(), "0.1.0"));

    private static final QueryLintConfig FILE = new ConfigLoader(RULES).parse(".querylint.yml",
            "rules:\n  excessive-joins:\n    severity: error\n    maxJoins: 7\n");

    @Test
    void aPomOptionWinsOverTheFileAndKeepsTheFilesOtherKeys() {
        QueryLintConfig config = PomRuleSettings.apply(FILE, RULES, null, Map.of("excessive-joins.maxJoins", " 4 "));
        assertThat(config.rule("excessive-joins").options()).isEqualTo(Map.of("maxJoins", 4));
        assertThat(config.rule("excessive-joins").severity()).isEqualTo(Severity.ERROR);
        assertThat(config.rule("excessive-joins").enabled()).isTrue();
    }

    @Test
    void severityAndEnabledAreKeysToo() {
        Map<String, String> options = new TreeMap<>(Map.of("select-star.severity", "error", "excessive-joins.enabled", "false"));
        QueryLintConfig config = PomRuleSettings.apply(QueryLintConfig.DEFAULTS, RULES, List.of(), options);
        assertThat(config.rule("select-star").severity()).isEqualTo(Severity.ERROR);
        assertThat(config.rule("excessive-joins").enabled()).isFalse();
    }

    @Test
    void disabledRulesTurnRulesOffAndAcceptCommaLists() {
        QueryLintConfig config = PomRuleSettings.apply(FILE, RULES, List.of("select-star, excessive-joins"), Map.of());
        assertThat(config.rule("select-star").enabled()).isFalse();
        assertThat(config.rule("excessive-joins").enabled()).isFalse();
        assertThat(config.rule("excessive-joins").options()).isEqualTo(Map.of("maxJoins", 7));
    }

    @Test
    void nothingInThePomLeavesTheFileAlone() {
        assertThat(PomRuleSettings.apply(FILE, RULES, null, null)).isEqualTo(FILE);
    }

    @Test
    void mistakesAreErrorsThatSayWhatToWrite() {
        assertError(List.of("select-stars"), Map.of(),
                "disabledRules in the POM: unknown rule 'select-stars'; known rules are excessive-joins, select-star");
        assertError(null, Map.of("maxJoins", "4"),
                "ruleOptions in the POM: 'maxJoins' must be <rule-id>.<option>, for example"
                        + " <excessive-joins.maxJoins>4</excessive-joins.maxJoins>");
        assertError(null, Map.of("excessive-join.maxJoins", "4"),
                "ruleOptions 'excessive-join.maxJoins' in the POM: unknown rule 'excessive-join'; known rules are"
                        + " excessive-joins, select-star");
        assertError(null, Map.of("excessive-joins.maxJoin", "4"),
                "ruleOptions in the POM: unknown option 'maxJoin' of rule excessive-joins in <excessive-joins.maxJoin>;"
                        + " known: enabled, severity, maxJoins");
        assertError(null, Map.of("excessive-joins.maxJoins", "four"),
                "ruleOptions in the POM: excessive-joins.maxJoins: option maxJoins wants integer, got 'four'");
        assertError(null, Map.of("select-star.severity", "fatal"),
                "ruleOptions in the POM: select-star.severity: unknown severity 'fatal'; use error, warning or info");
        assertError(null, Map.of("select-star.enabled", "no"),
                "ruleOptions in the POM: select-star.enabled must be true or false, got 'no'");
    }

    private static void assertError(List<String> disabled, Map<String, String> options, String message) {
        assertThatThrownBy(() -> PomRuleSettings.apply(QueryLintConfig.DEFAULTS, RULES, disabled, options))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }
}
