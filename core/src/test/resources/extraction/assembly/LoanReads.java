package shop.assembly;

import java.sql.ResultSet;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

class LoanReads {

    private final JdbcTemplate jdbcTemplate;

    LoanReads(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    List<Loan> byClient(long clientId) {
        final LoanMapper rm = new LoanMapper();
        final String sql = "select " + rm.schema() + " where l.client_id = ?";
        return this.jdbcTemplate.query(sql, rm, clientId);
    }

    Loan one(long id) {
        final ChargeMapper rm = new ChargeMapper();
        return this.jdbcTemplate.queryForObject("select " + rm.schema() + " where c.id = ?", rm, id);
    }

    List<Loan> fees(long loanId) {
        final shop.assembly.mappers.FeeMapper fm = new shop.assembly.mappers.FeeMapper();
        return this.jdbcTemplate.query("select " + fm.schema() + " where f.loan_id = ?", (rs, i) -> null, loanId);
    }

    List<Loan> overdue() {
        return this.jdbcTemplate.query("select " + overdueColumns() + " from m_loan l where l.overdue", new LoanMapper());
    }

    private String overdueColumns() {
        return "l.id, l.principal";
    }

    private static final class LoanMapper implements RowMapper<Loan> {

        private final String schema;

        LoanMapper() {
            final StringBuilder sql = new StringBuilder(200);
            sql.append("l.id as id, l.principal as principal ");
            sql.append("from m_loan l ");
            sql.append("join m_client c on c.id = l.client_id");
            this.schema = sql.toString();
        }

        public String schema() {
            return this.schema;
        }

        @Override
        public Loan mapRow(ResultSet rs, int rowNum) {
            return null;
        }
    }

    private static final class ChargeMapper implements RowMapper<Loan> {

        public String schema() {
            return "c.id as id, c.amount as amount from m_charge c";
        }

        @Override
        public Loan mapRow(ResultSet rs, int rowNum) {
            return null;
        }
    }

    record Loan(long id) {
    }
}
