package io.github.querylint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableSizesTest {

    @Test
    void readsBothFormsCaseInsensitivelyAndQualified() {
        TableSizes sizes = TableSizes.parse("querylint-sizes.yml", """
                # refreshed monthly
                tables:
                  customers: 3000000
                  Orders: { rows: 24000000, avgRowBytes: 180 }
                  billing.invoices: 800_000
                  audit.invoices: 5
                """);
        assertThat(sizes.tables().get("orders")).isEqualTo(new TableSizes.Size(24_000_000, 180));
        Map<String, Long> rows = sizes.rowsByName();
        assertThat(rows.get("CUSTOMERS")).isEqualTo(3_000_000L);
        assertThat(rows.get("billing.invoices")).isEqualTo(800_000L);
        assertThat(rows.get("audit.invoices")).isEqualTo(5L);
        // by its simple name, the largest of the schemas that share it
        assertThat(rows.get("invoices")).isEqualTo(800_000L);
    }

    @Test
    void badEntriesAreErrorsThatNameTheTable() {
        assertThatThrownBy(() -> TableSizes.parse("s.yml", "tables:\n  orders: lots\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("orders").hasMessageContaining("whole number");
        assertThatThrownBy(() -> TableSizes.parse("s.yml", "tables:\n  orders: { row: 5 }\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'row'");
        assertThatThrownBy(() -> TableSizes.parse("s.yml", "table:\n  orders: 5\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'table'");
        assertThatThrownBy(() -> TableSizes.parse("s.yml", "tables:\n  orders: 5\n  ORDERS: 6\n"))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> TableSizes.parse("s.yml", "tables:\n  orders: -1\n"))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> TableSizes.parse("s.yml", "tables: [\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
        assertThat(TableSizes.parse("s.yml", "")).isEqualTo(TableSizes.EMPTY);
    }

    @Test
    void writesSortedAndReadsBack() {
        TableSizes sizes = new TableSizes(Map.of("orders", new TableSizes.Size(24_000_000, 180),
                "billing.invoices", new TableSizes.Size(7, 0), "Customers", new TableSizes.Size(3, 0)));
        String yaml = sizes.toYaml(List.of("taken from a test"));
        assertThat(yaml).isEqualTo("""
                # taken from a test
                tables:
                  billing.invoices: 7
                  Customers: 3
                  orders: { rows: 24000000, avgRowBytes: 180 }
                """);
        assertThat(TableSizes.parse("x", yaml)).isEqualTo(sizes);
        assertThat(TableSizes.parse("x", TableSizes.EMPTY.toYaml(List.of()))).isEqualTo(TableSizes.EMPTY);
    }
}
